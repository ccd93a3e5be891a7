// Sign-in, sessions, throttling, CSRF and the access-log report, through the real routes.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import type { Database } from '../src/db/connection.js';
import { accessLog, sessions, users } from '../src/db/schema.js';
import { testConfig } from './config.js';
import { openTestDatabase } from './databases.js';
import { buildFixture, fixedNow, password, type Fixture } from './fixture.js';
import { as, signIn } from './http.js';

describe('sign-in and sessions', () => {
  let database: Database;
  let app: FastifyInstance;
  let f: Fixture;
  let now = fixedNow;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    f = await buildFixture(database.db);
    app = await buildApp({ db: database.db, config: { ...testConfig, loginAttemptsPerMinute: 40 }, now: () => now }, { serveWeb: false });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const login = (username: string, pw: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: pw } });

  it('stores passwords as argon2id hashes and sessions as token hashes', async () => {
    const u = (await database.db.select().from(users).where(eq(users.username, f.usernames.staff)))[0]!;
    expect(u.passwordHash).toMatch(/^\$argon2id\$/);
    const res = await login(f.usernames.staff, password);
    const token = res.cookies.find((c) => c.name === 'tillit_session')!.value;
    const stored = await database.db.select().from(sessions);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((s) => s.tokenHash === token)).toBe(false);
  });

  it('sets an http-only, same-site session cookie', async () => {
    const res = await login(f.usernames.staff, password);
    const cookie = res.cookies.find((c) => c.name === 'tillit_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
  });

  it('gives the session cookie a lifetime in seconds (Max-Age), not a date, so a browser whose clock differs keeps it as long as the session', async () => {
    const res = await login(f.usernames.staff, password);
    const header = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((h) => h.startsWith('tillit_session='))!;
    expect(header).toMatch(/Max-Age=\d+/);
    expect(header).not.toMatch(/Expires=/i);
    const maxAge = Number(/Max-Age=(\d+)/.exec(header)![1]);
    const stored = (await database.db.select().from(sessions)).map((x) => x.expiresAt.getTime() - now.getTime());
    expect(stored.map((ms) => Math.floor(ms / 1000))).toContain(maxAge);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await login(f.usernames.finance, 'not-the-password');
    const unknown = await login('nobody.here', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
  });

  it('locks an account after five failures, even for the right password, and lets it in later', async () => {
    for (let i = 0; i < 5; i++) expect((await login(f.usernames.relative, 'wrong')).statusCode).toBe(401);
    const locked = await login(f.usernames.relative, password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().type).toMatch(/too-many-attempts$/);
    expect(Date.parse(locked.json().retryAfter)).toBeGreaterThan(fixedNow.getTime());
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    now = new Date(fixedNow.getTime() + 2 * 60_000);
    expect((await login(f.usernames.relative, password)).statusCode).toBe(200);
    const u = (await database.db.select().from(users).where(eq(users.username, f.usernames.relative)))[0]!;
    expect(u.failedLogins).toBe(0);
    now = fixedNow;
  });

  it('ends the session at logout', async () => {
    const s = await signIn(app, f.usernames.coordinator, password);
    const session = await as(app, s)({ method: 'GET', url: '/api/auth/session' });
    expect(session.statusCode).toBe(200);
    // 08:00 UTC on 25 November is 09:00 in Stockholm, the same date.
    expect(session.json()).toMatchObject({ today: '2026-11-25', timeZone: 'Europe/Stockholm' });
    expect((await as(app, s)({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await as(app, s)({ method: 'GET', url: '/api/teams' })).statusCode).toBe(401);
  });

  it('expires a session after ten hours', async () => {
    const s = await signIn(app, f.usernames.coordinator, password);
    now = new Date(fixedNow.getTime() + 10 * 3_600_000 + 1000);
    expect((await as(app, s)({ method: 'GET', url: '/api/teams' })).statusCode).toBe(401);
    now = fixedNow;
  });

  it('refuses a CSRF token from another session', async () => {
    const a = await signIn(app, f.usernames.coordinator, password);
    const b = await signIn(app, f.usernames.unit_manager, password);
    const res = await as(app, { cookie: a.cookie, csrfToken: b.csrfToken })({ method: 'PUT', url: '/api/auth/locale', payload: { locale: 'en' } });
    expect(res.statusCode).toBe(403);
  });

  it('shows a client who read their data, and the log cannot be changed through the API', async () => {
    const staff = await signIn(app, f.usernames.staff, password);
    expect((await as(app, staff)({ method: 'GET', url: `/api/clients/${f.clientA1}` })).statusCode).toBe(200);
    const client = await signIn(app, f.usernames.client, password);
    const report = await as(app, client)({ method: 'GET', url: `/api/clients/${f.clientA1}/access-log` });
    expect(report.statusCode).toBe(200);
    const items = report.json().items as { who: string; role: string; what: string }[];
    expect(items.some((i) => i.who === 'Test staff' && i.role === 'staff' && i.what.includes('GET /api/clients/:clientId'))).toBe(true);
    const before = (await database.db.select().from(accessLog)).length;
    const manager = await signIn(app, f.usernames.unit_manager, password);
    for (const method of ['DELETE', 'PUT', 'PATCH', 'POST'] as const) {
      const res = await as(app, manager)({ method, url: `/api/clients/${f.clientA1}/access-log`, payload: {} });
      expect([404, 405]).toContain(res.statusCode);
    }
    expect((await database.db.select().from(accessLog)).length).toBe(before);
  });

  it('throttles sign-in attempts per address', async () => {
    const strict = await buildApp({ db: database.db, config: { ...testConfig, loginAttemptsPerMinute: 3 }, now: () => fixedNow }, { serveWeb: false });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await strict.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } })).statusCode);
    await strict.close();
    expect(codes).toEqual([401, 401, 401, 429, 429]);
  });
});
