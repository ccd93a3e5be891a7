// Bad-input cases for follow-up and fair billing: deviations, lex Sarah, improvements, a unit's
// follow-up settings, settling visits, fee figures and bases, invoice runs.
import { defaultFeeYears } from '@tillit/domain';
import type { Fixture } from '../fixture.js';
import { unknownId, type WriteEndpoint } from './types.js';

const long = 'å'.repeat(5000);
const steps = () => `/api/deviations/${unknownId}/steps`;
const lexSarah = () => `/api/deviations/${unknownId}/lex-sarah`;
const improvements = (f: Fixture) => `/api/units/${f.unit1}/improvements`;
const settle = (f: Fixture) => `/api/visits/${f.visitA1Today}/settle`;
const basis = (f: Fixture) => `/api/clients/${f.clientA1}/fee-basis`;
const { year: _year, ...fees2026 } = defaultFeeYears.find((y) => y.year === 2026)!;
const unitSettingsUrl = (f: Fixture) => `/api/units/${f.unit1}/follow-up-settings`;
const steps48 = { investigated: 48, actions_decided: 96, client_told: 120, closed: 336 };
const unitSettings = {
  missedVisits: { possiblyMissedAfterMin: 45, lateAfterMin: 20 },
  deviationDeadlines: { low: steps48, moderate: steps48, serious: steps48 },
  lexSarahDeadlines: { investigateWithinDays: 10, notifyIvoWithinDays: 2 },
  followUpDeviationShare: 0.2,
};
const plan = { title: 'Inga lösa mattor', cause: 'Fall', change: 'Gå igenom hemmen', prediction: 'Färre fall', measure: 'Fall per vecka', deviationType: 'fall', teamId: null, studyOn: '2026-12-20' };

