// What clients and relatives see, on the demo municipality and both databases: the week with who
// is coming once published, changes since last look, consent given and withdrawn, and the
// calendar feed (valid iCalendar, matches the plan, revocable, logged).
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '@tillit/demo';
import { buildApp } from '../src/app.js';
import type { Database } from '../src/db/connection.js';
import { accessLog, users, visits } from '../src/db/schema.js';
import { loadDemo } from '../src/db/seed.js';
import { zoned } from '../src/routes/client-view.js';
import { testConfig } from './config.js';
import { databaseKinds, openTestDatabase } from './databases.js';
import { buildFixture, password, type Fixture } from './fixture.js';
import { as, signIn, type Session } from './http.js';

const today = '2026-11-25';
const tomorrow = '2026-11-26';
const now = () => new Date('2026-11-25T09:00:00Z');

/** The structural rules of RFC 5545 a calendar client relies on. */
function assertValidICalendar(text: string): string[] {
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(text).toContain('VERSION:2.0');
  expect(text).toMatch(/PRODID:/);
  expect(lines.filter((l) => l.length > 0).at(-1)).toBe('END:VCALENDAR');
  for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  const events = unfolded.split('BEGIN:VEVENT').slice(1).map((e) => e.split('END:VEVENT')[0]!);
  for (const e of events) for (const field of ['UID:', 'DTSTAMP:', 'DTSTART', 'DTEND', 'SUMMARY:']) expect(e).toContain(field);
  return events;
}

