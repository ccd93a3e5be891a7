// A team that serves another team's client (the evening team) follows up the deviations about its
// own visits there, and only those: the client's other deviations stay hidden (404), and every
// read and refusal is access-logged with the client.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import type { Database } from '../src/db/connection.js';
import { accessLog, users, visits } from '../src/db/schema.js';
import { insertDeviation } from '../src/services/deviations.js';
import { testConfig } from './config.js';
import { databaseKinds, openTestDatabase } from './databases.js';
import { buildFixture, fixedNow, password, type Fixture } from './fixture.js';
import { as, signIn, type Session } from './http.js';

describe.each(databaseKinds)('an evening team follows up deviations about its own visits on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let f: Fixture;
  let coordinator: Session;
  let coordinatorUserId: string;
  const eveningVisit = randomUUID();
  const ownDeviation = randomUUID();
  const teamBDeviation = randomUUID();

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    f = await buildFixture(database.db);
    // Team A does an evening visit at team B's client B1 in three days (the fixture's today is 2026-11-25).
    await database.db.insert(visits).values({
      id: eveningVisit, clientId: f.clientB1, teamId: f.teamA, carePlanVisitId: null, date: '2026-11-28', title: 'Kvällstillsyn',
      serviceType: 'safety_check', windowStart: '19:00', windowEnd: '20:30', durationMin: 20, skills: ['care'], tasks: ['Tillsyn'],
      staffCount: 1, video: false, status: 'planned', plannedStart: null, staffIds: [],
    });
    const deviation = (id: string, teamId: string, visitId: string | null, description: string) => insertDeviation(database.db, {
      id, clientId: f.clientB1, teamId, visitId, type: 'missed_visit', severity: 'moderate', source: 'staff',
      occurredAt: new Date('2026-11-24T19:00:00Z'), reportedAt: new Date('2026-11-24T20:00:00Z'), reportedBy: null, reportedByName: 'Tillit',
      description, immediateActions: '',
    });
    // One about team A's own visit, one about team B's visit to the same client.
    await deviation(ownDeviation, f.teamA, eveningVisit, 'Kvällsbesöket blev inte av.');
    await deviation(teamBDeviation, f.teamB, f.visitB1Today, 'Morgonbesöket blev inte av.');
    app = await buildApp({ db: database.db, config: testConfig, now: () => fixedNow }, { serveWeb: false });
    coordinator = await signIn(app, f.usernames.coordinator, password);
    coordinatorUserId = (await database.db.select().from(users).where(eq(users.username, f.usernames.coordinator)))[0]!.id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const logRows = () => database.db.select().from(accessLog).where(and(eq(accessLog.userId, coordinatorUserId), eq(accessLog.clientId, f.clientB1)));

  it("lists the deviation about its own visit to the served client and not the client's other one", async () => {
    const res = await as(app, coordinator)({ method: 'GET', url: '/api/deviations' });
    expect(res.statusCode, res.body).toBe(200);
    const ids = (res.json() as { items: { id: string }[] }).items.map((d) => d.id);
    expect(ids).toContain(ownDeviation);
    expect(ids).not.toContain(teamBDeviation);
    expect((await logRows()).some((r) => r.action === 'list')).toBe(true);
  });

  it('reads the deviation about its own visit and takes the next step, logged as a read', async () => {
    const read = await as(app, coordinator)({ method: 'GET', url: `/api/deviations/${ownDeviation}` });
    expect(read.statusCode, read.body).toBe(200);
    expect((read.json() as { clientId: string }).clientId).toBe(f.clientB1);
    expect((await logRows()).some((r) => r.action === 'read' && r.what.startsWith('deviations GET /api/deviations/:deviationId'))).toBe(true);
    const step = await as(app, coordinator)({
      method: 'POST', url: `/api/deviations/${ownDeviation}/steps`,
      payload: { step: 'investigated', findings: 'Besöket låg inte på någon tur.', cause: 'Planeringen missade besöket.' },
    });
    expect(step.statusCode, step.body).toBe(200);
    expect(step.json()).toEqual({ id: ownDeviation, state: 'investigated' });
  });

  it("answers 404 for the client's deviation about another team's visit, to read or to advance, and logs the refusal", async () => {
    const read = await as(app, coordinator)({ method: 'GET', url: `/api/deviations/${teamBDeviation}` });
    expect(read.statusCode).toBe(404);
    const step = await as(app, coordinator)({
      method: 'POST', url: `/api/deviations/${teamBDeviation}/steps`,
      payload: { step: 'investigated', findings: 'x', cause: 'y' },
    });
    expect(step.statusCode).toBe(404);
    const denied = (await logRows()).filter((r) => r.action === 'denied');
    expect(denied.length).toBe(2);
  });
});
