// Access-matrix entries for follow-up and fair billing (issue 7): deviations, lex Sarah,
// improvements, each unit's follow-up settings, missed-visit flags and settling, fee figures and bases, invoice runs and invoices,
// and the needs assessor's follow-up. Objects the fixture lacks are created by the first allowed
// role under fixed ids (the API takes client-chosen ids for offline reports); later roles' repeats
// pass the access check and stop at a later rule (409). Other-scope ids never exist: 404 for all.
import { defaultFeeYears } from '@tillit/domain';
import { today, type Fixture } from '../fixture.js';
import { clientOf, teamOf, type MatrixEntry, type Scope } from './types.js';

const month = today.slice(0, 7);
const deviationOf = (s: Scope) => (s === 'own' ? '0d1a0000-0000-4000-8000-00000000000a' : '0d1a0000-0000-4000-8000-00000000000b');
const improvementOf = (s: Scope) => (s === 'own' ? '1a1a0000-0000-4000-8000-00000000000a' : '1a1a0000-0000-4000-8000-00000000000b');
const unitOf = (f: Fixture, s: Scope) => (s === 'own' ? f.unit1 : f.unit2);
const visitOf = (f: Fixture, s: Scope) => (s === 'own' ? f.visitA1Today : f.visitB1Today);
const { year: _year, ...fees2026 } = defaultFeeYears.find((y) => y.year === 2026)!;
const unitSettings = {
  missedVisits: { possiblyMissedAfterMin: 60, lateAfterMin: 30 },
  deviationDeadlines: Object.fromEntries((['low', 'moderate', 'serious'] as const).map((k) => [k, { investigated: 24, actions_decided: 72, client_told: 120, closed: 336 }])),
  lexSarahDeadlines: { investigateWithinDays: 14, notifyIvoWithinDays: 2 },
  followUpDeviationShare: 0.25,
};

