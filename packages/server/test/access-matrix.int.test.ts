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
import { testConfig } from './config.js';
import { databaseKinds, openTestDatabase } from './databases.js';
import { buildFixture, fixedNow, password, today, type Fixture } from './fixture.js';
import { as, signIn, type Session } from './http.js';

type Scope = 'own' | 'other';
interface Call { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: unknown }

interface MatrixEntry {
  call: (f: Fixture, scope: Scope, role: Role) => Call;
  /** Roles that get 2xx for the own scope (unit 1 / team A / client A1) and for the other. */
  own: readonly Role[];
  other: readonly Role[];
  /** For reads of client data: the clients whose rows must be logged after a 2xx. */
  logs?: (f: Fixture, scope: Scope, role: Role) => string[];
  /** For list reads: client ids that must never appear in the answer for this role. */
  hidden?: (f: Fixture, role: Role) => string[];
  /** The call ends the session, so it runs on a fresh sign-in. */
  freshSession?: boolean;
}

const everyone = roles;
const month = today.slice(0, 7);
const wide: readonly Role[] = ['needs_assessor', 'finance'];
const teamScoped = (f: Fixture, role: Role) => (wide.includes(role) ? [] : [f.clientB1]);
const clientOf = (f: Fixture, s: Scope) => (s === 'own' ? f.clientA1 : f.clientB1);
const teamOf = (f: Fixture, s: Scope) => (s === 'own' ? f.teamA : f.teamB);
let counter = 0;

