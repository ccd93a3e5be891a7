#!/usr/bin/env node
// The command line: starts Tillit and, with --demo, loads the demo municipality first.
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

const help = `Usage: node packages/server/dist/main.js [--demo] [--scale CLIENTS] [--help]

Starts the Tillit server: the API under /api/ (docs at /api/docs) and the web app.

  --demo            load the demo municipality (Kalix-like, seed TILLIT_DEMO_SEED) if the
                    database is empty, and print the demo logins; a database with data is kept
  --scale CLIENTS   with --demo: generate a larger municipality, e.g. --scale 20000
                    (teams and units grow with it); default about 110 clients
  --help            show this text

Environment:
  PORT                      port to listen on (default 3000)
  HOST                      address to listen on (default 127.0.0.1; 0.0.0.0 for all)
  DATABASE_URL              postgres://user:pass@host:5432/db for PostgreSQL; absent: embedded PGlite
  TILLIT_DATA_DIR           folder of the embedded database (default ./.tillit-data)
  TILLIT_DEMO_SEED          seed of the demo municipality (default 1)
  TILLIT_SECURE_COOKIES     true when served over HTTPS (default false)
  TILLIT_TIME_ZONE          the municipality's time zone (default Europe/Stockholm)
  TILLIT_LOGIN_ATTEMPTS_PER_MINUTE  sign-in attempts per address and minute (default 20)
  TILLIT_PLANNING_SECONDS   search time of a suggested plan (default 5)
  TILLIT_REPLAN_SECONDS     search time of a replan when most of the day is assigned (default 0.8)
  TILLIT_PLANNING_THREADS   search threads per planning job (default 1)
  TILLIT_PLANNING_WORKER    false: this process does not take planning jobs (default true)
  LOG_LEVEL                 fatal, error, warn, info (default), debug, trace or silent`;

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({ options: { demo: { type: 'boolean' }, scale: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${help}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(help);
    return;
  }
  const scale = args.scale === undefined ? undefined : Number(args.scale);
  if (scale !== undefined && (!Number.isInteger(scale) || scale < 10 || scale > 100_000)) {
    console.error('--scale must be a whole number of clients from 10 to 100000');
    process.exit(2);
  }
  const config = loadConfig(process.env);
  const started = Date.now();
  const server = await startServer({
    config, demo: args.demo ?? false, publishDemoWeek: true, ...(scale ? { demoClients: scale } : {}), logger: createLogger(config.logLevel),
  });
  const where = server.database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
  console.log(`\nTillit is running at ${server.url}  (database: ${where}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`API docs: ${server.url}api/docs`);
  if (args.demo) {
    console.log(server.demoLoaded ? 'Demo municipality loaded: Kalix kommun.' : 'The database already has data; it was kept as it was.');
    console.log(`
Demo logins (password "tillit" for all):
  samordnare   coordinator of team 1        personal     staff member in team 1
  chef         unit manager                 vikarie      substitute (today's visits only)
  handlaggare  needs assessor               ekonomi      finance
  brukare      client                       anhorig      relative with the client's consent
  admin        administrator (accounts)
Stop with Ctrl+C.`);
  }
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
