// Access-matrix entries for the printable weekly letter: one client's, a team's in one PDF, and
// the letters the weekly job stored.
import { clientOf, teamOf, type MatrixEntry } from './types.js';

export const entries: Record<string, MatrixEntry> = {
  'GET /api/clients/:clientId/weekly-letter': {
    // Whoever may read the client's visits may print their letter.
    call: (f, s) => ({ method: 'GET', url: `/api/clients/${clientOf(f, s)}/weekly-letter?week=2026-W49` }),
    own: ['unit_manager', 'coordinator', 'staff', 'substitute', 'needs_assessor', 'client', 'relative'],
    other: ['needs_assessor'],
    logs: (f, s) => [clientOf(f, s)],
  },
  'GET /api/teams/:teamId/weekly-letters': {
    call: (f, s) => ({ method: 'GET', url: `/api/teams/${teamOf(f, s)}/weekly-letters?week=2026-W49` }),
    own: ['unit_manager', 'coordinator'], other: [],
    logs: (f) => [f.clientA1, f.clientA2],
  },
  'GET /api/teams/:teamId/weekly-letters/made': {
    call: (f, s) => ({ method: 'GET', url: `/api/teams/${teamOf(f, s)}/weekly-letters/made?week=2026-W49` }),
    own: ['unit_manager', 'coordinator'], other: [],
    logs: (f) => [f.clientA1, f.clientA2],
  },
  'POST /api/teams/:teamId/weekly-letters/make': {
    call: (f, s) => ({ method: 'POST', url: `/api/teams/${teamOf(f, s)}/weekly-letters/make`, payload: { week: '2026-W49' } }),
    own: ['unit_manager', 'coordinator'], other: [],
  },
  // No letter is stored in the fixture: passing the access check answers 404 for the unknown
  // letter (weekly-letter.int.test.ts proves the stored bytes and the refusal of another client's).
  'GET /api/clients/:clientId/weekly-letters/:letterId': {
    call: (f, s) => ({ method: 'GET', url: `/api/clients/${clientOf(f, s)}/weekly-letters/4b1c2d3e-5f60-4a1b-9c2d-3e4f5a6b7c8d` }),
    own: ['unit_manager', 'coordinator', 'staff', 'substitute', 'needs_assessor', 'client', 'relative'],
    other: ['needs_assessor'], allowedStatus: [404],
    logs: (f, s) => [clientOf(f, s)],
  },
};
