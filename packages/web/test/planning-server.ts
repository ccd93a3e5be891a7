// The real server for browser tests that need planning jobs and change notifications: the demo
// on an in-memory database with the in-process queue, a short search and a pinned clock, plus an
// HTTP client for set-up and measurements outside the browser.
import { expect } from 'vitest';
import { generateDemo, type DemoMunicipality } from '@tillit/demo';
import { loadConfig, startServer, type RunningServer } from '@tillit/server';
import { demoToday } from './demo-server.js';

export interface PlanningServer {
  server: RunningServer;
  /** The server's address without a trailing slash. */
  base: string;
  demo: DemoMunicipality;
}

/**
 * @param now - the server's clock (tests may move it)
 * @param planningSeconds - how long "suggest a plan" searches
 */
export async function startPlanningServer(now: () => Date, planningSeconds = '2'): Promise<PlanningServer> {
  const config = {
    ...loadConfig({ TILLIT_TIME_ZONE: 'Europe/Stockholm', LOG_LEVEL: 'silent', TILLIT_LOGIN_ATTEMPTS_PER_MINUTE: '10000', TILLIT_PLANNING_SECONDS: planningSeconds, PORT: '0' }),
    // An empty data folder means an in-memory database.
    dataDir: '',
  };
  const server = await startServer({ config, demo: true, now });
  return { server, base: server.url.replace(/\/$/, ''), demo: generateDemo({ seed: config.demoSeed, today: demoToday }) };
}

export type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

/** Sign in over HTTP (no browser) and @returns a caller that sends the session and CSRF token. */
export async function apiAs(base: string, username: string): Promise<Call> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'tillit' }) });
  expect(r.status).toBe(200);
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  };
}

/**
 * Suggest a plan for a team's day through the API, wait for the job and use its suggestion.
 * @param day - `/api/teams/:teamId/days/:date`
 * @returns milliseconds from the request to the finished suggestion
 */
export async function suggestAndApply(call: Call, day: string): Promise<number> {
  const started = Date.now();
  const job = await call('POST', `${day}/planning-jobs`);
  expect(job.status).toBe(202);
  let status = '';
  while (Date.now() - started < 30_000) {
    status = (await call('GET', `/api/planning-jobs/${job.body.jobId}`)).body.status;
    if (status === 'done' || status === 'failed' || status === 'cancelled') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const ms = Date.now() - started;
  expect(status).toBe('done');
  const { version } = (await call('GET', `${day}/plan`)).body;
  expect((await call('POST', `/api/planning-jobs/${job.body.jobId}/apply`, { version })).status).toBe(200);
  return ms;
}
