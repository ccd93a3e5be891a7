// Every API endpoint × every role × own scope / other scope: 2xx only where the access policy
// allows, 403/404 otherwise; every permitted read of client data writes access-log rows for
// exactly the clients returned. Runs on PGlite and on the real PostgreSQL server.
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '@tillit/domain';
import { buildApp, publicRoutes } from '../src/app.js';
import type { Database } from '../src/db/connection.js';
import { accessLog, users } from '../src/db/schema.js';
import { InProcessQueue } from '../src/jobs/queue.js';
import { testConfig } from './config.js';
import { databaseKinds, openTestDatabase } from './databases.js';
import { buildFixture, fixedNow, password, type Fixture } from './fixture.js';
import type { MatrixEntry, Scope } from './access-matrix/types.js';
import { as, signIn, type Session } from './http.js';

/** Every file in ./access-matrix/ contributes entries (one file per area of the API). */
const modules = import.meta.glob<{ entries: Record<string, MatrixEntry> }>('./access-matrix/*.ts', { eager: true });
export const matrix: Record<string, MatrixEntry> = Object.assign({}, ...Object.values(modules).map((m) => m.entries ?? {}));

describe.each(databaseKinds)('access matrix on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let f: Fixture;
  const sessions = new Map<Role, Session>();
  const userIds = new Map<Role, string>();

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    f = await buildFixture(database.db);
    // Jobs are queued but not worked here: the matrix proves who may start and see them.
    app = await buildApp({ db: database.db, config: testConfig, now: () => fixedNow, jobs: { queue: new InProcessQueue(), settings: { timeLimitMs: 1000, threads: 1 } } }, { serveWeb: false });
    for (const role of roles) {
      sessions.set(role, await signIn(app, f.usernames[role], password));
      const u = (await database.db.select({ id: users.id }).from(users).where(eq(users.username, f.usernames[role])))[0]!;
      userIds.set(role, u.id);
    }
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('has an entry for every endpoint the server registers', () => {
    const apiRoutes = app.routeList.filter((r) => {
      const path = r.split(' ')[1]!;
      return path.startsWith('/api/') && !path.startsWith('/api/docs') && path !== '/api/openapi.json' && !publicRoutes.has(r);
    });
    expect(apiRoutes.length).toBeGreaterThan(15);
    const missing = apiRoutes.filter((r) => !(r in matrix));
    expect(missing, 'endpoints without an access-matrix entry').toEqual([]);
    const stale = Object.keys(matrix).filter((k) => !apiRoutes.includes(k));
    expect(stale, 'matrix entries for endpoints that no longer exist').toEqual([]);
  });

  it('answers 401 to every protected endpoint without a session', async () => {
    for (const [key, entry] of Object.entries(matrix)) {
      const res = await as(app, null)(entry.call(f, 'own', 'admin'));
      expect(res.statusCode, key).toBe(401);
      expect(res.headers['content-type'], key).toContain('application/problem+json');
    }
  });

  it('refuses unsafe requests without the CSRF token', async () => {
    const s = sessions.get('coordinator')!;
    const res = await app.inject({ method: 'PATCH', url: `/api/clients/${f.clientA1}`, payload: { phone: '1' }, headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toMatch(/csrf$/);
  });

  for (const role of roles) {
    for (const scope of ['own', 'other'] as const) {
      it(`${role}, ${scope} scope: 2xx exactly where the policy allows, and reads are logged`, async () => {
        for (const [key, entry] of Object.entries(matrix)) {
          const session = entry.freshSession ? await signIn(app, f.usernames[role], password) : sessions.get(role)!;
          const call = entry.call(f, scope, role);
          const logBefore = await logCounts(role);
          const res = await as(app, session)(call);
          const allowed = (scope === 'own' ? entry.own : entry.other).includes(role);
          const where = `${key} as ${role} (${scope}): ${res.statusCode} ${res.body.slice(0, 300)}`;
          if (allowed) {
            const ok = (res.statusCode >= 200 && res.statusCode < 300) || (entry.allowedStatus ?? []).includes(res.statusCode);
            expect(ok, where).toBe(true);
            for (const hidden of entry.hidden?.(f, role) ?? []) expect(res.body, `${where} leaks ${hidden}`).not.toContain(hidden);
            if (entry.logs && call.method === 'GET') {
              const after = await logCounts(role);
              const expected = entry.logs(f, scope, role);
              for (const c of expected) expect(after.get(c) ?? 0, `${where}: no access-log row for client ${c}`).toBeGreaterThan(logBefore.get(c) ?? 0);
              const extra = [...after.keys()].filter((c) => (after.get(c) ?? 0) > (logBefore.get(c) ?? 0) && !expected.includes(c));
              expect(extra, `${where}: logged clients it did not return`).toEqual([]);
            }
          } else {
            expect([403, 404], where).toContain(res.statusCode);
            expect(res.headers['content-type'], where).toContain('application/problem+json');
            // A refused request reveals nothing about any client.
            for (const c of [f.clientA1, f.clientA2, f.clientB1]) expect(res.body, where).not.toContain(c);
          }
        }
      });
    }
  }

  async function logCounts(role: Role): Promise<Map<string, number>> {
    const rows = await database.db
      .select({ clientId: accessLog.clientId, n: sql<number>`count(*)::int` })
      .from(accessLog)
      .where(and(eq(accessLog.userId, userIds.get(role)!)))
      .groupBy(accessLog.clientId);
    return new Map(rows.map((r) => [r.clientId, Number(r.n)]));
  }
});
