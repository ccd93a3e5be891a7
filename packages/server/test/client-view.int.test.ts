// What clients and relatives see, on the demo municipality and both databases: the week with who
// is coming once published, changes since last look, consent given and withdrawn, and the
// calendar feed (valid iCalendar, matches the plan, revocable, logged).
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '@tillit/demo';
import { buildApp } from '../src/app.js';
import type { Database } from '../src/db/connection.js';
import { accessLog, users, visits } from '../src/db/schema.js';
import { loadDemo } from '../src/db/seed.js';
import { testConfig } from './config.js';
import { databaseKinds, openTestDatabase } from './databases.js';
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
});
