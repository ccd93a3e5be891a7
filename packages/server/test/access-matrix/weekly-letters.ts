// Access-matrix entries for the printable weekly letter: one client's, and a team's in one PDF.
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
};