describe.each(databaseKinds)('the client view on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let client: Session;
  let coordinator: Session;
  let clientId: string;
  let teamId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(database.db, generateDemo({ seed: 1, today }));
    app = await buildApp({ db: database.db, config: testConfig, now }, { serveWeb: false });
    client = await signIn(app, 'brukare', 'tillit');
    coordinator = await signIn(app, 'samordnare', 'tillit');
    const u = (await database.db.select().from(users).where(eq(users.username, 'brukare')))[0]!;
    clientId = u.clientId!;
    teamId = (await database.db.select().from(users).where(eq(users.username, 'samordnare')))[0]!.teamId!;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const week = async (s: Session) => as(app, s)({ method: 'GET', url: `/api/clients/${clientId}/week` });
  const version = async () => (await as(app, coordinator)({ method: 'GET', url: `/api/teams/${teamId}/days/${tomorrow}/plan` })).json().version as number;

  it('shows today and seven days as time windows, with names only once a day is published', async () => {
    const res = await week(client);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.days.map((d: { date: string }) => d.date)).toHaveLength(8);
    expect(body.days[0].date).toBe(today);
    const planned = (await database.db.select().from(visits).where(and(eq(visits.clientId, clientId), eq(visits.date, tomorrow))));
    const shownTomorrow = body.days[1].visits;
    expect(shownTomorrow.map((v: { id: string }) => v.id).sort()).toEqual(planned.map((v) => v.id).sort());
    expect(shownTomorrow.every((v: { staff: unknown }) => v.staff === null)).toBe(true);
    expect(body.fixedContact.firstName).toMatch(/\w/);
    expect(body.team.phone).toMatch(/\d/);
    const pub = await as(app, coordinator)({ method: 'POST', url: `/api/teams/${teamId}/days/${tomorrow}/publish`, payload: { version: await version() } });
    expect(pub.statusCode).toBe(200);
    const after = (await week(client)).json();
    const withStaff = after.days[1].visits.filter((v: { staff: unknown[] | null }) => v.staff && v.staff.length > 0);
    expect(withStaff.length).toBeGreaterThan(0);
    // Only the day team published; the evening team's and service group's visits stay nameless.
    const teamOfVisit = new Map(planned.map((v) => [v.id, v.teamId]));
    for (const shown of after.days[1].visits as { id: string; staff: unknown[] | null }[]) {
      expect(shown.staff === null, shown.id).toBe(teamOfVisit.get(shown.id) !== teamId);
    }
    expect(after.days[1].published).toBe(planned.every((v) => v.teamId === teamId));
  });

  it('highlights "someone else comes" since the client last looked, once', async () => {
    const before = (await week(client)).json();
    const v = before.days[1].visits.find((x: { staff: { firstName: string; isFixedContact: boolean }[] | null }) => x.staff && x.staff.length === 1)!;
    const day = (await as(app, coordinator)({ method: 'GET', url: `/api/teams/${teamId}/days/${tomorrow}` })).json();
    const other = day.staff.find((s: { firstName: string; shift: unknown; absence: unknown }) => s.shift && !s.absence && s.firstName !== v.staff[0].firstName);
    const moved = await as(app, coordinator)({ method: 'PATCH', url: `/api/teams/${teamId}/days/${tomorrow}/visits/${v.id}`, payload: { version: await version(), staffIds: [other.id], acceptViolations: true } });
    expect(moved.statusCode, moved.body).toBe(200);
    const seen = (await week(client)).json().days[1].visits.find((x: { id: string }) => x.id === v.id);
    expect(seen.changes).toEqual([{ kind: 'person', before: [v.staff[0].firstName], after: [other.firstName] }]);
    const again = (await week(client)).json().days[1].visits.find((x: { id: string }) => x.id === v.id);
    expect(again.changes).toEqual([]);
  });

  it('lets a relative with consent see the week, and nothing once consent is withdrawn (the attempt is logged)', async () => {
    const relative = await signIn(app, 'anhorig', 'tillit');
    expect((await week(relative)).statusCode).toBe(200);
    const relativeUser = (await database.db.select().from(users).where(eq(users.username, 'anhorig')))[0]!;
    const feed = await as(app, relative)({ method: 'POST', url: `/api/clients/${clientId}/calendar-feeds` });
    expect(feed.statusCode).toBe(201);
    const withdraw = await as(app, client)({ method: 'POST', url: `/api/clients/${clientId}/relatives/${relativeUser.relativeId}/consent`, payload: { given: false } });
    expect(withdraw.statusCode).toBe(200);
    const refused = await week(relative);
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain('Morgon');
    const denied = await database.db.select().from(accessLog).where(and(eq(accessLog.userId, relativeUser.id), eq(accessLog.action, 'denied')));
    expect(denied.length).toBeGreaterThan(0);
    const path = new URL(feed.json().url).pathname;
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const give = await as(app, client)({ method: 'POST', url: `/api/clients/${clientId}/relatives/${relativeUser.relativeId}/consent`, payload: { given: true } });
    expect(give.statusCode).toBe(200);
    expect((await week(relative)).statusCode).toBe(200);
  });

  it('shows a relative without consent nothing, and logs the attempt', async () => {
    const stranger = await signIn(app, 'anhorig.utan', 'tillit');
    const u = (await database.db.select().from(users).where(eq(users.username, 'anhorig.utan')))[0]!;
    const res = await as(app, stranger)({ method: 'GET', url: `/api/clients/${clientId}/week` });
    expect([403, 404]).toContain(res.statusCode);
    const logged = await database.db.select().from(accessLog).where(and(eq(accessLog.userId, u.id), eq(accessLog.clientId, clientId)));
    expect(logged.map((l) => l.action)).toContain('denied');
  });

  it('serves a valid calendar feed that matches the plan, logs each read, and answers 404 once revoked', async () => {
    const made = await as(app, client)({ method: 'POST', url: `/api/clients/${clientId}/calendar-feeds` });
    const path = new URL(made.json().url).pathname;
    const res = await app.inject({ method: 'GET', url: path });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const events = assertValidICalendar(res.body);
    const inRange = await database.db.select().from(visits).where(eq(visits.clientId, clientId));
    const expected = inRange.filter((v) => v.date >= '2026-11-18' && v.date <= '2026-12-23' && v.status !== 'cancelled' && v.status !== 'missed');
    expect(events).toHaveLength(expected.length);
    const v = expected.find((x) => x.date === tomorrow)!;
    const event = events.find((e) => e.includes(`UID:${v.id}@tillit`))!;
    expect(event).toBeDefined();
    expect(event).toMatch(/kommer mellan/);
    expect(res.body).not.toMatch(/Läkemedel|insulin|nyckel/i);
    const clientUser = (await database.db.select().from(users).where(eq(users.username, 'brukare')))[0]!;
    const reads = await database.db.select().from(accessLog).where(and(eq(accessLog.userId, clientUser.id), eq(accessLog.what, 'visits GET /api/calendar/:token')));
    expect(reads.length).toBeGreaterThan(0);
    const revoke = await as(app, client)({ method: 'DELETE', url: `/api/calendar-feeds/${made.json().id}` });
    expect(revoke.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/calendar/not-a-token' })).statusCode).toBe(400);
  });

  it("writes the Arabic-speaking client's calendar feed in Arabic", async () => {
    const arabic = await signIn(app, 'brukare.ar', 'tillit');
    const arabicClient = (await database.db.select().from(users).where(eq(users.username, 'brukare.ar')))[0]!.clientId!;
    const made = await as(app, arabic)({ method: 'POST', url: `/api/clients/${arabicClient}/calendar-feeds` });
    expect(made.statusCode, made.body).toBe(201);
    const res = await app.inject({ method: 'GET', url: new URL(made.json().url).pathname });
    const events = assertValidICalendar(res.body);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e).toMatch(/SUMMARY:زيارة/);
      expect(e).toMatch(/DESCRIPTION:(سيأتي|بين الساعة)/);
      expect(e).not.toMatch(/Besök|kommer|Mellan/);
    }
  });
});

