#!/usr/bin/env node
// Starts Tillit: opens the database (PostgreSQL or embedded PGlite), loads the demo municipality
// into an empty database when asked, and serves the API and the web app.
import { parseArgs } from 'node:util';
import { generateDemo, todayInStockholm } from '@tillit/demo';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/connection.js';
import { isEmpty, loadDemo } from './db/seed.js';
import { createLogger } from './logger.js';

const help = `Usage: node packages/server/dist/main.js [--demo] [--clients N] [--help]

Starts the Tillit server.

  --demo        load the demo municipality (Kalix-like, seed TILLIT_DEMO_SEED) if the
                database is empty, and print the demo logins
  --clients N   with --demo: size of the demo (default about 110 clients; e.g. 20000)
  --help        show this text

Environment: PORT (3000), HOST (127.0.0.1), DATABASE_URL (postgres://…; absent: embedded
PGlite in TILLIT_DATA_DIR, default ./.tillit-data), TILLIT_DEMO_SEED (1),
TILLIT_SECURE_COOKIES (false; true behind HTTPS), TILLIT_TIME_ZONE (Europe/Stockholm), LOG_LEVEL (info).`;

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({ options: { demo: { type: 'boolean' }, clients: { type: 'string' }, help: { type: 'boolean' } } }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${help}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(help);
    return;
  }
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const started = Date.now();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  let demoLoaded = false;
  if (args.demo && (await isEmpty(database.db))) {
    const clients = args.clients === undefined ? undefined : Number(args.clients);
    if (clients !== undefined && (!Number.isInteger(clients) || clients < 1)) {
      console.error('--clients must be a positive whole number');
      process.exit(2);
    }
    const demo = generateDemo({ seed: config.demoSeed, today: todayInStockholm(new Date()), ...(clients ? { clients } : {}) });
    await loadDemo(database.db, demo);
    demoLoaded = true;
  }
  const app = await buildApp({ db: database.db, config, now: () => new Date() }, { logger });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`;
  const where = database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
  console.log(`\nTillit is running at ${url}  (database: ${where}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`API docs: ${url}api/docs`);
  if (args.demo) {
    console.log(demoLoaded ? 'Demo municipality loaded (Kalix kommun).' : 'Database already has data; kept it as it was.');
    console.log(`
Demo logins (password "tillit" for all):
  samordnare   coordinator, team 1 (morning board)   personal     staff in team 1 (my day)
  chef         unit manager                          vikarie      substitute (today's visits only)
  handlaggare  needs assessor (follow-up)            ekonomi      finance (billing)
  brukare      client (my visits)                    anhorig      relative with consent
  admin        administrator (accounts)
Stop with Ctrl+C.`);
  }
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
