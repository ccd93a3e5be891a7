// Follow-up and fair billing through the API, on PGlite and PostgreSQL: the deviation workflow
// (no close before the client is told), missed visits settled from the board, lex Sarah,
// improvements, the idempotent invoice run, credits for visits found missed after sending, each
// role's access, and the invoice as PDF (text extracted with pdftotext, a page rendered with
// pdftoppm) and CSV.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFeeYears, type Role } from '@tillit/domain';
import { buildApp } from '../src/app.js';
import type { Database } from '../src/db/connection.js';
import { clients, visits } from '../src/db/schema.js';
import { deviationEvents, feeYears, invoiceLines, invoices } from '../src/db/schema-follow-up.js';
import { insertDeviation } from '../src/services/deviations.js';
import { invoiceLanguage } from '../src/services/invoicing.js';
import { testConfig } from './config.js';
import { databaseKinds, openTestDatabase } from './databases.js';
import { buildFixture, fixedNow, password, today, type Fixture } from './fixture.js';
import { as, signIn, type Session } from './http.js';

const outputDir = fileURLToPath(new URL('../../../test-output/', import.meta.url));

describe.each(databaseKinds)('follow-up and billing on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let f: Fixture;
  let clock = fixedNow;
  const sessions = new Map<Role, Session>();
  const call = (role: Role, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    as(app, sessions.get(role)!)({ method, url, ...(payload !== undefined ? { payload } : {}) });

  /** A visit in the past, done (real times) or missed, by staff member A1. */
  async function pastVisit(clientId: string, teamId: string, date: string, status: 'done' | 'missed', staffId: string, actual: [string, string] | null = ['08:00', '08:30']) {
    const visitId = randomUUID();
    await database.db.insert(visits).values({
      id: visitId, clientId, teamId, carePlanVisitId: null, date, title: 'Morgonhjälp', serviceType: 'personal_care', windowStart: '07:30', windowEnd: '09:00',
      durationMin: 30, skills: ['care'], tasks: ['Dusch'], staffCount: 1, video: false, status, plannedStart: '08:00', staffIds: [staffId],
      actualStart: status === 'done' ? actual?.[0] ?? null : null, actualEnd: status === 'done' ? actual?.[1] ?? null : null,
      missedReason: status === 'missed' ? 'Bilen startade inte.' : null,
    });
    return visitId;
  }

  /** Move the clock; sessions last a working day, so far moves sign everyone in again. */
  async function setClock(to: Date) {
    const far = Math.abs(to.getTime() - clock.getTime()) > 8 * 3_600_000;
    clock = to;
    if (!far) return;
    for (const role of ['unit_manager', 'coordinator', 'staff', 'substitute', 'needs_assessor', 'finance', 'client', 'relative'] as const) {
      sessions.set(role, await signIn(app, f.usernames[role], password));
    }
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    f = await buildFixture(database.db);
    app = await buildApp({ db: database.db, config: testConfig, now: () => clock }, { serveWeb: false });
    clock = new Date(0);
    await setClock(fixedNow);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('ships the fee years 2024–2026 of DOMAIN-FACTS as data, with the 2026 cap of 2 660 kr', async () => {
    const rows = await database.db.select().from(feeYears).orderBy(asc(feeYears.year));
    expect(rows.map((r) => r.settings)).toEqual(defaultFeeYears);
    const res = await call('finance', 'GET', '/api/fee-years');
    expect(res.json().items.map((y: { year: number; capOre: number }) => [y.year, y.capOre / 100])).toEqual([[2024, 2575], [2025, 2642], [2026, 2660]]);
  });

  it('follows a deviation from report to close, and refuses closing before the client was told', async () => {
    const reported = await call('staff', 'POST', '/api/deviations', {
      clientId: f.clientA1, type: 'medication_error', severity: 'serious', occurredAt: '2026-11-25T08:10:00+01:00',
      description: 'Fel dos kvällsmedicin utdelad.', immediateActions: 'Sjuksköterskan kontaktad.',
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const id = reported.json().id as string;
    const url = `/api/deviations/${id}/steps`;

    expect((await call('staff', 'POST', url, { step: 'investigated', findings: 'x', cause: 'y' })).statusCode).toBe(403);
    const early = await call('unit_manager', 'POST', url, { step: 'closed' });
    expect(early.statusCode).toBe(409);
    expect(early.json().type).toMatch(/client-not-told$/);
    expect((await call('coordinator', 'POST', url, { step: 'investigated', findings: 'Dosetten var felfylld.', cause: 'Två dosetter i samma skåp.' })).statusCode).toBe(200);
    expect((await call('coordinator', 'POST', url, { step: 'actions_decided', actions: 'En dosett per brukare, märkt.' })).statusCode).toBe(200);
    const stillEarly = await call('unit_manager', 'POST', url, { step: 'closed' });
    expect(stillEarly.statusCode).toBe(409);
    expect(stillEarly.json().type).toMatch(/client-not-told$/);
    const future = await call('coordinator', 'POST', url, { step: 'client_told', how: 'in_person', toldAt: '2026-11-25T10:00:00+01:00', summary: 'Berättat.' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].pointer).toBe('/body/toldAt');
    expect((await call('coordinator', 'POST', url, { step: 'client_told', how: 'in_person', toldAt: '2026-11-25T08:45:00+01:00', summary: 'Berättade vad som hänt och vad vi ändrat.' })).statusCode).toBe(200);
    expect((await call('coordinator', 'POST', url, { step: 'closed' })).statusCode).toBe(403);
    const closed = await call('unit_manager', 'POST', url, { step: 'closed', comment: 'Klart.' });
    expect(closed.json()).toEqual({ id, state: 'closed' });
    expect((await call('unit_manager', 'POST', url, { step: 'closed' })).statusCode).toBe(409);

    const detail = (await call('unit_manager', 'GET', `/api/deviations/${id}`)).json();
    expect(detail.events.map((e: { step: string }) => e.step)).toEqual(['reported', 'investigated', 'actions_decided', 'client_told', 'closed']);
    expect(detail.clientTold).toMatchObject({ how: 'in_person', toldAt: '2026-11-25T07:45:00.000Z', toldBy: 'Test coordinator' });
    // The client sees what happened, what was decided and when they were told; not the investigation.
    const mine = await call('client', 'GET', `/api/deviations/${id}`);
    expect(mine.json()).toMatchObject({ state: 'closed', actions: 'En dosett per brukare, märkt.', clientToldAt: '2026-11-25T07:45:00.000Z' });
    expect(mine.body).not.toContain('Dosetten var felfylld');
  });

  it("shows staff their own team's deviations only, and never finance or the needs assessor", async () => {
    const other = await insertDeviation(database.db, {
      clientId: f.clientB1, teamId: f.teamB, visitId: null, type: 'fall', severity: 'low', source: 'staff', occurredAt: clock, reportedAt: clock,
      reportedBy: null, reportedByName: 'Britt', description: 'Fall i köket.', immediateActions: '',
    });
    // Another team's visit to one of team A's clients (an evening team's, say) is team A's to see too.
    const eveningVisit = await insertDeviation(database.db, {
      clientId: f.clientA2, teamId: f.teamB, visitId: null, type: 'late_visit', severity: 'low', source: 'automatic', occurredAt: clock, reportedAt: clock,
      reportedBy: null, reportedByName: 'Tillit', description: 'Kvällsbesöket kom sent.', immediateActions: '',
    });
    const list = await call('staff', 'GET', '/api/deviations');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((d: { id: string }) => d.id)).toContain(eveningVisit);
    expect(list.body).not.toContain(f.clientB1);
    expect(list.json().items.length).toBeGreaterThan(0);
    expect((await call('staff', 'GET', `/api/deviations/${other}`)).statusCode).toBe(404);
    expect((await call('staff', 'GET', `/api/deviations?teamId=${f.teamB}`)).statusCode).toBe(404);
    expect((await call('unit_manager', 'GET', `/api/deviations/${other}`)).statusCode).toBe(404);
    expect((await call('finance', 'GET', '/api/deviations')).statusCode).toBe(403);
    expect((await call('needs_assessor', 'GET', '/api/deviations')).statusCode).toBe(403);
    // A relative with consent reports, and follows only what they reported, in the client view.
    const byRelative = await call('relative', 'POST', '/api/deviations', { clientId: f.clientA1, type: 'other', occurredAt: '2026-11-24T18:00:00+01:00', description: 'Ingen kom på kvällen.' });
    expect(byRelative.statusCode).toBe(201);
    const relativeList = await call('relative', 'GET', '/api/deviations');
    expect(relativeList.statusCode).toBe(200);
    expect(relativeList.json().items.map((d: { id: string }) => d.id)).toEqual([byRelative.json().id]);
    expect(relativeList.json().items[0]).not.toHaveProperty('investigation');
    expect((await call('relative', 'GET', `/api/deviations/${byRelative.json().id}`)).statusCode).toBe(200);
    expect((await call('relative', 'GET', `/api/deviations/${other}`)).statusCode).toBe(404);
    const detail = (await call('coordinator', 'GET', `/api/deviations/${byRelative.json().id}`)).json();
    expect(detail).toMatchObject({ source: 'relative', severity: 'moderate', state: 'reported' });
    // The same offline report sent twice is stored once.
    const chosen = randomUUID();
    const payload = { id: chosen, clientId: f.clientA1, type: 'fall', occurredAt: '2026-11-25T07:00:00+01:00', description: 'Halkade.' };
    expect((await call('staff', 'POST', '/api/deviations', payload)).statusCode).toBe(201);
    expect((await call('staff', 'POST', '/api/deviations', payload)).statusCode).toBe(200);
    expect((await call('coordinator', 'POST', '/api/deviations', payload)).statusCode).toBe(409);
    const future = await call('staff', 'POST', '/api/deviations', { ...payload, id: undefined, occurredAt: '2026-11-26T07:00:00+01:00' });
    expect(future.json().errors[0].pointer).toBe('/body/occurredAt');
    const wrongVisit = await call('staff', 'POST', '/api/deviations', { ...payload, id: undefined, visitId: f.visitB1Today });
    expect(wrongVisit.json().errors[0].pointer).toBe('/body/visitId');
  });

  it('flags an unmarked visit as possibly missed on the board at the window end + 60 min, and settling it missed opens a deviation', async () => {
    const board = `/api/teams/${f.teamA}/days/${today}/missed-visit-flags`;
    // Window 07:30–09:00: at 09:59 nothing, at 10:00 (Stockholm) the visit is possibly missed.
    await setClock(new Date('2026-11-25T08:59:00Z'));
    expect((await call('coordinator', 'GET', board)).json().items).toEqual([]);
    await setClock(new Date('2026-11-25T09:00:00Z'));
    const flagged = (await call('coordinator', 'GET', board)).json();
    expect(flagged.items).toEqual([expect.objectContaining({ visitId: f.visitA1Today, kind: 'possibly_missed', clientName: 'Astrid Klientsson', settledAt: null })]);
    const settled = await call('coordinator', 'POST', `/api/visits/${f.visitA1Today}/settle`, { outcome: 'missed', reason: 'Vikarien hittade inte nyckeln.' });
    expect(settled.statusCode, settled.body).toBe(200);
    const { deviationId } = settled.json();
    const dev = (await call('unit_manager', 'GET', `/api/deviations/${deviationId}`)).json();
    expect(dev).toMatchObject({ type: 'missed_visit', source: 'automatic', visitId: f.visitA1Today, state: 'reported' });
    expect(dev.description).toContain('Vikarien hittade inte nyckeln.');
    const after = (await call('coordinator', 'GET', board)).json().items[0];
    expect(after).toMatchObject({ status: 'missed', outcome: 'missed', deviationId });
    expect((await call('coordinator', 'POST', `/api/visits/${f.visitA1Today}/settle`, { outcome: 'missed', reason: 'igen' })).statusCode).toBe(409);
    // The assessor sees the missed visit and its reason in the client's follow-up.
    const fu = (await call('needs_assessor', 'GET', `/api/clients/${f.clientA1}/follow-up?from=2026-11-01&to=${today}`)).json();
    expect(fu.missed).toEqual([expect.objectContaining({ visitId: f.visitA1Today, reason: 'Vikarien hittade inte nyckeln.', deviationState: 'reported' })]);
    expect(fu.total.grantedMin).toBe(1500); // 30 h × 60 × 25 / 30 days
    const outliers = (await call('needs_assessor', 'GET', `/api/follow-up/outliers?from=2026-11-01&to=${today}`)).json();
    expect(outliers.items.map((i: { clientId: string; direction: string }) => [i.clientId, i.direction])).toEqual(expect.arrayContaining([[f.clientA1, 'below']]));
    await setClock(fixedNow);
  });

  it('flags a visit started well after its window as late, and settling it opens a late-visit deviation', async () => {
    // Window ends 09:00; started 09:45 is 45 min after (more than 30): late.
    const late = await pastVisit(f.clientA2, f.teamA, '2026-11-24', 'done', f.staffA1, ['09:45', '10:15']);
    const onTime = await pastVisit(f.clientA2, f.teamA, '2026-11-23', 'done', f.staffA1, ['09:30', '10:00']);
    const board = (await call('coordinator', 'GET', `/api/teams/${f.teamA}/days/2026-11-24/missed-visit-flags`)).json();
    expect(board.items).toEqual([expect.objectContaining({ visitId: late, kind: 'late', actualStart: '09:45' })]);
    expect((await call('coordinator', 'GET', `/api/teams/${f.teamA}/days/2026-11-23/missed-visit-flags`)).json().items.map((i: { visitId: string }) => i.visitId)).not.toContain(onTime);
    const settled = await call('coordinator', 'POST', `/api/visits/${late}/settle`, { outcome: 'late', reason: 'Halka; bilen fick stå.' });
    expect(settled.json()).toMatchObject({ status: 'done' });
    const dev = (await call('coordinator', 'GET', `/api/deviations/${settled.json().deviationId}`)).json();
    expect(dev).toMatchObject({ type: 'late_visit', severity: 'low', source: 'automatic' });
    expect((await call('coordinator', 'POST', `/api/visits/${onTime}/settle`, { outcome: 'late', reason: 'x y z' })).statusCode).toBe(409);
  });

  it('shows the unit manager overdue steps and the learning view by type, team and week', async () => {
    await setClock(new Date('2026-11-30T08:00:00Z'));
    const overdue = (await call('unit_manager', 'GET', `/api/units/${f.unit1}/deviations/overdue`)).json();
    expect(overdue.deviations.length).toBeGreaterThan(0);
    expect(overdue.deviations.every((d: { overdue: unknown; teamId: string }) => d.overdue !== null && d.teamId === f.teamA)).toBe(true);
    const learning = (await call('unit_manager', 'GET', `/api/units/${f.unit1}/deviations/learning?from=2026-11-01&to=2026-11-30`)).json();
    expect(learning.rows.every((r: { week: string }) => /^2026-W4[78]$/.test(r.week))).toBe(true);
    expect(learning.byType.missed_visit).toBe(1);
    expect(learning.body ?? JSON.stringify(learning)).not.toContain(f.clientA1);
    expect((await call('unit_manager', 'GET', `/api/units/${f.unit2}/deviations/learning?from=2026-11-01&to=2026-11-30`)).statusCode).toBe(404);
    expect((await call('coordinator', 'GET', `/api/units/${f.unit1}/deviations/overdue`)).statusCode).toBe(403);
    await setClock(fixedNow);
  });

  it('escalates to lex Sarah and cannot close a serious case before IVO was notified', async () => {
    const { id } = (await call('staff', 'POST', '/api/deviations', { clientId: f.clientA2, type: 'treatment', severity: 'serious', occurredAt: '2026-11-24T20:00:00+01:00', description: 'Brukaren lämnades utan tillsyn.' })).json();
    const base = `/api/deviations/${id}/lex-sarah`;
    expect((await call('coordinator', 'POST', base, { whatHappened: 'x', occurredAt: '2026-11-24T20:00:00+01:00', consequences: 'x', immediateActions: 'x', reporterName: 'x', reporterRole: 'x' })).statusCode).toBe(403);
    expect((await call('unit_manager', 'POST', base, { whatHappened: 'Lämnades utan tillsyn en kväll.', occurredAt: '2026-11-24T20:00:00+01:00', consequences: 'Otrygghet.', immediateActions: 'Extra besök.', reporterName: 'Anna Testsson', reporterRole: 'undersköterska' })).statusCode).toBe(201);
    const step = (body: unknown) => call('unit_manager', 'POST', `${base}/steps`, body);
    expect((await step({ step: 'investigated', causes: 'Missad överlämning.', consequences: 'Otrygghet.', clientView: 'Brukaren var rädd.', actionsTaken: 'Ny rutin.' })).statusCode).toBe(200);
    expect((await step({ step: 'decided', serious: true, notifyIvo: false, reasoning: 'x', decidedOn: '2026-11-25' })).statusCode).toBe(400);
    expect((await step({ step: 'decided', serious: true, notifyIvo: true, reasoning: 'Allvarlig risk.', decidedOn: '2026-11-25' })).statusCode).toBe(200);
    const early = await step({ step: 'closed' });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('IVO');
    expect((await step({ step: 'ivo_notified', notifiedOn: '2026-11-25', reference: 'IVO 3.5.1-1/2026' })).statusCode).toBe(200);
    expect((await step({ step: 'closed' })).json().state).toBe('closed');
    const detail = (await call('unit_manager', 'GET', `/api/deviations/${id}`)).json();
    expect(detail.lexSarah).toMatchObject({ state: 'closed', decision: { serious: true, notifyIvo: true, decidedOn: '2026-11-25' }, ivoNotification: { notifiedOn: '2026-11-25' } });
    const staffView = (await call('staff', 'GET', `/api/deviations/${id}`)).json();
    expect(staffView.lexSarah).toBeNull();
    const events = await database.db.select().from(deviationEvents).where(eq(deviationEvents.deviationId, id));
    expect(events.map((e) => e.step)).toContain('lex_sarah_ivo_notified');
  });

  it('plans an improvement and studies it no earlier than its study date', async () => {
    const { id } = (await call('unit_manager', 'POST', `/api/units/${f.unit1}/improvements`, {
      title: 'Nyckelrutin', cause: 'Missade besök när nyckeln saknas', change: 'Nyckelskåp hos alla', prediction: 'Inga missade besök för nyckel', measure: 'Missade besök per vecka', deviationType: 'missed_visit', teamId: f.teamA, studyOn: '2026-12-10',
    })).json();
    const step = (body: unknown) => call('unit_manager', 'POST', `/api/improvements/${id}/steps`, body);
    expect((await step({ step: 'doing', startedOn: today })).statusCode).toBe(200);
    expect((await step({ step: 'studied', result: 'Färre' })).statusCode).toBe(400);
    await setClock(new Date('2026-12-10T08:00:00Z'));
    const list = (await call('unit_manager', 'GET', `/api/units/${f.unit1}/improvements`)).json();
    expect(list.items.find((i: { id: string }) => i.id === id)).toMatchObject({ state: 'doing', studyDue: true });
    expect((await step({ step: 'studied', result: 'Inga missade besök för nyckel på två veckor.' })).statusCode).toBe(200);
    expect((await step({ step: 'acted', decision: 'adopt' })).json().state).toBe('acted');
    await setClock(fixedNow);
  });

  it('runs the month idempotently, never bills missed visits, keeps a sent invoice and credits a later-found miss on the next one', async () => {
    const october = [
      await pastVisit(f.clientA1, f.teamA, '2026-10-05', 'done', f.staffA1, ['08:00', '08:30']),
      await pastVisit(f.clientA1, f.teamA, '2026-10-06', 'done', f.staffA1, ['08:00', '08:30']),
      await pastVisit(f.clientA1, f.teamA, '2026-10-07', 'done', f.staffA1, ['08:05', '08:35']),
      await pastVisit(f.clientA1, f.teamA, '2026-10-08', 'missed', f.staffA1),
    ];
    await pastVisit(f.clientB1, f.teamB, '2026-10-05', 'done', f.staffB1);
    const first = await call('finance', 'POST', '/api/invoice-runs/2026-10');
    expect(first.statusCode, first.body).toBe(200);
    const inv1 = (await call('finance', 'GET', `/api/clients/${f.clientA1}/invoices/2026-10`)).json();
    // 3 done visits × 30 min = 90 min; 1.5 h × 246 kr = 369 kr (below the cap of 2 660 kr). The missed visit is not a line.
    expect(inv1).toMatchObject({ deliveredMin: 90, missedMin: 30, feeOre: 36_900, limitedBy: 'tariff', totalOre: 36_900, state: 'draft' });
    expect(inv1.lines.map((l: { visitId: string }) => l.visitId)).toEqual(october.slice(0, 3));
    expect(inv1.lines[0]).toMatchObject({ date: '2026-10-05', start: '08:00', staffNames: ['Anna T.'], minutes: 30 });
    const again = await call('finance', 'POST', '/api/invoice-runs/2026-10');
    expect({ ...again.json(), computedAt: 0 }).toEqual({ ...first.json(), computedAt: 0 });
    const inv1again = (await call('finance', 'GET', `/api/clients/${f.clientA1}/invoices/2026-10`)).json();
    expect(inv1again).toEqual(inv1);
    expect(first.json()).toMatchObject({ invoiceCount: 2, totalOre: 36_900 + 12_300, totalIfMissedBilledOre: 49_200 + 12_300 });

    const sent = await call('finance', 'POST', '/api/invoice-runs/2026-10/send');
    expect(sent.json()).toMatchObject({ state: 'sent' });
    // Found out afterwards: the 6 October visit never happened.
    await setClock(new Date('2026-11-03T09:00:00Z'));
    const found = await call('coordinator', 'POST', `/api/visits/${october[1]}/settle`, { outcome: 'missed', reason: 'Brukaren berättade att ingen kom den dagen.' });
    expect(found.statusCode, found.body).toBe(200);
    const rerun = await call('finance', 'POST', '/api/invoice-runs/2026-10');
    expect(rerun.json()).toMatchObject({ state: 'sent', recomputed: false, totalOre: 36_900 + 12_300 });
    const stillSent = (await call('finance', 'GET', `/api/clients/${f.clientA1}/invoices/2026-10`)).json();
    expect(stillSent).toEqual({ ...inv1, state: 'sent' });

    await pastVisit(f.clientA1, f.teamA, '2026-11-02', 'done', f.staffA1, ['08:00', '08:45']);
    await setClock(fixedNow);
    const nov = await call('finance', 'POST', '/api/invoice-runs/2026-11');
    expect(nov.statusCode, nov.body).toBe(200);
    const novInv = (await call('client', 'GET', `/api/clients/${f.clientA1}/invoices/2026-11`)).json();
    // 45 min × 4.10 kr = 184.50 -> 185 kr; credit 30 min × 4.10 = 123 kr for October; total 62 kr.
    expect(novInv).toMatchObject({ deliveredMin: 45, feeOre: 18_500, creditOre: 12_300, totalOre: 6_200 });
    expect(novInv.lines.find((l: { kind: string }) => l.kind === 'credit')).toMatchObject({
      visitId: october[1], date: '2026-10-06', start: '08:00', minutes: 30, amountOre: 12_300, reason: 'Brukaren berättade att ingen kom den dagen.', creditMonth: '2026-10',
    });
    // The missed visit of today is not billed either.
    expect(novInv.lines.map((l: { visitId: string }) => l.visitId)).not.toContain(f.visitA1Today);
    const novAgain = await call('finance', 'POST', '/api/invoice-runs/2026-11');
    expect((await call('client', 'GET', `/api/clients/${f.clientA1}/invoices/2026-11`)).json()).toEqual(novInv);
    expect(novAgain.json().totalOre).toBe(nov.json().totalOre);
    const creditRows = await database.db.select().from(invoiceLines).where(eq(invoiceLines.kind, 'credit'));
    expect(creditRows).toHaveLength(1);
  });

  it('gives one set of invoices when the same month is run twice at once', async () => {
    await pastVisit(f.clientA2, f.teamA, '2026-09-10', 'done', f.staffA1);
    const both = await Promise.all([call('finance', 'POST', '/api/invoice-runs/2026-09'), call('finance', 'POST', '/api/invoice-runs/2026-09')]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    const rows = await database.db.select().from(invoices).where(eq(invoices.month, '2026-09'));
    expect(rows.map((r) => [r.clientId, r.number, r.feeOre])).toEqual([[f.clientA2, '2026-09-0001', 12_300]]);
    expect(await database.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, rows[0]!.id))).toHaveLength(1);
  });

  it("lets finance see every client's billing but no care notes, and the client only their own invoices", async () => {
    expect((await call('finance', 'GET', `/api/clients/${f.clientB1}/invoices/2026-10`)).statusCode).toBe(200);
    expect((await call('client', 'GET', `/api/clients/${f.clientB1}/invoices/2026-10`)).statusCode).toBe(404);
    expect((await call('client', 'GET', '/api/invoice-runs/2026-10')).statusCode).toBe(403);
    expect((await call('finance', 'GET', `/api/clients/${f.clientA1}/care-plan`)).statusCode).toBe(403);
    expect((await call('finance', 'GET', `/api/clients/${f.clientA1}/visits?from=${today}&to=${today}`)).statusCode).toBe(403);
    expect((await call('finance', 'GET', `/api/clients/${f.clientA1}/follow-up?from=2026-11-01&to=${today}`)).statusCode).toBe(403);
    expect((await call('needs_assessor', 'GET', `/api/clients/${f.clientA1}/invoices`)).statusCode).toBe(403);
    expect((await call('needs_assessor', 'GET', `/api/clients/${f.clientB1}/decisions`)).statusCode).toBe(200);
    // Fee capacity: 14 500 − 5 200 − 7 296 (2026 minimum amount, single) = 2 004 kr.
    expect((await call('finance', 'PUT', `/api/clients/${f.clientA1}/fee-basis`, { household: 'single', netIncomeKr: 14_500, housingCostKr: 5_200 })).statusCode).toBe(200);
    const basis = (await call('client', 'GET', `/api/clients/${f.clientA1}/fee-basis`)).json();
    expect(basis).toMatchObject({ year: 2026, minimumOre: 729_600, capacityOre: 200_400, capOre: 266_000 });
  });

  it("writes the invoice PDF in the client's language with every visit line, and the run as CSV", async () => {
    mkdirSync(outputDir, { recursive: true });
    const dir = mkdtempSync(join(tmpdir(), 'tillit-pdf-'));
    const pdfText = async (role: Role, url: string, name: string) => {
      const res = await call(role, 'GET', url);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const file = join(dir, `${name}.pdf`);
      writeFileSync(file, res.rawPayload);
      const fonts = execFileSync('pdffonts', [file]).toString();
      expect(fonts).toMatch(/DejaVuSans.*yes/);
      return { file, text: execFileSync('pdftotext', ['-layout', file, '-']).toString() };
    };
    const sv = await pdfText('client', `/api/clients/${f.clientA1}/invoices/2026-11/pdf`, 'sv');
    expect(sv.text).toContain('Faktura hemtjänst');
    expect(sv.text).toContain('Astrid Klientsson');
    expect(sv.text).toMatch(/2026-11-02\s+08:00\s+Anna T\.\s+45/);
    expect(sv.text).toContain('Kreditering för besök som inte blev av');
    expect(sv.text).toContain('Brukaren berättade att ingen kom den dagen.');
    expect(sv.text).toMatch(/Att betala\s+62,00 kr/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', sv.file, join(outputDir, `invoice-sv-${kind}`)]);
    // The rendered first page is kept in test-output/ for a person to look at.
    expect(statSync(join(outputDir, `invoice-sv-${kind}-1.png`)).size).toBeGreaterThan(5_000);

    await database.db.update(clients).set({ languages: ['fi', 'en'] }).where(eq(clients.id, f.clientB1));
    await pastVisit(f.clientB1, f.teamB, '2026-11-03', 'done', f.staffB1, ['09:00', '09:20']);
    await call('finance', 'POST', '/api/invoice-runs/2026-11');
    // The first language of the client's that Tillit writes invoices in (those of the client's page); others get Swedish.
    expect([invoiceLanguage(['fi', 'en']), invoiceLanguage(['ar']), invoiceLanguage(['de', 'en']), invoiceLanguage(['de'])]).toEqual(['fi', 'ar', 'en', 'sv']);
    await database.db.update(clients).set({ languages: ['en', 'fi'] }).where(eq(clients.id, f.clientB1));
    await call('finance', 'POST', '/api/invoice-runs/2026-11');
    const en = await pdfText('finance', `/api/clients/${f.clientB1}/invoices/2026-11/pdf`, 'en');
    expect(en.text).toContain('Home care invoice');
    expect(en.text).toMatch(/2026-11-03\s+09:00\s+Britt T\.\s+20/);
    expect(en.text).toContain('Amount to pay');

    // Finnish, and Arabic right to left: the draft is recomputed in the client's language.
    await database.db.update(clients).set({ languages: ['fi'] }).where(eq(clients.id, f.clientB1));
    await call('finance', 'POST', '/api/invoice-runs/2026-11');
    const fi = await pdfText('finance', `/api/clients/${f.clientB1}/invoices/2026-11/pdf`, 'fi');
    expect(fi.text).toContain('Kotihoidon lasku');
    expect(fi.text).toMatch(/Päivä\s+Aika\s+Kuka\s+Minuutit/);
    expect(fi.text).toMatch(/2026-11-03\s+09:00\s+Britt T\.\s+20/);
    expect(fi.text).toMatch(/Maksettava\s+82,00 kr/);
    await database.db.update(clients).set({ languages: ['ar', 'sv'] }).where(eq(clients.id, f.clientB1));
    await call('finance', 'POST', '/api/invoice-runs/2026-11');
    const ar = await pdfText('finance', `/api/clients/${f.clientB1}/invoices/2026-11/pdf`, 'ar');
    // pdftotext marks the direction of each run with control characters; the layout text is in visual order.
    const visual = ar.text.replace(/[\u200e\u200f\u202a-\u202e]/g, '');
    // Right to left: the date is the rightmost column and the minutes the leftmost.
    expect(visual).toMatch(/20\s+Britt T\.\s+09:00\s+2026-11-03/);
    expect(visual).toMatch(/82,00 kr\s+المبلغ المستحق/);
    const logical = execFileSync('pdftotext', [ar.file, '-']).toString();
    // Words without the lam-alef ligature, which poppler reads back in another order.
    for (const word of ['فاتورة', 'الرعاية', 'المنزلية', 'التاريخ', 'الدقائق', 'المستحق']) expect(logical).toContain(word);
    expect(logical).not.toContain('Faktura');
    for (const [lang, file] of [['ar', ar.file], ['fi', fi.file]] as const) {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(outputDir, `invoice-${lang}-${kind}`)]);
      expect(statSync(join(outputDir, `invoice-${lang}-${kind}-1.png`)).size).toBeGreaterThan(5_000);
    }

    const csv = await call('finance', 'GET', '/api/invoice-runs/2026-10/csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).toBe('invoice_number;client_id;month;state;name;street;postal_code;city;delivered_hours;fee_sek;limited_by;credit_sek;total_sek');
    rmSync(dir, { recursive: true, force: true });
    expect(rows.find((r) => r.includes(f.clientA1))).toMatch(/^2026-10-\d{4};.*;2026-10;sent;Astrid Klientsson;Storgatan 1;952 31;Kalix;1,50;369,00;tariff;0,00;369,00$/);
  });
});
