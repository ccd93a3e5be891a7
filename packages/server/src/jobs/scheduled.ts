// The jobs that run on a clock rather than on a user's request. Each runs through the job queue
// (jobs/queue.ts), so with PostgreSQL one process takes each firing even when many servers run;
// each must be safe to run twice (idempotent), since a retry or a restart may repeat it.
import type { Config } from '../context.js';
import type { Db } from '../db/connection.js';
import { settingsOfTeam } from '../services/follow-up-settings.js';
import { localNow } from '../services/local-time.js';
import { detectMissedVisitsOnPublishedDays } from '../services/missed-visit-detection.js';
import { localDate } from '../context.js';
import { makeWeeklyLetters } from '../services/stored-weekly-letters.js';
import { nextIsoWeek } from '../services/weekly-letter.js';

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
  /** How long one run may take before pg-boss counts it failed and retries (its default is 15 min). */
  expireInMinutes?: number;
  run(context: ScheduledJobContext): Promise<void>;
}

/** Published visits left unmarked past their window and grace become possibly missed on the board, whether or not anyone opens it. */
export const missedVisitDetectionJob: ScheduledJob = {
  name: 'missed-visit-detection',
  cron: '*/5 * * * *',
  async run({ db, config, now }) {
    const at = now();
    await detectMissedVisitsOnPublishedDays(db, localNow(at, config.timeZone), at, async (teamId) => (await settingsOfTeam(db, teamId)).missedVisits);
  },
};

/**
 * Next week's letter for every client, in the client's language, stored as made. Thursday
 * afternoon leaves Friday to print and post them before Monday; a run after a plan change
 * stores a new version only of the letters that changed.
 */
export const weeklyLettersJob: ScheduledJob = {
  name: 'weekly-letters',
  cron: '0 14 * * 4',
  // About 70 ms a client: a large municipality's run takes far longer than pg-boss's 15 minutes.
  expireInMinutes: 180,
  async run(ctx) {
    await makeWeeklyLetters(ctx, nextIsoWeek(localDate(ctx.now(), ctx.config.timeZone)));
  },
};

/** Every scheduled job; server.ts startJobs registers them when TILLIT_SCHEDULED_JOBS is true. */
export const scheduledJobs: ScheduledJob[] = [missedVisitDetectionJob, weeklyLettersJob];
