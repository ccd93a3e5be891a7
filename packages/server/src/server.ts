// Starting and stopping a whole Tillit server: database, optional demo, HTTP. Used by main.ts
// and by tests that need a real listening server (browser tests, restart tests).
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { generateDemo, todayInStockholm } from '@tillit/demo';
import { buildApp } from './app.js';
import type { Config } from './context.js';
import { openDatabase, type Database } from './db/connection.js';
import { isEmpty, loadDemo } from './db/seed.js';

export interface StartOptions {
  config: Config;
  /** Load the demo municipality when the database is empty. */
  demo?: boolean;
  /** Demo size in clients (default: the generator's Kalix-like ~110). */
  demoClients?: number;
  /** The clock; tests pin it. */
  now?: () => Date;
  logger?: Logger | false;
}

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  demoLoaded: boolean;
  stop(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const now = options.now ?? (() => new Date());
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  let demoLoaded = false;
  try {
    // Only an empty database gets the demo, so a restart keeps what users changed.
    if (options.demo && (await isEmpty(database.db))) {
      const demo = generateDemo({
        seed: config.demoSeed,
        today: todayInStockholm(now()),
        ...(options.demoClients ? { clients: options.demoClients } : {}),
      });
      await loadDemo(database.db, demo);
      demoLoaded = true;
    }
    const app = await buildApp({ db: database.db, config, now }, { logger: options.logger ?? false });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
    return {
      app, database, url: `http://${host}:${port}/`, demoLoaded,
      async stop() {
        await app.close();
        await database.close();
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}
