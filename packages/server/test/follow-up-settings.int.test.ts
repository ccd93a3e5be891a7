// Each unit's own follow-up settings, on PGlite and PostgreSQL: the unit manager reads the defaults
// and sets the unit's figures; missed-visit detection and the overdue deviation steps then use that
// unit's figures while the other unit keeps the defaults. (Who may call the endpoints: the access
// matrix; bad input: test/bad-input/follow-up-care.ts.)
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/connection.js';
import { dayPlans } from '../src/db/schema.js';
import { visitFlags } from '../src/db/schema-follow-up.js';
import { buildApp } from '../src/app.js';
import { missedVisitDetectionJob } from '../src/jobs/scheduled.js';
import { testConfig } from './config.js';
import { databaseKinds, openTestDatabase } from './databases.js';
import { buildFixture, fixedNow, password, today, type Fixture } from './fixture.js';
import { as, signIn, type Session } from './http.js';

describe.each(databaseKinds)("a unit's follow-up settings on %s", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let f: Fixture;
  let clock = fixedNow;
  let manager: Session;
  let staff: Session;
  const steps = (investigated: number) => ({ investigated, actions_decided: 96, client_told: 120, closed: 336 });
  const unit1Settings = {
    // Window 07:30–09:00: possibly missed from 09:30 instead of 10:00.
    missedVisits: { possiblyMissedAfterMin: 30, lateAfterMin: 15 },
    deviationDeadlines: { low: steps(48), moderate: steps(24), serious: steps(12) },
    lexSarahDeadlines: { investigateWithinDays: 7, notifyIvoWithinDays: 1 },
    followUpDeviationShare: 0.2,
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    f = await buildFixture(database.db);
    app = await buildApp({ db: database.db, config: testConfig, now: () => clock }, { serveWeb: false });
    manager = await signIn(app, f.usernames.unit_manager, password);
    staff = await signIn(app, f.usernames.staff, password);
    await database.db.insert(dayPlans).values([f.teamA, f.teamB].map((teamId) => ({ teamId, date: today, publishedAt: fixedNow, publishedVersion: 1 })));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('shows the defaults until the unit sets its own, then the unit\'s figures', async () => {
    const before = await as(app, manager)({ method: 'GET', url: `/api/units/${f.unit1}/follow-up-settings` });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ own: false, updatedAt: null, missedVisits: { possiblyMissedAfterMin: 60, lateAfterMin: 30 }, followUpDeviationShare: 0.25 });
    expect(before.json().defaults).toEqual({ ...before.json(), unitId: undefined, own: undefined, updatedAt: undefined, defaults: undefined });
    const put = await as(app, manager)({ method: 'PUT', url: `/api/units/${f.unit1}/follow-up-settings`, payload: unit1Settings });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ ...unit1Settings, own: true, updatedAt: fixedNow.toISOString() });
    const after = await as(app, manager)({ method: 'GET', url: `/api/units/${f.unit1}/follow-up-settings` });
    expect(after.json()).toMatchObject({ ...unit1Settings, own: true });
  });

  it("flags a visit possibly missed after the unit's own grace; the other unit keeps the default hour", async () => {
    // 09:35 in Stockholm: 35 minutes after both windows ended.
    await missedVisitDetectionJob.run({ db: database.db, config: testConfig, now: () => new Date(`${today}T08:35:00Z`) });
    const flagged = async (visitId: string) => (await database.db.select().from(visitFlags).where(eq(visitFlags.visitId, visitId))).map((x) => x.kind);
    expect(await flagged(f.visitA1Today)).toEqual(['possibly_missed']);
    expect(await flagged(f.visitB1Today)).toEqual([]);
    await missedVisitDetectionJob.run({ db: database.db, config: testConfig, now: () => new Date(`${today}T09:00:00Z`) });
    expect(await flagged(f.visitB1Today)).toEqual(['possibly_missed']);
  });

  it("marks a deviation's step overdue by the unit's own deadline", async () => {
    clock = fixedNow;
    const reported = await as(app, staff)({
      method: 'POST', url: '/api/deviations',
      payload: { clientId: f.clientA1, type: 'fall', severity: 'moderate', occurredAt: fixedNow.toISOString(), description: 'Brukaren hade ramlat i hallen.', immediateActions: 'Hjälpte upp.' },
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const id = reported.json().id as string;
    // 30 hours later: past the unit's 24 h for investigating a moderate case, within the default 72 h.
    clock = new Date(fixedNow.getTime() + 30 * 3_600_000);
    manager = await signIn(app, f.usernames.unit_manager, password);
    const overdue = (await as(app, manager)({ method: 'GET', url: `/api/units/${f.unit1}/deviations/overdue` })).json();
    expect(overdue.deviations.map((d: { id: string; overdue: { step: string } }) => [d.id, d.overdue.step])).toEqual([[id, 'investigated']]);
    const one = (await as(app, manager)({ method: 'GET', url: `/api/deviations/${id}` })).json();
    expect(one.overdue).toMatchObject({ step: 'investigated', overdueHours: 6 });
  });
});
