// Access-matrix entries for what clients and relatives see: the week, consent, calendar feeds.
import { clientOf, type MatrixEntry } from './types.js';

export const entries: Record<string, MatrixEntry> = {
  'GET /api/clients/:clientId/week': {
    call: (f, s) => ({ method: 'GET', url: `/api/clients/${clientOf(f, s)}/week` }),
    own: ['unit_manager', 'coordinator', 'staff', 'substitute', 'needs_assessor', 'client', 'relative'],
    other: ['needs_assessor'],
    logs: (f, s) => [clientOf(f, s)],
  },
  'POST /api/clients/:clientId/relatives/:relativeId/consent': {
    call: (f, s) => ({ method: 'POST', url: `/api/clients/${clientOf(f, s)}/relatives/${s === 'own' ? f.relativeA1 : f.relativeB1}/consent`, payload: { given: true } }),
    own: ['coordinator', 'client'], other: [],
  },
  'POST /api/clients/:clientId/calendar-feeds': {
    call: (f, s) => ({ method: 'POST', url: `/api/clients/${clientOf(f, s)}/calendar-feeds` }),
    own: ['client', 'relative'], other: [],
  },
  'GET /api/clients/:clientId/calendar-feeds': {
    call: (f, s) => ({ method: 'GET', url: `/api/clients/${clientOf(f, s)}/calendar-feeds` }),
    own: ['client', 'relative'], other: [],
  },
  'DELETE /api/calendar-feeds/:feedId': {
    // Only the feed's owner may revoke it; "other" is a feed nobody here owns.
    call: (f, s) => ({ method: 'DELETE', url: `/api/calendar-feeds/${s === 'own' ? f.feedClientA1 : '5b1c2d3e-5f60-4a1b-9c2d-3e4f5a6b7c8d'}` }),
    own: ['client'], other: [],
  },
};

entries['GET /api/teams/:teamId/notifications'] = {
  call: (f, s) => ({ method: 'GET', url: `/api/teams/${s === 'own' ? f.teamA : f.teamB}/notifications` }),
  own: ['unit_manager', 'coordinator', 'staff'], other: [],
};
