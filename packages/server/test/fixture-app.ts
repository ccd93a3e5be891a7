// Test helper: a fresh database of one kind with the hand-made fixture and the app on it, started
// before a file's tests and closed after them.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../src/app.js';
import type { Database } from '../src/db/connection.js';
import { testConfig } from './config.js';
import { openTestDatabase, type DatabaseKind } from './databases.js';
import { buildFixture, fixedNow, type Fixture } from './fixture.js';

export function withFixtureApp(kind: DatabaseKind, ready: (database: Database, app: FastifyInstance, f: Fixture) => void): void {
  let database: Database | undefined;
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const f = await buildFixture(database.db);
    app = await buildApp({ db: database.db, config: testConfig, now: () => fixedNow }, { serveWeb: false });
    ready(database, app, f);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });
}
