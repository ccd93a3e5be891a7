// Bad-input cases for making a team's weekly letters again.
import type { Fixture } from '../fixture.js';
import { unknownId, type WriteEndpoint } from './types.js';

const make = (f: Fixture) => `/api/teams/${f.teamA}/weekly-letters/make`;

export const writeEndpoints: Record<string, WriteEndpoint> = {
  'POST /api/teams/:teamId/weekly-letters/make': {
    method: 'POST', role: 'coordinator',
    cases: [
      { name: 'week not an ISO week', url: make, payload: { week: '2026-49' }, pointer: '/body/week' },
      { name: 'a week 53 the year does not have', url: make, payload: { week: '2027-W53' }, pointer: '/body/week' },
      { name: 'a week already past', url: make, payload: { week: '2026-W40' }, pointer: '/body/week' },
      { name: 'week as a number', url: make, payload: { week: 49 }, pointer: '/body/week' },
      { name: 'unknown field', url: make, payload: { week: '2026-W49', force: true } },
      { name: 'team id not a uuid', url: () => '/api/teams/lag-a/weekly-letters/make', payload: {}, pointer: '/params/teamId' },
      { name: 'unknown team', url: () => `/api/teams/${unknownId}/weekly-letters/make`, payload: {}, status: 404 },
    ],
  },
};
