// Access-matrix entries for a team's planning weights: the team's staff read them, its
// coordinator and unit manager change them, and an administrator does both for any team of the
// municipality. (Another municipality's team: test/planning-weights.int.test.ts.)
import { defaultPlanningWeights } from '../../src/services/planning-weights.js';
import { teamOf, type MatrixEntry } from './types.js';

const url = (f: Parameters<typeof teamOf>[0], s: Parameters<typeof teamOf>[1]) => `/api/teams/${teamOf(f, s)}/planning-weights`;

export const entries: Record<string, MatrixEntry> = {
  'GET /api/teams/:teamId/planning-weights': {
    call: (f, s) => ({ method: 'GET', url: url(f, s) }),
    own: ['admin', 'unit_manager', 'coordinator', 'staff'], other: ['admin'],
  },
  'PUT /api/teams/:teamId/planning-weights': {
    call: (f, s) => ({ method: 'PUT', url: url(f, s), payload: { ...defaultPlanningWeights, notFixedContact: 20, continuityTarget: 0.95 } }),
    own: ['admin', 'unit_manager', 'coordinator'], other: ['admin'],
  },
  'DELETE /api/teams/:teamId/planning-weights': {
    call: (f, s) => ({ method: 'DELETE', url: url(f, s) }),
    own: ['admin', 'unit_manager', 'coordinator'], other: ['admin'],
  },
};
