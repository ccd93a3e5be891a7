// Staff who visit another team's client today, and a team that serves another team's clients
// (the evening team, the service group), see those clients with a substitute's reach, logged;
// not once the visits are not theirs.
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import type { Database } from '../src/db/connection.js';
import { randomUUID } from 'node:crypto';
import { accessLog, users, visits } from '../src/db/schema.js';
import { testConfig } from './config.js';
import { databaseKinds, openTestDatabase } from './databases.js';
import { buildFixture, fixedNow, password, type Fixture } from './fixture.js';
import { as, signIn, type Session } from './http.js';

describe.each(databaseKinds)('staff visiting another team on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let f: Fixture;
  let staff: Session;
  let staffUserId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    f = await buildFixture(database.db);
    // Team B's client B1 is visited today by team A's Anna (as an evening team would).
    await database.db.update(visits).set({ staffIds: [f.staffA1] }).where(eq(visits.id, f.visitB1Today));
    app = await buildApp({ db: database.db, config: testConfig, now: () => fixedNow }, { serveWeb: false });
    staff = await signIn(app, f.usernames.staff, password);
    staffUserId = (await database.db.select().from(users).where(eq(users.username, f.usernames.staff)))[0]!.id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const logRows = (clientId: string) =>
    database.db.select().from(accessLog).where(and(eq(accessLog.userId, staffUserId), eq(accessLog.clientId, clientId)));

  it('shows the visit with the client on the phone day, and logs it', async () => {
    const res = await as(app, staff)({ method: 'GET', url: '/api/me/day' });
    expect(res.statusCode).toBe(200);
    const day = res.json() as { visits: { id: string; clientId: string; client: { firstName: string; keyFacts: string } }[] };
    const visit = day.visits.find((v) => v.id === f.visitB1Today);
    expect(visit?.clientId).toBe(f.clientB1);
    expect(visit?.client.firstName.length).toBeGreaterThan(0);
    expect((await logRows(f.clientB1)).length).toBeGreaterThan(0);
  });

  it("reads the client's record with key facts but not the relatives, which their own team's clients show", async () => {
    const record = await as(app, staff)({ method: 'GET', url: `/api/clients/${f.clientB1}` });
    expect(record.statusCode, record.body).toBe(200);
    const body = record.json() as Record<string, unknown>;
    expect(body.keyFacts).toEqual(expect.any(String));
    expect(body.relatives ?? null).toBeNull();
    const own = (await as(app, staff)({ method: 'GET', url: `/api/clients/${f.clientA1}` })).json() as Record<string, unknown>;
    expect(own.relatives).toEqual(expect.any(Array));
  });

  it('loses the client again when the visit is no longer theirs', async () => {
    await database.db.update(visits).set({ staffIds: [f.staffB1] }).where(eq(visits.id, f.visitB1Today));
    const record = await as(app, staff)({ method: 'GET', url: `/api/clients/${f.clientB1}` });
    expect(record.statusCode).toBe(404);
    const day = (await as(app, staff)({ method: 'GET', url: '/api/me/day' })).json() as { visits: { id: string }[] };
    expect(day.visits.map((v) => v.id)).not.toContain(f.visitB1Today);
    const denied = (await logRows(f.clientB1)).filter((r) => r.action === 'denied');
    expect(denied.length).toBeGreaterThan(0);
  });

  it("gives the coordinator of a team that serves another team's client the client's visits on its board, within two weeks of its visits", async () => {
    const coordinator = await signIn(app, f.usernames.coordinator, password);
    const record = () => as(app, coordinator)({ method: 'GET', url: `/api/clients/${f.clientB1}` });
    expect((await record()).statusCode).toBe(404);
    // Team A is to do an evening visit at client B1 in three days (dates as the fixture's today, 2026-11-25).
    const evening = {
      id: randomUUID(), clientId: f.clientB1, teamId: f.teamA, carePlanVisitId: null, date: '2026-11-28', title: 'Kvällstillsyn',
      serviceType: 'safety_check', windowStart: '19:00', windowEnd: '20:30', durationMin: 20, skills: ['care'], tasks: ['Tillsyn'],
      staffCount: 1, video: false, status: 'planned' as const, plannedStart: null, staffIds: [],
    };
    await database.db.insert(visits).values(evening);
    const res = await record();
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Record<string, unknown>).relatives ?? null).toBeNull();
    const day = await as(app, coordinator)({ method: 'GET', url: `/api/teams/${f.teamA}/days/2026-11-28` });
    expect(day.statusCode, day.body).toBe(200);
    expect(JSON.stringify(day.json())).toContain(f.clientB1);
    // A visit more than two weeks away gives no reach.
    await database.db.update(visits).set({ date: '2026-12-20' }).where(eq(visits.id, evening.id));
    expect((await record()).statusCode).toBe(404);
  });
});
