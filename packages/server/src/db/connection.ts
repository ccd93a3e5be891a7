// One query layer for both databases: PostgreSQL when DATABASE_URL is set, otherwise an embedded
// PGlite (PostgreSQL compiled to WebAssembly) persisted in a data folder. The same migrations
// serve both (docs/decisions/0002-drizzle-on-pglite-and-postgres.md).
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { schema } from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** The PostgreSQL URL, for components with their own connections (the job queue). */
  url?: string;
  close(): Promise<void>;
}

/** packages/server/drizzle, from both src/db and dist/db. */
const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Open the database and bring its schema up to date.
 * @param options.url - a postgres:// URL; absent means embedded PGlite
 * @param options.dataDir - PGlite's folder; absent (with no url) means in memory
 */
export async function openDatabase(options: { url?: string | undefined; dataDir?: string | undefined }): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    await migratePg(db as never, { migrationsFolder });
    return { db, kind: 'postgres', url: options.url, close: () => pool.end() };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  return { db, kind: 'pglite', close: () => client.close() };
}
