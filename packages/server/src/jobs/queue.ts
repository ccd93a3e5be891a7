// One job interface with two engines: pg-boss on PostgreSQL, so any number of worker processes
// on any number of machines can take jobs; an in-process queue on the embedded database, which
// has one connection and one process (docs/decisions/0007-planning-jobs.md).
import { Cron } from 'croner';
import PgBoss from 'pg-boss';

/** Scheduled jobs run in the municipality's local time, so "Friday 14:00" stays 14:00 across DST. */
export const SCHEDULE_TIME_ZONE = 'Europe/Stockholm';

export interface JobQueue {
  readonly kind: 'pg-boss' | 'in-process';
  start(): Promise<void>;
  /** Queue a job; the handler of `name` runs it in some worker process. */
  send(name: string, data: Record<string, unknown>): Promise<void>;
  /** Take jobs of `name` in this process. */
  work(name: string, handler: (data: Record<string, unknown>) => Promise<void>): Promise<void>;
  /**
   * Send a job of `name` on a cron schedule (five fields, Stockholm time). With pg-boss the
   * schedule lives in the database, so several server processes send it once, not once each.
   */
  schedule(name: string, cron: string, data?: Record<string, unknown>, options?: { expireInMinutes?: number | undefined }): Promise<void>;
  stop(): Promise<void>;
}

/** Runs jobs in this process, one at a time per name, in the order sent. */
export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process';
  private readonly handlers = new Map<string, (data: Record<string, unknown>) => Promise<void>>();
  private readonly pending = new Map<string, Record<string, unknown>[]>();
  private readonly running = new Set<string>();
  private readonly crons: Cron[] = [];
  private stopped = false;
  private idle: Promise<void> = Promise.resolve();

  async start(): Promise<void> {}

  async schedule(name: string, cron: string, data: Record<string, unknown> = {}): Promise<void> {
    this.crons.push(new Cron(cron, { timezone: SCHEDULE_TIME_ZONE, protect: true }, () => void this.send(name, { ...data })));
  }

  async send(name: string, data: Record<string, unknown>): Promise<void> {
    const list = this.pending.get(name) ?? [];
    list.push(data);
    this.pending.set(name, list);
    this.drain(name);
  }

  async work(name: string, handler: (data: Record<string, unknown>) => Promise<void>): Promise<void> {
    this.handlers.set(name, handler);
    this.drain(name);
  }

  private drain(name: string): void {
    const handler = this.handlers.get(name);
    if (!handler || this.running.has(name) || this.stopped) return;
    const next = this.pending.get(name)?.shift();
    if (!next) return;
    this.running.add(name);
    this.idle = (async () => {
      try {
        await handler(next);
      } catch {
        // The handler records its own failure on the job; the queue goes on.
      } finally {
        this.running.delete(name);
        queueMicrotask(() => this.drain(name));
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const c of this.crons) c.stop();
    await this.idle;
  }
}

/** pg-boss on the production database. */
export class PgBossQueue implements JobQueue {
  readonly kind = 'pg-boss';
  private readonly boss: PgBoss;
  private readonly created = new Set<string>();

  constructor(connectionString: string) {
    this.boss = new PgBoss({ connectionString, schema: 'pgboss' });
    this.boss.on('error', () => {
      // pg-boss reports maintenance hiccups here; jobs keep their own status rows.
    });
  }

  async start(): Promise<void> {
    await this.boss.start();
  }

  private async ensure(name: string): Promise<void> {
    if (this.created.has(name)) return;
    if (!(await this.boss.getQueue(name))) {
      try {
        await this.boss.createQueue(name);
      } catch (e) {
        // Another process created it at the same moment.
        if (!(await this.boss.getQueue(name))) throw e;
      }
    }
    this.created.add(name);
  }

  async send(name: string, data: Record<string, unknown>): Promise<void> {
    await this.ensure(name);
    await this.boss.send(name, data, { retryLimit: 0 });
  }

  async work(name: string, handler: (data: Record<string, unknown>) => Promise<void>): Promise<void> {
    await this.ensure(name);
    await this.boss.work(name, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      for (const job of jobs) await handler(job.data as Record<string, unknown>);
    });
  }

  async schedule(name: string, cron: string, data: Record<string, unknown> = {}, options: { expireInMinutes?: number | undefined } = {}): Promise<void> {
    await this.ensure(name);
    await this.boss.schedule(name, cron, data, {
      tz: SCHEDULE_TIME_ZONE, retryLimit: 2,
      ...(options.expireInMinutes ? { expireInMinutes: options.expireInMinutes } : {}),
    });
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true });
  }
}
