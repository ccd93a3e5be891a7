// Scheduled jobs on both queue engines: the in-process queue fires its cron in this process;
// pg-boss keeps the schedule in the database (Stockholm time) so that many processes send it once.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessQueue, PgBossQueue, SCHEDULE_TIME_ZONE } from '../src/jobs/queue.js';
import type { Database } from '../src/db/connection.js';
import { openTestDatabase } from './databases.js';

describe('scheduled jobs', () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const s of stops.splice(0).reverse()) await s();
  });

  it('the in-process queue sends a scheduled job to its worker with the given data', async () => {
    const queue = new InProcessQueue();
    stops.push(() => queue.stop());
    await queue.start();
    const seen: Record<string, unknown>[] = [];
    await queue.work('tick', async (data) => {
      seen.push(data);
    });
    // Croner accepts a seconds field; every second keeps the test short.
    await queue.schedule('tick', '* * * * * *', { kind: 'test' });
    await expect.poll(() => seen.length, { timeout: 4000, interval: 100 }).toBeGreaterThan(0);
    expect(seen[0]).toEqual({ kind: 'test' });
  });

  it('stopping the in-process queue stops its schedules', async () => {
    const queue = new InProcessQueue();
    await queue.start();
    let count = 0;
    await queue.work('tick', async () => {
      count++;
    });
    await queue.schedule('tick', '* * * * * *');
    await queue.stop();
    const before = count;
    await new Promise((r) => setTimeout(r, 1500));
    expect(count).toBe(before);
  });

  it('pg-boss stores the schedule in PostgreSQL in Stockholm time', async () => {
    const database: Database = await openTestDatabase('postgres');
    stops.push(() => database.close());
    const queue = new PgBossQueue(database.url as string);
    await queue.start();
    stops.push(() => queue.stop());
    await queue.schedule('weekly-test', '0 14 * * 5', { kind: 'letters' }, { expireInMinutes: 180 });
    // A second process scheduling the same job replaces the row instead of adding one.
    await queue.schedule('weekly-test', '0 14 * * 5', { kind: 'letters' }, { expireInMinutes: 180 });
    const client = new pg.Client({ connectionString: database.url as string });
    await client.connect();
    try {
      const r = await client.query('select name, cron, timezone, data, options from pgboss.schedule');
      expect(r.rows).toEqual([{ name: 'weekly-test', cron: '0 14 * * 5', timezone: SCHEDULE_TIME_ZONE, data: { kind: 'letters' }, options: expect.objectContaining({ expireInMinutes: 180 }) }]);
    } finally {
      await client.end();
    }
  });
});
