// The data layer on both databases: migrations, the append-only access log, lazy visit generation.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/connection.js';
import { accessLog, carePlanVisits, carePlans, clients, decisions, generatedDays, rotaShifts, shifts, visits } from '../src/db/schema.js';
import { ensureDaysGenerated } from '../src/services/visit-generation.js';
import { testConfig } from './config.js';
import { databaseKinds, openTestDatabase } from './databases.js';
import { buildFixture, fixedNow, today, type Fixture } from './fixture.js';
import { snapshot } from './snapshot.js';

/** Drizzle wraps the driver's error; the trigger's message is on the cause. */
function refusedAsAppendOnly(e: unknown): boolean {
  const err = e as { message?: string; cause?: { message?: string } };
  return /append-only/.test(`${err.message} ${err.cause?.message ?? ''}`);
}

describe.each(databaseKinds)('data layer on %s', (kind) => {
  let database: Database;
  let f: Fixture;
  const ctx = () => ({ db: database.db, config: testConfig, now: () => fixedNow });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    f = await buildFixture(database.db);
  });
  afterAll(async () => database?.close());

  it('runs the migrations on the right kind of database', async () => {
    expect(database.kind).toBe(kind);
    const rows = await database.db.select({ n: sql<number>`count(*)::int` }).from(clients);
    expect(Number(rows[0]!.n)).toBe(3);
  });

  it('adds access-log rows but refuses to update, delete or truncate them', async () => {
    await database.db.insert(accessLog).values({ userId: f.staffA1, role: 'staff', clientId: f.clientA1, action: 'read', what: 'profile test', requestId: 'r1' });
    await expect(database.db.update(accessLog).set({ what: 'tampered' }).where(eq(accessLog.requestId, 'r1'))).rejects.toSatisfy(refusedAsAppendOnly);
    await expect(database.db.delete(accessLog).where(eq(accessLog.requestId, 'r1'))).rejects.toSatisfy(refusedAsAppendOnly);
    await expect(database.db.execute(sql`TRUNCATE access_log`)).rejects.toSatisfy(refusedAsAppendOnly);
    const kept = await database.db.select().from(accessLog).where(eq(accessLog.requestId, 'r1'));
    expect(kept).toHaveLength(1);
    expect(kept[0]!.what).toBe('profile test');
  });

  it('generates a future day once from the care plans, and never a past day', async () => {
    const tomorrow = '2026-11-26';
    await ensureDaysGenerated(ctx(), f.teamA, tomorrow, tomorrow, today);
    await ensureDaysGenerated(ctx(), f.teamA, tomorrow, tomorrow, today);
    const rows = await database.db.select().from(visits).where(and(eq(visits.teamId, f.teamA), eq(visits.date, tomorrow)));
    // Team A has two clients with one daily morning visit each.
    expect(rows.map((r) => r.clientId).sort()).toEqual([f.clientA1, f.clientA2].sort());
    expect(rows.every((r) => r.status === 'planned' && r.windowStart === '07:30')).toBe(true);
    await ensureDaysGenerated(ctx(), f.teamA, '2026-11-20', '2026-11-20', today);
    const past = await database.db.select().from(visits).where(and(eq(visits.teamId, f.teamA), eq(visits.date, '2026-11-20')));
    expect(past).toHaveLength(0);
    const marked = await database.db.select().from(generatedDays).where(eq(generatedDays.teamId, f.teamA));
    expect(marked.map((m) => m.date)).toEqual([tomorrow]);
  });

  it("makes a future day's shifts from the rota, keeping shifts entered by hand", async () => {
    // 2026-12-02 and 2026-12-03 are a Wednesday and Thursday of ISO week 49 (parity 1).
    await database.db.insert(rotaShifts).values([
      { staffId: f.staffA1, weekParity: 1, weekday: 3, start: '07:00', end: '16:00', breakMin: 30 },
      { staffId: f.staffA2, weekParity: 1, weekday: 3, start: '13:00', end: '21:00', breakMin: 30 },
      { staffId: f.staffA2, weekParity: 0, weekday: 3, start: '07:00', end: '12:00', breakMin: 0 },
    ]);
    await database.db.insert(shifts).values({ id: crypto.randomUUID(), staffId: f.staffA2, date: '2026-12-02', start: '09:00', end: '15:00', breakMin: 30 });
    await ensureDaysGenerated(ctx(), f.teamA, '2026-12-02', '2026-12-03', today);
    const made = await database.db.select().from(shifts).where(inArray(shifts.date, ['2026-12-02', '2026-12-03']));
    expect(made.map((s) => `${s.staffId === f.staffA1 ? 'A1' : 'A2'} ${s.date} ${s.start}`).sort()).toEqual(['A1 2026-12-02 07:00', 'A2 2026-12-02 09:00']);
  });

  it('puts a care-plan visit named for another team (the evening team) in that team\'s day', async () => {
    const plan = (await database.db.select().from(carePlans).where(eq(carePlans.clientId, f.clientA1)))[0]!;
    await database.db.insert(carePlanVisits).values({
      id: crypto.randomUUID(), carePlanId: plan.id, title: 'Kvällsbesök', serviceType: 'personal_care', weekdays: [1, 2, 3, 4, 5, 6, 7],
      windowStart: '20:00', windowEnd: '21:00', durationMin: 20, tasks: [], skills: ['care'], staffCount: 1, videoAllowed: false, teamId: f.teamB,
    });
    await ensureDaysGenerated(ctx(), f.teamA, '2026-11-28', '2026-11-28', today);
    await ensureDaysGenerated(ctx(), f.teamB, '2026-11-28', '2026-11-28', today);
    const day = await database.db.select().from(visits).where(eq(visits.date, '2026-11-28'));
    expect(day.filter((v) => v.title === 'Kvällsbesök').map((v) => [v.clientId, v.teamId])).toEqual([[f.clientA1, f.teamB]]);
    expect(day.filter((v) => v.teamId === f.teamA).map((v) => v.title)).toEqual(['Morgonhjälp', 'Morgonhjälp']);
  });

  it('generates a visit every other week on its anchor\'s weeks across week 53, and refuses an interval of five weeks', async () => {
    const plan = (await database.db.select().from(carePlans).where(eq(carePlans.clientId, f.clientA1)))[0]!;
    const cleaning = {
      carePlanId: plan.id, title: 'Städning', serviceType: 'service', weekdays: [3], windowStart: '09:00', windowEnd: '11:00',
      durationMin: 60, tasks: [], skills: ['service'], staffCount: 1, videoAllowed: false, teamId: f.teamB, weekAnchor: '2026-12-16',
    };
    await database.db.insert(carePlanVisits).values({ id: crypto.randomUUID(), ...cleaning, intervalWeeks: 2 });
    // Wednesdays of ISO weeks 52, 53, 1 and 2: the anchor's week 51 plus 2 and 4 weeks.
    const wednesdays = ['2026-12-23', '2026-12-30', '2027-01-06', '2027-01-13'];
    await ensureDaysGenerated(ctx(), f.teamB, wednesdays[0]!, wednesdays[3]!, today);
    const rows = await database.db.select().from(visits).where(and(eq(visits.title, 'Städning'), inArray(visits.date, wednesdays)));
    expect(rows.map((r) => r.date).sort()).toEqual(['2026-12-30', '2027-01-13']);
    await expect(database.db.insert(carePlanVisits).values({ id: crypto.randomUUID(), ...cleaning, intervalWeeks: 5 })).rejects.toThrow();
  });

  it('generates no visits for a client whose decision has ended', async () => {
    await database.db.update(decisions).set({ validTo: '2026-11-30' }).where(eq(decisions.clientId, f.clientA2));
    await ensureDaysGenerated(ctx(), f.teamA, '2026-12-01', '2026-12-01', today);
    const rows = await database.db.select().from(visits).where(and(eq(visits.teamId, f.teamA), eq(visits.date, '2026-12-01')));
    expect(rows.map((r) => r.clientId)).toEqual([f.clientA1]);
  });

  it('has a fingerprint of stored data that changes when data changes', async () => {
    const before = await snapshot(database.db);
    const plan = (await database.db.select().from(carePlans).where(eq(carePlans.clientId, f.clientA1)))[0]!;
    await database.db.update(carePlanVisits).set({ durationMin: 31 }).where(eq(carePlanVisits.carePlanId, plan.id));
    const after = await snapshot(database.db);
    expect(after.care_plan_visit).not.toBe(before.care_plan_visit);
    expect(after.client).toBe(before.client);
  });
});
