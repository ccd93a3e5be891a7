// Bad-input cases for a team's planning weights: each weight a number from 0 to its maximum (the
// continuity target a share from 0 to 1, not a percent), all of them, none unknown, and no
// language weighing less than another of the client's languages.
import { defaultPlanningWeights } from '../../src/services/planning-weights.js';
import type { Fixture } from '../fixture.js';
import { unknownId, type WriteEndpoint } from './types.js';

const url = (f: Fixture) => `/api/teams/${f.teamA}/planning-weights`;
const w = defaultPlanningWeights;
const { travelPerMin: _travel, ...withoutTravel } = w;
const { continuityTarget: _target, ...withoutTarget } = w;

export const writeEndpoints: Record<string, WriteEndpoint> = {
  'PUT /api/teams/:teamId/planning-weights': {
    method: 'PUT', role: 'coordinator',
    cases: [
      { name: 'a weight as text', url, payload: { ...w, notFixedContact: '15' }, pointer: '/body/notFixedContact' },
      { name: 'an emptied weight (null)', url, payload: { ...w, unfairLoadPerMin: null }, pointer: '/body/unfairLoadPerMin' },
      { name: 'a negative weight', url, payload: { ...w, slackMin: -1 }, pointer: '/body/slackMin' },
      { name: 'a weight above its maximum', url, payload: { ...w, notFixedContact: 241 }, pointer: '/body/notFixedContact' },
      { name: 'a weight missing', url, payload: withoutTravel, pointer: '/body/travelPerMin' },
      { name: 'a continuity target above 1', url, payload: { ...w, continuityTarget: 1.5 }, pointer: '/body/continuityTarget' },
      { name: 'a negative continuity target', url, payload: { ...w, continuityTarget: -0.1 }, pointer: '/body/continuityTarget' },
      { name: 'a continuity target in percent', url, payload: { ...w, continuityTarget: 90 }, pointer: '/body/continuityTarget' },
      { name: 'a continuity target as text', url, payload: { ...w, continuityTarget: '90' }, pointer: '/body/continuityTarget' },
      { name: 'no continuity target (a client from before it existed)', url, payload: withoutTarget, pointer: '/body/continuityTarget' },
      { name: 'an unknown weight', url, payload: { ...w, distancePerKm: 1 }, pointer: '/body' },
      { name: 'no language weighing less than the first language', url, payload: { ...w, noFirstLanguage: 20, noLanguage: 10 }, pointer: '/body/noLanguage' },
      { name: 'team id not a uuid', url: () => '/api/teams/lag-a/planning-weights', payload: w, pointer: '/params/teamId' },
      { name: 'unknown team', url: () => `/api/teams/${unknownId}/planning-weights`, payload: w, status: 404 },
      { name: "another unit's team", url: (f) => `/api/teams/${f.teamB}/planning-weights`, payload: w, status: 404 },
    ],
  },
  'DELETE /api/teams/:teamId/planning-weights': {
    method: 'DELETE', role: 'coordinator',
    cases: [
      { name: 'team id not a uuid', url: () => '/api/teams/lag-a/planning-weights', payload: undefined, pointer: '/params/teamId' },
      { name: 'unknown team', url: () => `/api/teams/${unknownId}/planning-weights`, payload: undefined, status: 404 },
    ],
  },
};
