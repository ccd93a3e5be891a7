import type { Config } from '../src/context.js';

export const testConfig: Config = {
  port: 0, host: '127.0.0.1', databaseUrl: undefined, dataDir: '/nonexistent', demoSeed: 1,
  secureCookies: false, logLevel: 'silent', timeZone: 'Europe/Stockholm', loginAttemptsPerMinute: 10_000,
  planningSeconds: 1, replanSeconds: 0.8, planningThreads: 1, planningWorker: true, scheduledJobs: false,
  notifyHoldMinutes: 0, quietHours: { start: '21:00', end: '08:00' },
};
