// Settings from environment variables, checked once at start (README "Configuration").
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Config } from './context.js';

const env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' }).optional(),
  TILLIT_DATA_DIR: z.string().default('./.tillit-data'),
  TILLIT_DEMO_SEED: z.coerce.number().int().min(0).default(1),
  TILLIT_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  TILLIT_TIME_ZONE: z.string().default('Europe/Stockholm'),
  TILLIT_LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  TILLIT_PLANNING_SECONDS: z.coerce.number().min(0.2).max(300).default(5),
  TILLIT_REPLAN_SECONDS: z.coerce.number().min(0.2).max(60).default(0.8),
  TILLIT_PLANNING_THREADS: z.coerce.number().int().min(1).max(8).default(1),
  TILLIT_PLANNING_WORKER: z.enum(['true', 'false']).default('true'),
  TILLIT_SCHEDULED_JOBS: z.enum(['true', 'false']).default('true'),
  TILLIT_NOTIFY_HOLD_MINUTES: z.coerce.number().min(0).max(120).default(5),
  TILLIT_QUIET_HOURS: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be HH:MM-HH:MM, e.g. 21:00-08:00' }).default('21:00-08:00'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** @returns the configuration, or throws naming each bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv): Config {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT, host: e.HOST, databaseUrl: e.DATABASE_URL, dataDir: resolve(e.TILLIT_DATA_DIR),
    demoSeed: e.TILLIT_DEMO_SEED, secureCookies: e.TILLIT_SECURE_COOKIES === 'true', logLevel: e.LOG_LEVEL,
    timeZone: e.TILLIT_TIME_ZONE, loginAttemptsPerMinute: e.TILLIT_LOGIN_ATTEMPTS_PER_MINUTE,
    planningSeconds: e.TILLIT_PLANNING_SECONDS, replanSeconds: e.TILLIT_REPLAN_SECONDS, planningThreads: e.TILLIT_PLANNING_THREADS,
    planningWorker: e.TILLIT_PLANNING_WORKER === 'true',
    scheduledJobs: e.TILLIT_SCHEDULED_JOBS === 'true',
    notifyHoldMinutes: e.TILLIT_NOTIFY_HOLD_MINUTES,
    quietHours: { start: e.TILLIT_QUIET_HOURS.slice(0, 5), end: e.TILLIT_QUIET_HOURS.slice(6) },
  };
}
