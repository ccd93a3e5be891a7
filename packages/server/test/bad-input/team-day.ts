// Bad-input cases for the morning board's write endpoints.
import { today, type Fixture } from '../fixture.js';
import { unknownId, type WriteEndpoint } from './types.js';

const day = (f: Fixture) => `/api/teams/${f.teamA}/days/${today}`;
const visit = (f: Fixture) => `${day(f)}/visits/${f.visitA1Today}`;
const record = (f: Fixture) => `/api/visits/${f.visitA1Today}/record`;

export const writeEndpoints: Record<string, WriteEndpoint> = {
  'POST /api/teams/:teamId/days/:date/visits/:visitId/check': {
    method: 'POST', role: 'coordinator',
    cases: [
      { name: 'time 25:00', url: (f) => `${visit(f)}/check`, payload: { plannedStart: '25:00' }, pointer: '/body/plannedStart' },
      { name: 'staff id not a uuid', url: (f) => `${visit(f)}/check`, payload: { staffIds: ['anna'] }, pointer: '/body/staffIds/0' },
      { name: 'unknown visit', url: (f) => `${day(f)}/visits/${unknownId}/check`, payload: {}, status: 404 },
    ],
  },
  'PATCH /api/teams/:teamId/days/:date/visits/:visitId': {
    method: 'PATCH', role: 'coordinator',
    cases: [
      { name: 'missing version', url: visit, payload: { locked: true }, pointer: '/body/version' },
      { name: 'version zero', url: visit, payload: { version: 0, locked: true }, pointer: '/body/version' },
      { name: 'unknown field', url: visit, payload: { version: 1, colour: 'red' }, pointer: '/body' },
      { name: 'three staff', url: visit, payload: { version: 1, staffIds: [unknownId, unknownId, unknownId] }, pointer: '/body/staffIds' },
      { name: 'someone outside the team', url: visit, payload: { version: 1, staffIds: [unknownId] }, pointer: '/body/staffIds', status: 422 },
      { name: 'bad date in path', url: (f) => `/api/teams/${f.teamA}/days/2026-02-30/visits/${f.visitA1Today}`, payload: { version: 1 }, pointer: '/params/date' },
    ],
  },
  'POST /api/teams/:teamId/days/:date/undo': {
    method: 'POST', role: 'coordinator',
    cases: [{ name: 'version as text', url: (f) => `${day(f)}/undo`, payload: { version: 'latest' }, pointer: '/body/version' }],
  },
  'POST /api/teams/:teamId/days/:date/publish': {
    method: 'POST', role: 'coordinator',
    cases: [
      { name: 'missing version', url: (f) => `${day(f)}/publish`, payload: {}, pointer: '/body/version' },
      { name: 'stale version', url: (f) => `${day(f)}/publish`, payload: { version: 50 }, pointer: '/body/version', status: 409 },
    ],
  },
  'POST /api/teams/:teamId/days/:date/planning-jobs': {
    method: 'POST', role: 'coordinator',
    cases: [
      { name: 'team id not a uuid', url: () => `/api/teams/lag-1/days/${today}/planning-jobs`, payload: {}, pointer: '/params/teamId' },
      { name: 'impossible date', url: (f) => `/api/teams/${f.teamA}/days/2026-11-31/planning-jobs`, payload: {}, pointer: '/params/date' },
    ],
  },
  'POST /api/planning-jobs/:jobId/cancel': {
    method: 'POST', role: 'coordinator',
    cases: [
      { name: 'job id not a uuid', url: () => '/api/planning-jobs/42/cancel', payload: {}, pointer: '/params/jobId' },
      { name: 'unknown job', url: () => `/api/planning-jobs/${unknownId}/cancel`, payload: {}, status: 404 },
    ],
  },
  'POST /api/planning-jobs/:jobId/apply': {
    method: 'POST', role: 'coordinator',
    cases: [
      { name: 'missing version', url: (f) => `/api/planning-jobs/${f.jobA}/apply`, payload: {}, pointer: '/body/version' },
      { name: 'job without a plan yet', url: (f) => `/api/planning-jobs/${f.jobA}/apply`, payload: { version: 1 }, status: 422 },
    ],
  },
  'POST /api/visits/:visitId/record': {
    method: 'POST', role: 'substitute',
    cases: [
      { name: 'missing mutationId', url: record, payload: { baseVersion: 1, status: 'done' }, pointer: '/body/mutationId' },
      { name: 'status other than done', url: record, payload: { mutationId: 'phone-x-1', baseVersion: 1, status: 'missed' }, pointer: '/body/status' },
      { name: 'end before start', url: record, payload: { mutationId: 'phone-x-2', baseVersion: 1, status: 'done', actualStart: '09:00', actualEnd: '08:00' }, pointer: '/body/actualEnd' },
      { name: 'note too long', url: record, payload: { mutationId: 'phone-x-3', baseVersion: 1, status: 'done', note: 'ä'.repeat(2001) }, pointer: '/body/note' },
      { name: 'stale version', url: record, payload: { mutationId: 'phone-x-4', baseVersion: 7, status: 'done' }, status: 409 },
    ],
  },
  'POST /api/visits/:visitId/swap-requests': {
    method: 'POST', role: 'staff',
    cases: [
      { name: 'toStaffId not a uuid', url: (f) => `/api/visits/${f.visitA1Today}/swap-requests`, payload: { toStaffId: 'bodil' }, pointer: '/body/toStaffId' },
      { name: 'missing toStaffId', url: (f) => `/api/visits/${f.visitA1Today}/swap-requests`, payload: {}, pointer: '/body/toStaffId' },
    ],
  },
  'POST /api/swap-requests/:swapId/decision': {
    method: 'POST', role: 'coordinator',
    cases: [
      { name: 'unknown decision', url: (f) => `/api/swap-requests/${f.swapA}/decision`, payload: { decision: 'maybe', version: 1 }, pointer: '/body/decision' },
      { name: 'unknown swap', url: () => `/api/swap-requests/${unknownId}/decision`, payload: { decision: 'decline', version: 1 }, status: 404 },
    ],
  },
};
