// Bad-input cases for the foundation's write endpoints.
import type { Fixture } from '../fixture.js';
import { unknownId, type WriteEndpoint } from './types.js';

const huge = 'x'.repeat(300_000);
const long = 'å'.repeat(5000);


const absence = (f: Fixture) => `/api/teams/${f.teamA}/absences`;
const client = (f: Fixture) => `/api/clients/${f.clientA1}`;
const planVisit = (f: Fixture) => `/api/clients/${f.clientA1}/care-plan/visits`;
const decision = (f: Fixture) => `/api/clients/${f.clientA1}/decisions`;
const goodVisit = { title: 'Kvällsbesök', serviceType: 'personal_care', weekdays: [1], windowStart: '19:00', windowEnd: '20:00', durationMin: 20, tasks: [], skills: ['care'], staffCount: 1, videoAllowed: false };

/** Keyed like the access matrix, so every write endpoint must be listed here too. */
export const writeEndpoints: Record<string, WriteEndpoint> = {
  'POST /api/auth/login': {
    method: 'POST', role: 'admin',
    cases: [
      { name: 'missing password', url: () => '/api/auth/login', payload: { username: 'x' }, pointer: '/body/password' },
      { name: 'wrong type', url: () => '/api/auth/login', payload: { username: 42, password: 'p' }, pointer: '/body/username' },
      { name: 'huge body', url: () => '/api/auth/login', payload: { username: huge, password: 'p' }, status: 413 },
    ],
  },
  'PUT /api/auth/locale': {
    method: 'PUT', role: 'staff',
    cases: [
      { name: 'unknown locale', url: () => '/api/auth/locale', payload: { locale: 'xx' }, pointer: '/body/locale' },
      { name: "a client's language for staff screens", url: () => '/api/auth/locale', payload: { locale: 'ar' }, pointer: '/body/locale', status: 422 },
      { name: 'not an object', url: () => '/api/auth/locale', payload: [1, 2], pointer: '/body' },
    ],
  },
  'POST /api/auth/logout': { method: 'POST', role: 'staff', cases: [] },
  'POST /api/teams/:teamId/absences': {
    method: 'POST', role: 'coordinator',
    cases: [
      { name: 'missing staffId', url: absence, payload: { fromDate: '2026-11-25', toDate: '2026-11-25', reason: 'sick' }, pointer: '/body/staffId' },
      { name: 'impossible date', url: absence, payload: { staffId: unknownId, fromDate: '2026-02-30', toDate: '2026-03-01', reason: 'sick' }, pointer: '/body/fromDate' },
      { name: 'to before from', url: (f) => absence(f), payload: { staffId: unknownId, fromDate: '2026-11-25', toDate: '2026-11-24', reason: 'sick' }, pointer: '/body/toDate' },
      { name: 'unknown reason', url: absence, payload: { staffId: unknownId, fromDate: '2026-11-25', toDate: '2026-11-25', reason: 'bored' }, pointer: '/body/reason' },
      { name: 'unknown staff id', url: absence, payload: { staffId: unknownId, fromDate: '2026-11-25', toDate: '2026-11-25', reason: 'sick' }, pointer: '/body/staffId', status: 422 },
      { name: 'team id not a uuid', url: () => '/api/teams/not-a-uuid/absences', payload: { staffId: unknownId, fromDate: '2026-11-25', toDate: '2026-11-25', reason: 'sick' }, pointer: '/params/teamId' },
      { name: 'unknown team', url: () => `/api/teams/${unknownId}/absences`, payload: { staffId: unknownId, fromDate: '2026-11-25', toDate: '2026-11-25', reason: 'sick' }, status: 404 },
    ],
  },
  'PATCH /api/clients/:clientId': {
    method: 'PATCH', role: 'coordinator',
    cases: [
      { name: 'empty change', url: client, payload: {}, pointer: '/body' },
      { name: 'unknown field', url: client, payload: { shoeSize: 42 }, pointer: '/body' },
      { name: 'languages wrong type', url: client, payload: { languages: 'sv' }, pointer: '/body/languages' },
      { name: 'bad language code', url: client, payload: { languages: ['Swedish!'] }, pointer: '/body/languages/0' },
      { name: 'key facts too long', url: client, payload: { keyFacts: long }, pointer: '/body/keyFacts' },
      { name: 'fixed contact from another team', url: client, payload: { fixedContactStaffId: unknownId }, pointer: '/body/fixedContactStaffId', status: 422 },
      { name: 'fixed contact not an undersköterska', url: client, payload: { fixedContactStaffId: 'STAFF_A2' }, pointer: '/body/fixedContactStaffId', status: 422 },
      { name: 'unknown client', url: () => `/api/clients/${unknownId}`, payload: { phone: '1' }, status: 404 },
    ],
  },
  'POST /api/clients/:clientId/care-plan/visits': {
    method: 'POST', role: 'coordinator',
    cases: [
      { name: 'time 25:00', url: planVisit, payload: { ...goodVisit, windowStart: '25:00' }, pointer: '/body/windowStart' },
      { name: 'end before start', url: planVisit, payload: { ...goodVisit, windowStart: '20:00', windowEnd: '19:00' }, pointer: '/body/windowEnd' },
      { name: 'weekday 8', url: planVisit, payload: { ...goodVisit, weekdays: [8] }, pointer: '/body/weekdays/0' },
      { name: 'three staff', url: planVisit, payload: { ...goodVisit, staffCount: 3 }, pointer: '/body/staffCount' },
      { name: 'unknown skill', url: planVisit, payload: { ...goodVisit, skills: ['juggling'] }, pointer: '/body/skills/0' },
      { name: 'missing title', url: planVisit, payload: { ...goodVisit, title: undefined }, pointer: '/body/title' },
      { name: 'duration as text', url: planVisit, payload: { ...goodVisit, durationMin: 'thirty' }, pointer: '/body/durationMin' },
      { name: 'every fifth week', url: planVisit, payload: { ...goodVisit, intervalWeeks: 5, weekAnchor: '2026-12-16' }, pointer: '/body/intervalWeeks' },
      { name: 'every 1.5 weeks', url: planVisit, payload: { ...goodVisit, intervalWeeks: 1.5, weekAnchor: '2026-12-16' }, pointer: '/body/intervalWeeks' },
      { name: 'every other week without an anchor', url: planVisit, payload: { ...goodVisit, intervalWeeks: 2 }, pointer: '/body/weekAnchor' },
      { name: 'anchor not a date', url: planVisit, payload: { ...goodVisit, intervalWeeks: 2, weekAnchor: '2026-13-01' }, pointer: '/body/weekAnchor' },
    ],
  },
  'POST /api/clients/:clientId/decisions': {
    method: 'POST', role: 'needs_assessor',
    cases: [
      { name: 'no services', url: decision, payload: { decidedAt: '2026-11-25', validFrom: '2026-11-25', validTo: null, services: [] }, pointer: '/body/services' },
      { name: 'negative hours', url: decision, payload: { decidedAt: '2026-11-25', validFrom: '2026-11-25', validTo: null, services: [{ serviceType: 'service', hoursPerMonth: -1 }] }, pointer: '/body/services/0/hoursPerMonth' },
      { name: 'valid to before from', url: decision, payload: { decidedAt: '2026-11-25', validFrom: '2026-11-25', validTo: '2026-01-01', services: [{ serviceType: 'service', hoursPerMonth: 1 }] }, pointer: '/body/validTo' },
      { name: 'unknown client', url: () => `/api/clients/${unknownId}/decisions`, payload: { decidedAt: '2026-11-25', validFrom: '2026-11-25', validTo: null, services: [{ serviceType: 'service', hoursPerMonth: 1 }] }, status: 404 },
    ],
  },
  'POST /api/admin/users': {
    method: 'POST', role: 'admin',
    cases: [
      { name: 'short password', url: () => '/api/admin/users', payload: { username: 'someone', password: 'short', displayName: 'S', role: 'finance' }, pointer: '/body/password' },
      { name: 'unknown role', url: () => '/api/admin/users', payload: { username: 'someone', password: 'a-long-password', displayName: 'S', role: 'king' }, pointer: '/body/role' },
      { name: 'client without clientId', url: () => '/api/admin/users', payload: { username: 'someone', password: 'a-long-password', displayName: 'S', role: 'client' }, pointer: '/body/clientId' },
      { name: 'unknown team id', url: () => '/api/admin/users', payload: { username: 'someone', password: 'a-long-password', displayName: 'S', role: 'coordinator', teamId: unknownId }, pointer: '/body/teamId' },
      { name: 'username taken', url: () => '/api/admin/users', payload: { username: 'test.finance', password: 'a-long-password', displayName: 'S', role: 'finance' }, pointer: '/body/username', status: 409 },
    ],
  },
};