describe('local visit times as instants across the summer-time changes', () => {
  // Europe/Stockholm: CET (UTC+1) in winter, CEST (UTC+2) from 02:00 on the last Sunday of March
  // (29 March 2026) to 03:00 on the last Sunday of October (25 October 2026).
  it.each([
    ['2026-03-28', '08:00', '2026-03-28T07:00:00.000Z'], // Saturday before: CET, 08:00 − 1 h
    ['2026-03-29', '01:30', '2026-03-29T00:30:00.000Z'], // before the change: CET
    ['2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'], // does not exist: moves forward to 03:30 CEST
    ['2026-03-29', '03:30', '2026-03-29T01:30:00.000Z'], // CEST, 03:30 − 2 h
    ['2026-03-29', '08:00', '2026-03-29T06:00:00.000Z'], // CEST, 08:00 − 2 h
    ['2026-10-24', '08:00', '2026-10-24T06:00:00.000Z'], // Saturday before: still CEST
    ['2026-10-25', '01:30', '2026-10-24T23:30:00.000Z'], // CEST, 01:30 − 2 h, previous UTC day
    ['2026-10-25', '02:30', '2026-10-25T01:30:00.000Z'], // occurs twice: the second, CET
    ['2026-10-25', '08:00', '2026-10-25T07:00:00.000Z'], // CET, 08:00 − 1 h
    ['2026-11-26', '08:00', '2026-11-26T07:00:00.000Z'],
  ])('%s %s in Stockholm is %s', (date, time, instant) => {
    expect(zoned(date, time, 'Europe/Stockholm').toISOString()).toBe(instant);
  });
});

describe.each(databaseKinds)('the calendar feed across the summer-time changes on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let f: Fixture;
  let current = new Date('2026-03-25T12:00:00Z');

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    f = await buildFixture(database.db);
    app = await buildApp({ db: database.db, config: testConfig, now: () => current }, { serveWeb: false });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  /** One visit of client A1 at a local time, stored as the planner stores it (date and HH:MM). */
  const addVisit = async (date: string, windowStart: string, windowEnd: string) => {
    const id = randomUUID();
    await database.db.insert(visits).values({
      id, clientId: f.clientA1, teamId: f.teamA, carePlanVisitId: null, date, title: 'Morgonhjälp', serviceType: 'personal_care',
      windowStart, windowEnd, durationMin: 30, skills: ['care'], tasks: [], staffCount: 1, video: false, status: 'planned', plannedStart: windowStart, staffIds: [f.staffA1],
    });
    return id;
  };

  it('gives each visit its Stockholm time as the right instant on both sides of each change', async () => {
    const ids = {
      marchBefore: await addVisit('2026-03-28', '08:00', '09:00'),
      marchAfter: await addVisit('2026-03-29', '08:00', '09:00'),
      // A night visit across the missing hour: 01:30 CET to 03:30 CEST is one hour.
      marchNight: await addVisit('2026-03-29', '01:30', '03:30'),
      octoberBefore: await addVisit('2026-10-24', '08:00', '09:00'),
      octoberAfter: await addVisit('2026-10-25', '08:00', '09:00'),
      // Across the repeated hour: 01:30 CEST to 03:30 CET is three hours.
      octoberNight: await addVisit('2026-10-25', '01:30', '03:30'),
    };
    const client = await signIn(app, f.usernames.client, password);
    const made = await as(app, client)({ method: 'POST', url: `/api/clients/${f.clientA1}/calendar-feeds` });
    expect(made.statusCode, made.body).toBe(201);
    const path = new URL(made.json().url).pathname;
    const eventOf = (body: string, id: string) => {
      const e = assertValidICalendar(body).find((x) => x.includes(`UID:${id}@tillit`));
      expect(e, id).toBeDefined();
      return { start: /DTSTART[^:\r\n]*:(\S+)/.exec(e!)![1], end: /DTEND[^:\r\n]*:(\S+)/.exec(e!)![1] };
    };

    // The feed covers a week back and four weeks ahead of today.
    current = new Date('2026-03-25T12:00:00Z');
    const march = (await app.inject({ method: 'GET', url: path })).body;
    expect(march).toContain('X-WR-TIMEZONE:Europe/Stockholm');
    expect(eventOf(march, ids.marchBefore)).toEqual({ start: '20260328T070000Z', end: '20260328T080000Z' });
    expect(eventOf(march, ids.marchAfter)).toEqual({ start: '20260329T060000Z', end: '20260329T070000Z' });
    expect(eventOf(march, ids.marchNight)).toEqual({ start: '20260329T003000Z', end: '20260329T013000Z' });

    current = new Date('2026-10-21T12:00:00Z');
    const october = (await app.inject({ method: 'GET', url: path })).body;
    expect(eventOf(october, ids.octoberBefore)).toEqual({ start: '20261024T060000Z', end: '20261024T070000Z' });
    expect(eventOf(october, ids.octoberAfter)).toEqual({ start: '20261025T070000Z', end: '20261025T080000Z' });
    expect(eventOf(october, ids.octoberNight)).toEqual({ start: '20261024T233000Z', end: '20261025T023000Z' });
  });
});
