// Starting and stopping a whole Tillit server: database, optional demo, HTTP. Used by main.ts
// and by tests that need a real listening server (browser tests, restart tests).
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { generateDemo, todayInStockholm } from '@tillit/demo';
import { buildApp } from './app.js';
import type { Config } from './context.js';
import { openDatabase, type Database } from './db/connection.js';
import { isEmpty, loadDemo, publishDemoDays } from './db/seed.js';
import { InProcessQueue, PgBossQueue, type JobQueue } from './jobs/queue.js';
import { scheduledJobs } from './jobs/scheduled.js';
import { planningQueue, runPlanningJob } from './services/planning-jobs.js';
import { channelsFromEnv } from './adapters/channels.js';
import { runSender } from './services/outbox-sender.js';

export interface StartOptions {
  config: Config;
  /** Load the demo municipality when the database is empty. */
  demo?: boolean;
  /** Publish the demo's first week for every team (the interactive demo does; tests choose). */
  publishDemoWeek?: boolean;
  /** Demo size in clients (default: the generator's Kalix-like ~110). */
  demoClients?: number;
  /** The clock; tests pin it. */
  now?: () => Date;
  logger?: Logger | false;
}

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  demoLoaded: boolean;
  stop(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const now = options.now ?? (() => new Date());
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  let demoLoaded = false;
  try {
    // Only an empty database gets the demo, so a restart keeps what users changed.
    if (options.demo && (await isEmpty(database.db))) {
      const demo = generateDemo({
        seed: config.demoSeed,
        today: todayInStockholm(now()),
        ...(options.demoClients ? { clients: options.demoClients } : {}),
      });
      await loadDemo(database.db, demo);
      if (options.publishDemoWeek) await publishDemoDays(database.db, demo, 7, now());
      demoLoaded = true;
    }
    const queue = await startJobs(database, config, now);
    // The outbox sender runs in the server too; with PostgreSQL more senders may run beside it.
    const senderStop = new AbortController();
    const channels = channelsFromEnv(process.env);
    const sender = Object.keys(channels).length > 0 ? runSender(database.db, channels, { intervalMs: 2000, signal: senderStop.signal }) : Promise.resolve();
    const app = await buildApp({ db: database.db, config, now, jobs: { queue, settings: planningSettings(config) } }, { logger: options.logger ?? false });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
    return {
      app, database, url: `http://${host}:${port}/`, demoLoaded,
      async stop() {
        senderStop.abort();
        await app.close();
        await sender;
        await queue.stop();
        await database.close();
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}

export function planningSettings(config: Config) {
  return { timeLimitMs: Math.round(config.planningSeconds * 1000), replanTimeLimitMs: Math.round(config.replanSeconds * 1000), threads: config.planningThreads };
}

/** The job queue: pg-boss on PostgreSQL, in-process on the embedded database. */
export async function startJobs(database: Database, config: Config, now: () => Date = () => new Date()): Promise<JobQueue> {
  const queue: JobQueue = database.kind === 'postgres' && database.url ? new PgBossQueue(database.url) : new InProcessQueue();
  await queue.start();
  if (config.planningWorker) {
    const settings = planningSettings(config);
    await queue.work(planningQueue, (data) => runPlanningJob(database.db, String(data.jobId), settings));
  }
  if (config.scheduledJobs) {
    for (const job of scheduledJobs) {
      await queue.work(job.name, () => job.run({ db: database.db, config, now }));
      await queue.schedule(job.name, job.cron, {}, { expireInMinutes: job.expireInMinutes });
    }
  }
  return queue;
}
