// What every route needs, passed in once: the database, the clock and the settings.
import type { Db } from './db/connection.js';
import type { JobQueue } from './jobs/queue.js';
import type { PlanningSettings } from './services/planning-jobs.js';

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string | undefined;
  dataDir: string;
  demoSeed: number;
  /** Send cookies only over HTTPS; on behind a TLS proxy in production. */
  secureCookies: boolean;
  logLevel: string;
  /** The municipality's time zone; "today" for staff and clients is a date there. */
  timeZone: string;
  /** Sign-in attempts allowed per client address and minute, before 429. */
  loginAttemptsPerMinute: number;
  /** Seconds a suggested plan may search, and threads it may use. */
  planningSeconds: number;
  /** Seconds a replan (most of the day already assigned) may search. */
  replanSeconds: number;
  planningThreads: number;
  /** Whether this process takes planning jobs (with PostgreSQL, dedicated workers may take them instead). */
  planningWorker: boolean;
  /** Run the scheduled jobs (jobs/scheduled.ts) in this process. */
  scheduledJobs: boolean;
  /** Minutes a change notification waits to gather more changes of the same batch. */
  notifyHoldMinutes: number;
  /** No messages go out between these local times. */
  quietHours: { start: string; end: string };
}

export interface AppContext {
  db: Db;
  config: Config;
  /** The clock, injectable so tests can pin "today". */
  now: () => Date;
  /** Where planning jobs are sent; absent, suggesting a plan answers 503. */
  jobs?: { queue: JobQueue; settings: PlanningSettings };
}

/** @returns the calendar date (YYYY-MM-DD) of `now` in the municipality's time zone. */
export function localDate(now: Date, timeZone: string): string {
  // sv-SE formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