export const writeEndpoints: Record<string, WriteEndpoint> = {
  'POST /api/deviations': {
    method: 'POST', role: 'staff',
    cases: [
      { name: 'missing client', url: () => '/api/deviations', payload: { type: 'fall', occurredAt: '2026-11-25T07:40:00+01:00', description: 'x y z' }, pointer: '/body/clientId' },
      { name: 'unknown type', url: () => '/api/deviations', payload: { clientId: unknownId, type: 'bored', occurredAt: '2026-11-25T07:40:00+01:00', description: 'x y z' }, pointer: '/body/type' },
      { name: 'time without offset', url: () => '/api/deviations', payload: { clientId: unknownId, type: 'fall', occurredAt: '2026-11-25 07:40', description: 'x y z' }, pointer: '/body/occurredAt' },
      { name: 'description too long', url: () => '/api/deviations', payload: { clientId: unknownId, type: 'fall', occurredAt: '2026-11-25T07:40:00+01:00', description: long }, pointer: '/body/description' },
      { name: 'unknown field', url: () => '/api/deviations', payload: { clientId: unknownId, type: 'fall', occurredAt: '2026-11-25T07:40:00+01:00', description: 'x y z', blame: 'Anna' }, pointer: '/body' },
      { name: 'unknown client', url: () => '/api/deviations', payload: { clientId: unknownId, type: 'fall', occurredAt: '2026-11-25T07:40:00+01:00', description: 'x y z' }, status: 404 },
    ],
  },
  'POST /api/deviations/:deviationId/steps': {
    method: 'POST', role: 'unit_manager',
    cases: [
      { name: 'unknown step', url: steps, payload: { step: 'forgotten' }, pointer: '/body/step' },
      { name: 'told without how', url: steps, payload: { step: 'client_told', toldAt: '2026-11-25T08:00:00+01:00', summary: 'Berättat.' }, pointer: '/body/how' },
      { name: 'investigation without cause', url: steps, payload: { step: 'investigated', findings: 'Något' }, pointer: '/body/cause' },
      { name: 'deviation id not a uuid', url: () => '/api/deviations/nope/steps', payload: { step: 'closed' }, pointer: '/params/deviationId' },
      { name: 'unknown deviation', url: steps, payload: { step: 'closed' }, status: 404 },
    ],
  },
  'POST /api/deviations/:deviationId/lex-sarah': {
    method: 'POST', role: 'unit_manager',
    cases: [
      { name: 'missing required parts', url: lexSarah, payload: { whatHappened: 'Fall' }, pointer: '/body/consequences' },
      { name: 'unknown deviation', url: lexSarah, payload: { whatHappened: 'Fall', occurredAt: '2026-11-25T07:40:00+01:00', consequences: 'x', immediateActions: 'x', reporterName: 'x', reporterRole: 'x' }, status: 404 },
    ],
  },
  'POST /api/deviations/:deviationId/lex-sarah/steps': {
    method: 'POST', role: 'unit_manager',
    cases: [
      { name: 'decision without a date', url: () => `/api/deviations/${unknownId}/lex-sarah/steps`, payload: { step: 'decided', serious: true, notifyIvo: true, reasoning: 'x' }, pointer: '/body/decidedOn' },
      { name: 'serious not a boolean', url: () => `/api/deviations/${unknownId}/lex-sarah/steps`, payload: { step: 'decided', serious: 'ja', notifyIvo: true, reasoning: 'x', decidedOn: '2026-11-24' }, pointer: '/body/serious' },
    ],
  },
  'POST /api/units/:unitId/improvements': {
    method: 'POST', role: 'unit_manager',
    cases: [
      { name: 'missing study date', url: improvements, payload: { ...plan, studyOn: undefined }, pointer: '/body/studyOn' },
      { name: 'impossible study date', url: improvements, payload: { ...plan, studyOn: '2026-02-30' }, pointer: '/body/studyOn' },
      { name: 'study date in the past', url: improvements, payload: { ...plan, studyOn: '2026-01-01' }, pointer: '/body/studyOn' },
      { name: 'team of no unit', url: improvements, payload: { ...plan, teamId: unknownId }, pointer: '/body/teamId' },
      { name: 'another unit', url: (f) => `/api/units/${f.unit2}/improvements`, payload: plan, status: 404 },
    ],
  },
  'POST /api/improvements/:improvementId/steps': {
    method: 'POST', role: 'unit_manager',
    cases: [
      { name: 'unknown decision', url: () => `/api/improvements/${unknownId}/steps`, payload: { step: 'acted', decision: 'maybe' }, pointer: '/body/decision' },
      { name: 'unknown improvement', url: () => `/api/improvements/${unknownId}/steps`, payload: { step: 'doing', startedOn: '2026-11-25' }, status: 404 },
    ],
  },
  'POST /api/visits/:visitId/settle': {
    method: 'POST', role: 'coordinator',
    cases: [
      { name: 'unknown outcome', url: settle, payload: { outcome: 'maybe' }, pointer: '/body/outcome' },
      { name: 'missed without a reason', url: settle, payload: { outcome: 'missed' }, pointer: '/body/reason' },
      { name: 'end before start', url: settle, payload: { outcome: 'done', actualStart: '08:30', actualEnd: '08:00' }, pointer: '/body/actualEnd' },
      { name: 'bad time', url: settle, payload: { outcome: 'done', actualStart: '25:00', actualEnd: '08:00' }, pointer: '/body/actualStart' },
      { name: 'ended in the future', url: settle, payload: { outcome: 'done', actualStart: '08:30', actualEnd: '09:30' }, pointer: '/body/actualEnd' },
      { name: 'a punctual visit is not late', url: settle, payload: { outcome: 'late', reason: 'Snö' }, pointer: '/body/outcome', status: 409 },
      { name: 'unknown visit', url: () => `/api/visits/${unknownId}/settle`, payload: { outcome: 'missed', reason: 'Ingen kom' }, status: 404 },
      { name: 'visit of another team', url: (f) => `/api/visits/${f.visitB1Today}/settle`, payload: { outcome: 'missed', reason: 'Ingen kom' }, status: 404 },
    ],
  },
  'PUT /api/units/:unitId/follow-up-settings': {
    method: 'PUT', role: 'unit_manager',
    cases: [
      { name: 'grace as text', url: unitSettingsUrl, payload: { ...unitSettings, missedVisits: { possiblyMissedAfterMin: '60', lateAfterMin: 20 } }, pointer: '/body/missedVisits/possiblyMissedAfterMin' },
      { name: 'negative late threshold', url: unitSettingsUrl, payload: { ...unitSettings, missedVisits: { possiblyMissedAfterMin: 60, lateAfterMin: -5 } }, pointer: '/body/missedVisits/lateAfterMin' },
      { name: 'client told due before the investigation', url: unitSettingsUrl, payload: { ...unitSettings, deviationDeadlines: { ...unitSettings.deviationDeadlines, serious: { ...steps48, client_told: 24 } } }, pointer: '/body/deviationDeadlines/serious/client_told' },
      { name: 'a severity missing', url: unitSettingsUrl, payload: { ...unitSettings, deviationDeadlines: { low: steps48, moderate: steps48 } }, pointer: '/body/deviationDeadlines/serious' },
      { name: 'zero days to investigate a lex Sarah report', url: unitSettingsUrl, payload: { ...unitSettings, lexSarahDeadlines: { investigateWithinDays: 0, notifyIvoWithinDays: 2 } }, pointer: '/body/lexSarahDeadlines/investigateWithinDays' },
      { name: 'outlier share above 100 %', url: unitSettingsUrl, payload: { ...unitSettings, followUpDeviationShare: 1.5 }, pointer: '/body/followUpDeviationShare' },
      { name: 'an unknown setting', url: unitSettingsUrl, payload: { ...unitSettings, graceHours: 2 }, pointer: '/body' },
      { name: 'unknown unit', url: () => `/api/units/${unknownId}/follow-up-settings`, payload: unitSettings, status: 404 },
    ],
  },
  'PUT /api/fee-years/:year': {
    method: 'PUT', role: 'finance',
    cases: [
      { name: 'price base amount as text', url: () => '/api/fee-years/2027', payload: { ...fees2026, priceBaseAmountKr: '59 200' }, pointer: '/body/priceBaseAmountKr' },
      { name: 'unknown rounding', url: () => '/api/fee-years/2027', payload: { ...fees2026, capRounding: { mode: 'banker', stepOre: 100 } }, pointer: '/body/capRounding/mode' },
      { name: 'year out of range', url: () => '/api/fee-years/1999', payload: fees2026, pointer: '/params/year' },
      { name: 'missing tariff', url: () => '/api/fee-years/2027', payload: { ...fees2026, tariffPerHourKr: undefined }, pointer: '/body/tariffPerHourKr' },
    ],
  },
  'PUT /api/clients/:clientId/fee-basis': {
    method: 'PUT', role: 'finance',
    cases: [
      { name: 'negative income', url: basis, payload: { household: 'single', netIncomeKr: -1, housingCostKr: 5000 }, pointer: '/body/netIncomeKr' },
      { name: 'unknown household', url: basis, payload: { household: 'commune', netIncomeKr: 1, housingCostKr: 5000 }, pointer: '/body/household' },
      { name: 'adjustment without a reason', url: basis, payload: { household: 'single', netIncomeKr: 1, housingCostKr: 1, adjustments: [{ kind: 'raise', amountKr: 100 }] }, pointer: '/body/adjustments/0/reason' },
      { name: 'unknown client', url: () => `/api/clients/${unknownId}/fee-basis`, payload: { household: 'single', netIncomeKr: 1, housingCostKr: 1 }, status: 404 },
    ],
  },
  'POST /api/invoice-runs/:month': {
    method: 'POST', role: 'finance',
    cases: [
      { name: 'not a month', url: () => '/api/invoice-runs/2026-13', payload: {}, pointer: '/params/month' },
      { name: 'a year without fee figures', url: () => '/api/invoice-runs/2031-01', payload: {}, pointer: '/params/month', status: 422 },
    ],
  },
  'POST /api/invoice-runs/:month/send': {
    method: 'POST', role: 'finance',
    cases: [
      { name: 'not a month', url: () => '/api/invoice-runs/26-11/send', payload: {}, pointer: '/params/month' },
      { name: 'a year without fee figures', url: () => '/api/invoice-runs/2031-01/send', payload: {}, pointer: '/params/month', status: 422 },
    ],
  },
};

