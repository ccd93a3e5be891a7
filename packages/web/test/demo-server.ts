// Starts the real Tillit server in this process for the browser tests: an in-memory PGlite with
// the demo municipality (seed 1) on a fixed "today", the built web app, on a free port.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { generateDemo, type DemoMunicipality } from '@tillit/demo';
import { buildApp, loadConfig, loadDemo, openDatabase, type Config } from '@tillit/server';

/** The demo's today, and 09:30 in Stockholm on it: mid-morning, visits under way. */
export const demoToday = '2026-11-25';
export const fixedNow = new Date('2026-11-25T08:30:00Z');

export const webDist = fileURLToPath(new URL('../dist', import.meta.url));

export interface DemoServer {
  url: string;
  demo: DemoMunicipality;
  close(): Promise<void>;
}

// The server's own defaults for everything else, so new settings need no change here.
const config: Config = loadConfig({
  TILLIT_TIME_ZONE: 'Europe/Stockholm',
  LOG_LEVEL: 'silent',
  TILLIT_LOGIN_ATTEMPTS_PER_MINUTE: '10000',
});

export async function startDemoServer(): Promise<DemoServer> {
  if (!existsSync(`${webDist}/index.html`)) {
    throw new Error(`The web app is not built: ${webDist}/index.html is missing. Run "npm run build -w @tillit/web" (or "npm test", which builds first).`);
  }
  const demo = generateDemo({ seed: 1, today: demoToday });
  const database = await openDatabase({});
  await loadDemo(database.db, demo);
  const ctx = { db: database.db, config, now: () => fixedNow };
  const app = await buildApp(ctx, { logger: false, serveWeb: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    demo,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