export const entries: Record<string, MatrixEntry> = {
  'POST /api/deviations': {
    call: (f, s) => ({
      method: 'POST', url: '/api/deviations',
      payload: { id: deviationOf(s), clientId: clientOf(f, s), type: 'fall', severity: 'moderate', occurredAt: '2026-11-25T07:40:00+01:00', description: 'Brukaren hade ramlat i hallen.', immediateActions: 'Hjälpte upp, ringde sjuksköterskan.' },
    }),
    // A relative needs the client's consent, a substitute a visit with the client today.
    own: ['unit_manager', 'coordinator', 'staff', 'substitute', 'client', 'relative'], other: [], allowedStatus: [409],
  },
  'GET /api/deviations': {
    call: (f, s, role) => ({ method: 'GET', url: role === 'client' || s === 'own' ? '/api/deviations' : `/api/deviations?teamId=${teamOf(f, s)}` }),
    // A relative lists only the deviations they reported (none in the fixture), so nothing is logged.
    own: ['unit_manager', 'coordinator', 'staff', 'client', 'relative'], other: ['client'],
    logs: (f, _s, role) => (role === 'relative' ? [] : [f.clientA1]),
    hidden: (f) => [f.clientB1],
  },
  'GET /api/deviations/:deviationId': {
    call: (_f, s) => ({ method: 'GET', url: `/api/deviations/${deviationOf(s)}` }),
    own: ['unit_manager', 'coordinator', 'staff', 'client'], other: [],
    logs: (f) => [f.clientA1],
  },
  'POST /api/deviations/:deviationId/steps': {
    call: (_f, s) => ({ method: 'POST', url: `/api/deviations/${deviationOf(s)}/steps`, payload: { step: 'investigated', findings: 'Mattan låg snett.', cause: 'Lös matta i hallen.' } }),
    // The manager takes the step; the coordinator's repeat is out of order (409). Staff only report.
    own: ['unit_manager', 'coordinator'], other: [], allowedStatus: [409],
  },
  'POST /api/deviations/:deviationId/lex-sarah': {
    call: (_f, s) => ({
      method: 'POST', url: `/api/deviations/${deviationOf(s)}/lex-sarah`,
      payload: { whatHappened: 'Brukaren föll och låg länge.', occurredAt: '2026-11-25T07:40:00+01:00', consequences: 'Blåmärken.', immediateActions: 'Sjuksköterska tillkallad.', reporterName: 'Test', reporterRole: 'enhetschef' },
    }),
    own: ['unit_manager'], other: [], allowedStatus: [409],
  },
  'POST /api/deviations/:deviationId/lex-sarah/steps': {
    call: (_f, s) => ({ method: 'POST', url: `/api/deviations/${deviationOf(s)}/lex-sarah/steps`, payload: { step: 'investigated', causes: 'Lös matta.', consequences: 'Blåmärken.', clientView: 'Brukaren vill ha mattan borttagen.', actionsTaken: 'Mattan borttagen.' } }),
    own: ['unit_manager'], other: [], allowedStatus: [409],
  },
  'GET /api/units/:unitId/deviations/overdue': {
    call: (f, s) => ({ method: 'GET', url: `/api/units/${unitOf(f, s)}/deviations/overdue` }),
    own: ['unit_manager'], other: [],
  },
  'GET /api/units/:unitId/deviations/learning': {
    call: (f, s) => ({ method: 'GET', url: `/api/units/${unitOf(f, s)}/deviations/learning?from=2026-11-01&to=${today}` }),
    own: ['unit_manager'], other: [],
  },
  'POST /api/units/:unitId/improvements': {
    call: (f, s) => ({
      method: 'POST', url: `/api/units/${unitOf(f, s)}/improvements`,
      payload: { id: improvementOf(s), title: 'Inga lösa mattor', cause: 'Fall i hallen', change: 'Gå igenom hemmen', prediction: 'Färre fall', measure: 'Fall per vecka', deviationType: 'fall', teamId: null, studyOn: '2026-12-20' },
    }),
    own: ['unit_manager'], other: [],
  },
  'GET /api/units/:unitId/improvements': {
    call: (f, s) => ({ method: 'GET', url: `/api/units/${unitOf(f, s)}/improvements` }),
    own: ['unit_manager'], other: [],
  },
  'POST /api/improvements/:improvementId/steps': {
    call: (_f, s) => ({ method: 'POST', url: `/api/improvements/${improvementOf(s)}/steps`, payload: { step: 'doing', startedOn: today } }),
    own: ['unit_manager'], other: [], allowedStatus: [409],
  },
  'GET /api/units/:unitId/follow-up-settings': {
    call: (f, s) => ({ method: 'GET', url: `/api/units/${unitOf(f, s)}/follow-up-settings` }),
    // An administrator sets up every unit of the municipality; a manager only their own.
    own: ['unit_manager', 'admin'], other: ['admin'],
  },
  'PUT /api/units/:unitId/follow-up-settings': {
    call: (f, s) => ({ method: 'PUT', url: `/api/units/${unitOf(f, s)}/follow-up-settings`, payload: unitSettings }),
    own: ['unit_manager', 'admin'], other: ['admin'],
  },
  'GET /api/teams/:teamId/days/:date/missed-visit-flags': {
    call: (f, s) => ({ method: 'GET', url: `/api/teams/${teamOf(f, s)}/days/${today}/missed-visit-flags` }),
    own: ['unit_manager', 'coordinator', 'staff'], other: [],
  },
  'POST /api/visits/:visitId/settle': {
    // The fixture's visit is not late: allowed roles pass the access check and get 409; nothing changes.
    call: (f, s) => ({ method: 'POST', url: `/api/visits/${visitOf(f, s)}/settle`, payload: { outcome: 'late', reason: 'Bilen fastnade i snön.' } }),
    own: ['unit_manager', 'coordinator', 'staff', 'substitute'], other: [], allowedStatus: [409],
  },
  'GET /api/fee-years': {
    call: () => ({ method: 'GET', url: '/api/fee-years' }),
    own: ['finance'], other: ['finance'],
  },
  'PUT /api/fee-years/:year': {
    call: () => ({ method: 'PUT', url: '/api/fee-years/2026', payload: fees2026 }),
    own: ['finance'], other: ['finance'],
  },
  'GET /api/clients/:clientId/fee-basis': {
    call: (f, s) => ({ method: 'GET', url: `/api/clients/${clientOf(f, s)}/fee-basis` }),
    own: ['finance', 'client'], other: ['finance'],
    logs: (f, s) => [clientOf(f, s)],
  },
  'PUT /api/clients/:clientId/fee-basis': {
    call: (f, s) => ({ method: 'PUT', url: `/api/clients/${clientOf(f, s)}/fee-basis`, payload: { household: 'single', netIncomeKr: 14500, housingCostKr: 5200, adjustments: [] } }),
    own: ['finance'], other: ['finance'],
  },
  'POST /api/invoice-runs/:month': {
    call: () => ({ method: 'POST', url: `/api/invoice-runs/${month}` }),
    own: ['finance'], other: ['finance'],
  },
  'POST /api/invoice-runs/:month/send': {
    call: () => ({ method: 'POST', url: `/api/invoice-runs/${month}/send` }),
    own: ['finance'], other: ['finance'],
  },
  'GET /api/invoice-runs/:month': {
    call: () => ({ method: 'GET', url: `/api/invoice-runs/${month}` }),
    own: ['finance'], other: ['finance'],
  },
  'GET /api/invoice-runs/:month/csv': {
    call: () => ({ method: 'GET', url: `/api/invoice-runs/${month}/csv` }),
    own: ['finance'], other: ['finance'],
  },
  'GET /api/clients/:clientId/invoices': {
    call: (f, s) => ({ method: 'GET', url: `/api/clients/${clientOf(f, s)}/invoices` }),
    own: ['finance', 'client'], other: ['finance'],
    logs: (f, s) => [clientOf(f, s)],
  },
  // An invoice exists only once a visit was done and the run made: passing the access check with
  // no invoice answers 404 (the API tests prove the content).
  'GET /api/clients/:clientId/invoices/:month': {
    call: (f, s) => ({ method: 'GET', url: `/api/clients/${clientOf(f, s)}/invoices/${month}` }),
    own: ['finance', 'client'], other: ['finance'], allowedStatus: [404],
  },
  'GET /api/clients/:clientId/invoices/:month/pdf': {
    call: (f, s) => ({ method: 'GET', url: `/api/clients/${clientOf(f, s)}/invoices/${month}/pdf` }),
    own: ['finance', 'client'], other: ['finance'], allowedStatus: [404],
  },
  'GET /api/follow-up/outliers': {
    call: () => ({ method: 'GET', url: `/api/follow-up/outliers?from=2026-11-01&to=${today}` }),
    own: ['unit_manager', 'needs_assessor'], other: ['unit_manager', 'needs_assessor'],
    logs: (f, _s, role) => (role === 'needs_assessor' ? [f.clientA1, f.clientA2, f.clientB1] : [f.clientA1, f.clientA2]),
  },
  'GET /api/clients/:clientId/follow-up': {
    call: (f, s) => ({ method: 'GET', url: `/api/clients/${clientOf(f, s)}/follow-up?from=2026-11-01&to=${today}` }),
    own: ['unit_manager', 'coordinator', 'needs_assessor', 'client'], other: ['needs_assessor'],
    logs: (f, s) => [clientOf(f, s)],
  },
};
