// The first README command's path: an embedded database in a data folder, the demo loaded once,
// and a restart that keeps what users changed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { clients, dayPlans, municipalities, users, visits } from '../src/db/schema.js';
import { startServer } from '../src/server.js';
import { testConfig } from './config.js';

describe('starting with the demo on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tillit-data-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const now = () => new Date('2026-11-25T08:00:00Z');
  const config = { ...testConfig, dataDir, port: 0 };

  it('loads the demo into an empty database, and a restart keeps a change instead of reloading', async () => {
    const first = await startServer({ config, demo: true, now, publishDemoWeek: true });
    expect(first.demoLoaded).toBe(true);
    expect(first.database.kind).toBe('pglite');
    const health = await fetch(`${first.url}healthz`);
    expect(health.status).toBe(200);
    const one = (await first.database.db.select().from(clients).limit(1))[0]!;
    await first.database.db.update(clients).set({ phone: '070-000 00 01' }).where(eq(clients.id, one.id));
    const count = async (db: typeof first.database.db) => ({
      municipalities: Number((await db.select({ n: sql<number>`count(*)::int` }).from(municipalities))[0]!.n),
      clients: Number((await db.select({ n: sql<number>`count(*)::int` }).from(clients))[0]!.n),
      visits: Number((await db.select({ n: sql<number>`count(*)::int` }).from(visits))[0]!.n),
    });
    const before = await count(first.database.db);
    expect(before.clients).toBeGreaterThanOrEqual(100);
    expect(before.clients).toBeLessThanOrEqual(120);
    await first.stop();

    const second = await startServer({ config, demo: true, now });
    expect(second.demoLoaded).toBe(false);
    expect(await count(second.database.db)).toEqual(before);
    const again = (await second.database.db.select().from(clients).where(eq(clients.id, one.id)))[0]!;
    expect(again.phone).toBe('070-000 00 01');
    // The first week is published for every team, and clients start in their own language.
    const published = await second.database.db.select().from(dayPlans);
    expect(published.filter((d) => d.publishedAt !== null).length).toBe(9 * 7);
    const fi = (await second.database.db.select().from(users).where(eq(users.username, 'brukare.fi')))[0]!;
    expect(fi.locale).toBe('fi');
    const demoUsers = await second.database.db.select({ username: users.username }).from(users);
    expect(demoUsers.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'chef', 'samordnare', 'personal', 'vikarie', 'handlaggare', 'ekonomi', 'brukare', 'anhorig']));
    await second.stop();
  }, 180_000);
});
