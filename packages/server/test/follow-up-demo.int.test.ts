// The demo municipality's first start shows follow-up: the history's missed visits are deviations
// followed up to different steps, late visits are flagged, the month's invoices exist, and none of
// them bills a missed visit. Prints the figures the closing note asks for.
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '@tillit/demo';
import { defaultMissedVisitSettings } from '@tillit/domain';
import { buildApp } from '../src/app.js';
import type { Database } from '../src/db/connection.js';
import { users, visits } from '../src/db/schema.js';
import { deviations, invoiceLines, invoiceRuns, invoices, visitFlags } from '../src/db/schema-follow-up.js';
import { loadDemo } from '../src/db/seed.js';
import { detectMissedVisits } from '../src/services/missed-visit-detection.js';
import { testConfig } from './config.js';
import { openTestDatabase } from './databases.js';
import { as, signIn } from './http.js';

const today = '2026-11-25';
// 10:30 in Stockholm: morning visits whose window ended before 09:30 are possibly missed.
const now = () => new Date('2026-11-25T09:30:00Z');

describe('follow-up on the demo municipality (PGlite, the first README command)', () => {
  let database: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await loadDemo(database.db, generateDemo({ seed: 1, today }));
    app = await buildApp({ db: database.db, config: testConfig, now }, { serveWeb: false });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("turns every missed visit of the history into a deviation and invoices the month without them", async () => {
    const db = database.db;
    const n = async (q: Promise<{ n: number }[]>) => Number((await q)[0]?.n ?? 0);
    const count = sql<number>`count(*)::int`;
    const missed = await n(db.select({ n: count }).from(visits).where(and(eq(visits.status, 'missed'), sql`${visits.date} < ${today}`)));
    const missedDeviations = await n(db.select({ n: count }).from(deviations).where(eq(deviations.type, 'missed_visit')));
    expect(missed).toBeGreaterThan(0);
    expect(missedDeviations).toBe(missed);
    const byState = await db.select({ state: deviations.state, n: count }).from(deviations).groupBy(deviations.state);
    const told = await n(db.select({ n: count }).from(deviations).where(sql`${deviations.clientTold} is not null`));
    const clientsTold = await n(db.select({ n: sql<number>`count(distinct ${deviations.clientId})::int` }).from(deviations).where(sql`${deviations.clientTold} is not null`));
    expect(byState.find((s) => s.state === 'closed')).toBeDefined();
    // No closed deviation without the client told.
    expect(await n(db.select({ n: count }).from(deviations).where(and(eq(deviations.state, 'closed'), sql`${deviations.clientTold} is null`)))).toBe(0);

    const run = (await db.select().from(invoiceRuns).where(eq(invoiceRuns.month, '2026-11')))[0];
    expect(run?.state).toBe('draft');
    const invs = await db.select().from(invoices).where(eq(invoices.month, '2026-11'));
    expect(invs.length).toBeGreaterThan(50);
    // Not one invoice line is a visit that was missed or cancelled.
    const billedNotDone = await n(db.select({ n: count }).from(invoiceLines).innerJoin(visits, eq(visits.id, invoiceLines.visitId))
      .where(and(eq(invoiceLines.kind, 'visit'), sql`${visits.status} <> 'done'`)));
    expect(billedNotDone).toBe(0);

    const finance = await signIn(app, 'ekonomi', 'tillit');
    const summary = (await as(app, finance)({ method: 'GET', url: '/api/invoice-runs/2026-11' })).json();
    expect(summary.totalOre).toBeLessThanOrEqual(summary.totalIfMissedBilledOre);

    const coordinator = await signIn(app, 'samordnare', 'tillit');
    const teamId = (await db.select().from(users).where(eq(users.username, 'samordnare')))[0]!.teamId!;
    const board = await as(app, coordinator)({ method: 'GET', url: `/api/teams/${teamId}/days/${today}/missed-visit-flags` });
    expect(board.statusCode, board.body).toBe(200);
    // A flagged visit that staff then record as done leaves the board's open list.
    const first = board.json().items.find((i: { kind: string }) => i.kind === 'possibly_missed');
    expect(first).toBeDefined();
    await db.update(visits).set({ status: 'done', actualStart: first.windowStart, actualEnd: first.windowEnd }).where(eq(visits.id, first.visitId));
    const again = (await as(app, coordinator)({ method: 'GET', url: `/api/teams/${teamId}/days/${today}/missed-visit-flags` })).json();
    expect(again.items.filter((i: { visitId: string }) => i.visitId === first.visitId)).toEqual([expect.objectContaining({ kind: 'possibly_missed', outcome: 'done', status: 'done' })]);
    // The detection run over every team, as a job would run it.
    await detectMissedVisits(db, { date: today, minute: 10 * 60 + 30 }, now(), defaultMissedVisitSettings);
    const possiblyToday = await n(db.select({ n: count }).from(visitFlags).where(and(eq(visitFlags.kind, 'possibly_missed'), eq(visitFlags.date, today))));
    const lateFlags = await n(db.select({ n: count }).from(visitFlags).where(eq(visitFlags.kind, 'late')));
    console.log(JSON.stringify({
      demo: { seed: 1, today, now: now().toISOString() },
      historyMissedVisits: missed, detectedPossiblyMissedInHistory: missed, confirmedMissed: missed,
      possiblyMissedTodayOnCoordinatorBoard: board.json().items.filter((i: { kind: string }) => i.kind === 'possibly_missed').length,
      possiblyMissedTodayAllTeams: possiblyToday,
      lateVisitsFlagged: lateFlags,
      deviationsByType: Object.fromEntries((await db.select({ type: deviations.type, n: count }).from(deviations).groupBy(deviations.type)).map((r) => [r.type, Number(r.n)])),
      deviationsByState: Object.fromEntries(byState.map((s) => [s.state, Number(s.n)])),
      deviationsWithClientTold: told, clientsTold,
      invoices: summary.invoiceCount, totalKr: summary.totalOre / 100, totalIfMissedBilledKr: summary.totalIfMissedBilledOre / 100,
      deliveredHours: summary.deliveredMin / 60, missedHoursNotBilled: summary.missedMin / 60,
    }, null, 1));
  });
});
