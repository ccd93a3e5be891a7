#!/usr/bin/env node
// The outbox sender process: delivers change notifications by SMS and e-mail with retries.
// Run one or more beside the server (with PostgreSQL); the server also runs one in-process.
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { openDatabase } from './db/connection.js';
import { channelsFromEnv } from './adapters/channels.js';
import { runSender } from './services/outbox-sender.js';

const help = `Usage: node packages/server/dist/sender.js [--interval-ms N]

Delivers queued notifications (SMS, e-mail). Settings from the environment: DATABASE_URL (or the
embedded database in TILLIT_DATA_DIR when no server runs on it), TILLIT_SMS_URL, TILLIT_SMS_KEY,
TILLIT_SMS_FROM, TILLIT_SMTP_URL, TILLIT_MAIL_FROM, TILLIT_MAIL_DOMAIN, TILLIT_SMTP_IGNORE_TLS.`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'interval-ms': { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(help);
    return;
  }
  const interval = Number(values['interval-ms'] ?? 2000);
  if (!Number.isFinite(interval) || interval < 50) {
    console.error('--interval-ms must be a number of milliseconds, at least 50');
    process.exit(2);
  }
  const config = loadConfig(process.env);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  const controller = new AbortController();
  process.on('SIGTERM', () => controller.abort());
  process.on('SIGINT', () => controller.abort());
  console.log('sender running');
  await runSender(database.db, channelsFromEnv(process.env), { intervalMs: interval, signal: controller.signal });
  await database.close();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