export const matrix: Record<string, MatrixEntry> = {
  'POST /api/auth/logout': { call: () => ({ method: 'POST', url: '/api/auth/logout' }), own: everyone, other: everyone, freshSession: true },
  'PUT /api/auth/locale': { call: () => ({ method: 'PUT', url: '/api/auth/locale', payload: { locale: 'sv' } }), own: everyone, other: everyone },
  'GET /api/teams': { call: () => ({ method: 'GET', url: '/api/teams' }), own: everyone, other: everyone },
  'GET /api/teams/:teamId/staff': {
    call: (f, s) => ({ method: 'GET', url: `/api/teams/${teamOf(f, s)}/staff` }),
    own: ['unit_manager', 'coordinator', 'staff'], other: [],
  },
  'GET /api/teams/:teamId/days/:date': {
    call: (f, s) => ({ method: 'GET', url: `/api/teams/${teamOf(f, s)}/days/${today}` }),
    own: ['unit_manager', 'coordinator', 'staff'], other: [],
    logs: (f) => [f.clientA1, f.clientA2],
  },
  'POST /api/teams/:teamId/absences': {
    call: (f, s) => ({ method: 'POST', url: `/api/teams/${teamOf(f, s)}/absences`, payload: { staffId: s === 'own' ? f.staffA2 : f.staffB1, fromDate: today, toDate: today, reason: 'sick' } }),
    own: ['unit_manager', 'coordinator'], other: [],
  },
  'GET /api/units/:unitId/overview': {
    call: (f, s) => ({ method: 'GET', url: `/api/units/${s === 'own' ? f.unit1 : f.unit2}/overview` }),
    own: ['unit_manager'], other: [],
  },
  'GET /api/clients': {
    call: () => ({ method: 'GET', url: '/api/clients' }),
    own: everyone, other: everyone,
    logs: (f, _s, role) => {
      switch (role) {
        case 'unit_manager': case 'coordinator': case 'staff': return [f.clientA1, f.clientA2];
        case 'substitute': case 'client': case 'relative': return [f.clientA1];
        case 'needs_assessor': case 'finance': return [f.clientA1, f.clientA2, f.clientB1];
        default: return [];
      }
    },
    hidden: teamScoped,
  },
  'GET /api/clients/:clientId': {
    call: (f, s) => ({ method: 'GET', url: `/api/clients/${clientOf(f, s)}` }),
    own: ['unit_manager', 'coordinator', 'staff', 'substitute', 'needs_assessor', 'finance', 'client', 'relative'],
    other: ['needs_assessor', 'finance'],
    logs: (f, s) => [clientOf(f, s)],
  },
  'PATCH /api/clients/:clientId': {
    call: (f, s) => ({ method: 'PATCH', url: `/api/clients/${clientOf(f, s)}`, payload: { phone: '0923-555 00' } }),
    own: ['unit_manager', 'coordinator'], other: [],
  },
  'GET /api/clients/:clientId/visits': {
    call: (f, s) => ({ method: 'GET', url: `/api/clients/${clientOf(f, s)}/visits?from=${today}&to=${today}` }),
    own: ['unit_manager', 'coordinator', 'staff', 'substitute', 'needs_assessor', 'client', 'relative'],
    other: ['needs_assessor'],
    logs: (f, s) => [clientOf(f, s)],
  },
  'GET /api/clients/:clientId/care-plan': {
    call: (f, s) => ({ method: 'GET', url: `/api/clients/${clientOf(f, s)}/care-plan` }),
    own: ['unit_manager', 'coordinator', 'staff', 'substitute', 'needs_assessor', 'client', 'relative'],
    other: ['needs_assessor'],
    logs: (f, s) => [clientOf(f, s)],
  },
  'POST /api/clients/:clientId/care-plan/visits': {
    call: (f, s) => ({
      method: 'POST', url: `/api/clients/${clientOf(f, s)}/care-plan/visits`,
      payload: { title: 'Kvällsbesök', serviceType: 'personal_care', weekdays: [1, 3, 5], windowStart: '19:00', windowEnd: '20:00', durationMin: 20, tasks: [], skills: ['care'], staffCount: 1, videoAllowed: false },
    }),
    own: ['unit_manager', 'coordinator'], other: [],
  },
  'GET /api/clients/:clientId/decisions': {
    call: (f, s) => ({ method: 'GET', url: `/api/clients/${clientOf(f, s)}/decisions` }),
    own: ['unit_manager', 'coordinator', 'needs_assessor', 'client'], other: ['needs_assessor'],
    logs: (f, s) => [clientOf(f, s)],
  },
  'POST /api/clients/:clientId/decisions': {
    call: (f, s) => ({ method: 'POST', url: `/api/clients/${clientOf(f, s)}/decisions`, payload: { decidedAt: today, validFrom: today, validTo: null, services: [{ serviceType: 'service', hoursPerMonth: 4 }] } }),
    own: ['needs_assessor'], other: ['needs_assessor'],
  },
  'GET /api/clients/:clientId/access-log': {
    call: (f, s) => ({ method: 'GET', url: `/api/clients/${clientOf(f, s)}/access-log` }),
    own: ['unit_manager', 'client'], other: [],
    logs: (f, s) => [clientOf(f, s)],
  },
  'GET /api/me/day': {
    call: () => ({ method: 'GET', url: '/api/me/day' }),
    own: ['coordinator', 'staff', 'substitute'], other: ['coordinator', 'staff', 'substitute'],
    logs: (f, _s, role) => (role === 'substitute' ? [f.clientA1] : []),
    hidden: (f) => [f.clientB1],
  },
  'GET /api/me/clients': {
    call: () => ({ method: 'GET', url: '/api/me/clients' }),
    own: ['client', 'relative'], other: ['client', 'relative'],
    logs: (f) => [f.clientA1],
    hidden: (f) => [f.clientB1],
  },
  'GET /api/follow-up/:month': {
    call: () => ({ method: 'GET', url: `/api/follow-up/${month}` }),
    own: ['needs_assessor', 'unit_manager'], other: ['needs_assessor', 'unit_manager'],
    logs: (f, _s, role) => (role === 'unit_manager' ? [f.clientA1, f.clientA2] : [f.clientA1, f.clientA2, f.clientB1]),
    hidden: (f, role) => (role === 'unit_manager' ? [f.clientB1] : []),
  },
  'GET /api/billing/:month': {
    call: () => ({ method: 'GET', url: `/api/billing/${month}` }),
    own: ['finance'], other: ['finance'],
    logs: (f) => [f.clientA1, f.clientA2, f.clientB1],
  },
  'GET /api/admin/users': { call: () => ({ method: 'GET', url: '/api/admin/users' }), own: ['admin'], other: ['admin'] },
  'POST /api/admin/users': {
    call: () => ({ method: 'POST', url: '/api/admin/users', payload: { username: `new.user${++counter}`, password: 'a-long-password', displayName: 'Ny Användare', role: 'finance' } }),
    own: ['admin'], other: ['admin'],
  },
};

describe.each(databaseKinds)('access matrix on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let f: Fixture;
  const sessions = new Map<Role, Session>();
  const userIds = new Map<Role, string>();

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    f = await buildFixture(database.db);
    app = await buildApp({ db: database.db, config: testConfig, now: () => fixedNow }, { serveWeb: false });
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
            expect(res.statusCode, where).toBeGreaterThanOrEqual(200);
            expect(res.statusCode, where).toBeLessThan(300);
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
