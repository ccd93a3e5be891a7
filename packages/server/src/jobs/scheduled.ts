// The jobs that run on a clock rather than on a user's request. Each runs through the job queue
// (jobs/queue.ts), so with PostgreSQL one process takes each firing even when many servers run;
// each must be safe to run twice (idempotent), since a retry or a restart may repeat it.
import type { Config } from '../context.js';
import type { Db } from '../db/connection.js';
import { followUpSettings } from '../services/follow-up-settings.js';
import { localNow } from '../services/local-time.js';
import { detectMissedVisitsOnPublishedDays } from '../services/missed-visit-detection.js';

export interface ScheduledJobContext {
  db: Db;
  config: Config;
  now: () => Date;
}

export interface ScheduledJob {
  /** Queue name. */
  name: string;
  /** Five-field cron in Stockholm time (queue.ts SCHEDULE_TIME_ZONE). */
  cron: string;
  run(context: ScheduledJobContext): Promise<void>;
}

/** Published visits left unmarked past their window and grace become possibly missed on the board, whether or not anyone opens it. */
export const missedVisitDetectionJob: ScheduledJob = {
  name: 'missed-visit-detection',
  cron: '*/5 * * * *',
  async run({ db, config, now }) {
    const at = now();
    await detectMissedVisitsOnPublishedDays(db, localNow(at, config.timeZone), at, async () => followUpSettings.missedVisits);
  },
};

/** Every scheduled job; server.ts startJobs registers them when TILLIT_SCHEDULED_JOBS is true. */
export const scheduledJobs: ScheduledJob[] = [missedVisitDetectionJob];
