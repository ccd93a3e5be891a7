// Access-matrix entries for the morning board: the day plan, edits, planning jobs, recording
// visits and swaps. Version numbers in static calls are deliberately stale (999): an allowed role
// gets past the access check and is stopped by the version rule (409).
import { today, type Fixture } from '../fixture.js';
import { teamOf, type MatrixEntry, type Scope } from './types.js';

const day = (f: Fixture, s: Scope) => `/api/teams/${teamOf(f, s)}/days/${today}`;
const visitOf = (f: Fixture, s: Scope) => (s === 'own' ? f.visitA1Today : f.visitB1Today);
const jobOf = (f: Fixture, s: Scope) => (s === 'own' ? f.jobA : f.jobB);
const board = ['unit_manager', 'coordinator'] as const;
let mutation = 0;

export const entries: Record<string, MatrixEntry> = {
  'GET /api/teams/:teamId/days/:date/plan': {
    call: (f, s) => ({ method: 'GET', url: `${day(f, s)}/plan` }),
    own: ['unit_manager', 'coordinator', 'staff'], other: [],
    logs: (f) => [f.clientA1, f.clientA2],
  },
  'GET /api/teams/:teamId/days/:date/service': {
    // The fixture's teams have no service group: an empty answer, and no client read to log.
    call: (f, s) => ({ method: 'GET', url: `${day(f, s)}/service` }),
    own: ['unit_manager', 'coordinator', 'staff'], other: [],
    logs: () => [],
  },
  'POST /api/teams/:teamId/days/:date/visits/:visitId/check': {
    call: (f, s) => ({ method: 'POST', url: `${day(f, s)}/visits/${visitOf(f, s)}/check`, payload: { plannedStart: '08:00' } }),
    // Once an earlier role has recorded the visit done, it can no longer be moved: 409.
    own: board, other: [], allowedStatus: [409],
  },
  'PATCH /api/teams/:teamId/days/:date/visits/:visitId': {
    call: (f, s) => ({ method: 'PATCH', url: `${day(f, s)}/visits/${visitOf(f, s)}`, payload: { version: 999, locked: true } }),
    own: board, other: [], allowedStatus: [409],
  },
  'POST /api/teams/:teamId/days/:date/undo': {
    call: (f, s) => ({ method: 'POST', url: `${day(f, s)}/undo`, payload: { version: 999 } }),
    own: board, other: [], allowedStatus: [409],
  },
  'POST /api/teams/:teamId/days/:date/publish': {
    call: (f, s) => ({ method: 'POST', url: `${day(f, s)}/publish`, payload: { version: 999 } }),
    own: board, other: [], allowedStatus: [409],
  },
  'POST /api/teams/:teamId/days/:date/planning-jobs': {
    call: (f, s) => ({ method: 'POST', url: `${day(f, s)}/planning-jobs` }),
    own: board, other: [],
  },
  'GET /api/planning-jobs/:jobId': {
    call: (f, s) => ({ method: 'GET', url: `/api/planning-jobs/${jobOf(f, s)}` }),
    own: ['unit_manager', 'coordinator', 'staff'], other: [],
  },
  'POST /api/planning-jobs/:jobId/cancel': {
    call: (f, s) => ({ method: 'POST', url: `/api/planning-jobs/${jobOf(f, s)}/cancel` }),
    own: board, other: [],
  },
  'POST /api/planning-jobs/:jobId/apply': {
    call: (f, s) => ({ method: 'POST', url: `/api/planning-jobs/${jobOf(f, s)}/apply`, payload: { version: 999 } }),
    own: board, other: [], allowedStatus: [422],
  },
  'POST /api/visits/:visitId/record': {
    // The visit is the substitute's: staff not on it may not record it.
    call: (f, s) => ({ method: 'POST', url: `/api/visits/${visitOf(f, s)}/record`, payload: { mutationId: `matrix-${++mutation}-${Date.now()}`, baseVersion: 1, status: 'done' } }),
    own: ['unit_manager', 'coordinator', 'substitute'], other: [], allowedStatus: [409],
  },
  'POST /api/visits/:visitId/swap-requests': {
    call: (f, s) => ({ method: 'POST', url: `/api/visits/${visitOf(f, s)}/swap-requests`, payload: { toStaffId: null } }),
    own: ['coordinator', 'staff'], other: [],
  },
  'GET /api/teams/:teamId/days/:date/swap-requests': {
    call: (f, s) => ({ method: 'GET', url: `${day(f, s)}/swap-requests` }),
    own: ['unit_manager', 'coordinator', 'staff'], other: [],
  },
  'POST /api/swap-requests/:swapId/decision': {
    call: (f, s) => ({ method: 'POST', url: `/api/swap-requests/${s === 'own' ? f.swapA : f.swapB}/decision`, payload: { decision: 'decline', version: 999 } }),
    own: board, other: [], allowedStatus: [409],
  },
};
