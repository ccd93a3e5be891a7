// Health, the OpenAPI document, and logs that carry no personal data.
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, publicRoutes } from '../src/app.js';
import type { Database } from '../src/db/connection.js';
import { createLogger } from '../src/logger.js';
import { testConfig } from './config.js';
import { openTestDatabase } from './databases.js';
import { buildFixture, fixedNow, password, type Fixture } from './fixture.js';
import { as, signIn } from './http.js';

describe('platform', () => {
  let database: Database;
  let app: FastifyInstance;
  let f: Fixture;
  const logLines: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    f = await buildFixture(database.db);
    const sink = new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } });
    app = await buildApp({ db: database.db, config: testConfig, now: () => fixedNow }, { serveWeb: false, logger: createLogger('info', sink) });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('answers /healthz without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI 3 document with every API route and its schemas', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops)) documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    const apiRoutes = app.routeList.filter((r) => r.split(' ')[1]!.startsWith('/api/') && !r.includes('/api/docs') && !r.endsWith('/api/openapi.json'));
    expect(apiRoutes.filter((r) => !documented.has(r))).toEqual([]);
    const patch = doc.paths['/api/clients/{clientId}'].patch;
    expect(patch.requestBody.content['application/json'].schema.properties).toHaveProperty('keyFacts');
    expect(publicRoutes.has('POST /api/auth/login')).toBe(true);
  });

  it('serves browsable API docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('logs requests without names, addresses, cookies or passwords', async () => {
    const staff = await signIn(app, f.usernames.staff, password);
    const res = await as(app, staff)({ method: 'GET', url: `/api/clients/${f.clientA1}` });
    expect(res.body).toContain('Astrid');
    await as(app, staff)({ method: 'GET', url: `/api/clients/${f.clientA1}/visits?from=2026-11-25&to=2026-11-26` });
    const all = logLines.join('');
    expect(all).toContain('/api/clients/:clientId');
    for (const secret of ['Astrid', 'Storgatan', 'Klientsson', password, 'tillit_session', staff.csrfToken, '2026-11-26']) {
      expect(all, `log contains ${secret}`).not.toContain(secret);
    }
  });
});
