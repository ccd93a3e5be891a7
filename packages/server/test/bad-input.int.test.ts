// Bad input on every write endpoint: wrong types, missing fields, unknown fields, huge strings,
// unknown ids. Each gets a 4xx application/problem+json naming the field, and nothing stored changes.
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { WriteEndpoint } from './bad-input/types.js';
import type { Database } from '../src/db/connection.js';
import { databaseKinds } from './databases.js';
import { withFixtureApp } from './fixture-app.js';
import { password, type Fixture } from './fixture.js';
import { as, signIn } from './http.js';
import { snapshot } from './snapshot.js';

/** Every file in ./bad-input/ contributes write endpoints and their bad cases. */
const modules = import.meta.glob<{ writeEndpoints: Record<string, WriteEndpoint> }>('./bad-input/*.ts', { eager: true });
const writeEndpoints: Record<string, WriteEndpoint> = Object.assign({}, ...Object.values(modules).map((m) => m.writeEndpoints ?? {}));
const coordinatorPatch = (f: Fixture) => `/api/clients/${f.clientA1}`;
const planVisitUrl = (f: Fixture) => `/api/clients/${f.clientA1}/care-plan/visits`;
const goodVisit = { title: 'Kvällsbesök', serviceType: 'personal_care', weekdays: [1], windowStart: '19:00', windowEnd: '20:00', durationMin: 20, tasks: [], skills: ['care'], staffCount: 1, videoAllowed: false };

describe.each(databaseKinds)('bad input on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let f: Fixture;

  withFixtureApp(kind, (d, a, fixture) => {
    [database, app, f] = [d, a, fixture];
  });

  it('covers every write endpoint', () => {
    const writes = app.routeList.filter((r) => /^(POST|PUT|PATCH|DELETE) \/api\//.test(r));
    expect(writes.filter((w) => !(w in writeEndpoints))).toEqual([]);
  });

  for (const [key, endpoint] of Object.entries(writeEndpoints)) {
    for (const c of endpoint.cases) {
      it(`${key}: ${c.name} gets a 4xx naming the field and changes nothing`, async () => {
        const session = await signIn(app, f.usernames[endpoint.role], password);
        const before = await snapshot(database.db);
        const payload = c.payload === undefined ? undefined : JSON.parse(JSON.stringify(c.payload).replaceAll('STAFF_A2', f.staffA2));
        const res = await as(app, session)({ method: endpoint.method, url: c.url(f), payload });
        expect(res.statusCode, res.body.slice(0, 300)).toBe(c.status ?? 400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        const body = res.json();
        expect(body.status).toBe(res.statusCode);
        expect(body.detail).toEqual(expect.any(String));
        expect(body.instance).toMatch(/^urn:tillit:request:/);
        if (c.pointer) expect(body.errors.map((e: { pointer: string }) => e.pointer)).toContain(c.pointer);
        expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|SELECT|INSERT/);
        expect(await snapshot(database.db)).toEqual(before);
      });
    }
  }

  it('reports every problem of a request at once, not only the first', async () => {
    const session = await signIn(app, f.usernames.coordinator, password);
    const res = await as(app, session)({ method: 'POST', url: planVisitUrl(f), payload: { ...goodVisit, windowStart: '99:99', durationMin: -5, skills: ['nope'] } });
    expect(res.statusCode).toBe(400);
    const pointers = res.json().errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/body/windowStart', '/body/durationMin', '/body/skills/0']));
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const session = await signIn(app, f.usernames.coordinator, password);
    const res = await app.inject({
      method: 'PATCH', url: coordinatorPatch(f), payload: '{"phone": ', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('answers a bad date in a path or query with 400 naming it', async () => {
    const session = await signIn(app, f.usernames.coordinator, password);
    const day = await as(app, session)({ method: 'GET', url: `/api/teams/${f.teamA}/days/2026-13-01` });
    expect(day.statusCode).toBe(400);
    expect(day.json().errors[0].pointer).toBe('/params/date');
    const range = await as(app, session)({ method: 'GET', url: `/api/clients/${f.clientA1}/visits?from=2026-11-25&to=2027-11-25` });
    expect(range.statusCode).toBe(400);
    expect(range.json().errors[0].pointer).toBe('/querystring/to');
  });
});
