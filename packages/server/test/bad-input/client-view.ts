// Bad-input cases for consent and calendar feeds.
import type { Fixture } from '../fixture.js';
import { unknownId, type WriteEndpoint } from './types.js';

const consent = (f: Fixture) => `/api/clients/${f.clientA1}/relatives/${f.relativeA1}/consent`;

export const writeEndpoints: Record<string, WriteEndpoint> = {
  'POST /api/clients/:clientId/relatives/:relativeId/consent': {
    method: 'POST', role: 'client',
    cases: [
      { name: 'given as text', url: consent, payload: { given: 'yes' }, pointer: '/body/given' },
      { name: 'missing given', url: consent, payload: {}, pointer: '/body/given' },
      { name: 'unknown relative', url: (f) => `/api/clients/${f.clientA1}/relatives/${unknownId}/consent`, payload: { given: true }, status: 404 },
      { name: "another client's relative", url: (f) => `/api/clients/${f.clientA1}/relatives/${f.relativeB1}/consent`, payload: { given: true }, status: 404 },
    ],
  },
  'POST /api/clients/:clientId/calendar-feeds': {
    method: 'POST', role: 'client',
    cases: [{ name: 'client id not a uuid', url: () => '/api/clients/astrid/calendar-feeds', payload: {}, pointer: '/params/clientId' }],
  },
  'DELETE /api/calendar-feeds/:feedId': {
    method: 'DELETE', role: 'client',
    cases: [
      { name: 'feed id not a uuid', url: () => '/api/calendar-feeds/x', payload: undefined, pointer: '/params/feedId' },
      { name: 'unknown feed', url: () => `/api/calendar-feeds/${unknownId}`, payload: undefined, status: 404 },
    ],
  },
};
