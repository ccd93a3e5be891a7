// The scheduled missed-visit detection, run directly (the queue's scheduling is proved in
// job-schedule.int.test.ts), on PGlite and PostgreSQL: nobody opens the board, yet a published visit
// left unmarked past its window and grace becomes possibly missed, once.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/connection.js';
import { dayPlans, visits } from '../src/db/schema.js';
import { visitFlags } from '../src/db/schema-follow-up.js';
import { missedVisitDetectionJob, scheduledJobs } from '../src/jobs/scheduled.js';
import { testConfig } from './config.js';
import { databaseKinds, openTestDatabase } from './databases.js';
import { buildFixture, fixedNow, today, type Fixture } from './fixture.js';

describe.each(databaseKinds)('scheduled missed-visit detection on %s', (kind) => {
  let database: Database;
  let f: Fixture;
  const run = (at: string) => missedVisitDetectionJob.run({ db: database.db, config: testConfig, now: () => new Date(at) });
  const flagsOf = (visitId: string) => database.db.select().from(visitFlags).where(eq(visitFlags.visitId, visitId));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    f = await buildFixture(database.db);
    // Team A's day is published; team B's is still being planned.
    await database.db.insert(dayPlans).values([
      { teamId: f.teamA, date: today, publishedAt: fixedNow, publishedVersion: 1 },
      { teamId: f.teamB, date: today },
    ]);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('is registered to run every five minutes', () => {
    expect(scheduledJobs.map((j) => [j.name, j.cron])).toContainEqual(['missed-visit-detection', '*/5 * * * *']);
  });

  it('flags nothing before the window has ended and the grace has passed', async () => {
    // Window 07:30–09:00, grace 60 min: possibly missed from 10:00. 09:59 in Stockholm is 08:59Z.
    await run(`${today}T08:59:00Z`);
    expect(await flagsOf(f.visitA1Today)).toEqual([]);
  });

  it('flags a published visit left unmarked past its window and grace without anyone opening the board', async () => {
    await run(`${today}T09:00:00Z`);
    const flags = await flagsOf(f.visitA1Today);
    expect(flags.map((x) => [x.kind, x.teamId, x.date, x.settledAt])).toEqual([['possibly_missed', f.teamA, today, null]]);
    expect(flags[0]!.detectedAt.toISOString()).toBe(`${today}T09:00:00.000Z`);
    // The visit itself is untouched: the team settles it.
    const [v] = await database.db.select().from(visits).where(eq(visits.id, f.visitA1Today));
    expect(v!.status).toBe('planned');
  });

  it('leaves a day that is not published alone', async () => {
    expect(await flagsOf(f.visitB1Today)).toEqual([]);
  });

  it('running again creates nothing twice', async () => {
    await run(`${today}T09:05:00Z`);
    await run(`${today}T09:05:00Z`);
    const flags = await database.db.select().from(visitFlags).where(and(eq(visitFlags.teamId, f.teamA), eq(visitFlags.date, today)));
    expect(flags).toHaveLength(1);
    expect(flags[0]!.detectedAt.toISOString()).toBe(`${today}T09:00:00.000Z`);
  });

  it('after midnight still looks at yesterday, and settles the flag once staff recorded the visit as done', async () => {
    await database.db.update(visits).set({ status: 'done', actualStart: '08:00', actualEnd: '08:30' }).where(eq(visits.id, f.visitA1Today));
    // 00:10 the next day in Stockholm.
    await run('2026-11-25T23:10:00Z');
    const [flag] = await flagsOf(f.visitA1Today);
    expect([flag!.settledAt?.toISOString(), flag!.outcome]).toEqual(['2026-11-25T23:10:00.000Z', 'done']);
  });
});
