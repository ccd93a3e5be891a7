// Test helper: open a fresh, migrated database of either kind. Each call on PostgreSQL creates a
// new database in the throwaway cluster, so test files never see each other's rows.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database, type Db } from '../src/db/connection.js';
import { schema } from '../src/db/schema.js';

export const databaseKinds = ['pglite', 'postgres'] as const;
export type DatabaseKind = (typeof databaseKinds)[number];

/** @returns the URL of a new, empty database in the throwaway cluster */
async function newPostgresDatabase(): Promise<string> {
  const adminUrl = inject('pgUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function openTestDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === 'pglite') return openDatabase({});
  return openDatabase({ url: await newPostgresDatabase() });
}

const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

export interface PartlyMigrated {
  db: Db;
  /** Run the migrations after the last one applied, as a start of the next release would. */
  migrateRest(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A fresh database migrated only up to and including one migration, to prove what a later
 * migration does to rows stored before it.
 * @param kind - PGlite or PostgreSQL
 * @param lastTag - the last migration to apply ("0009_team_planning_weights")
 */
export async function openTestDatabaseUpTo(kind: DatabaseKind, lastTag: string): Promise<PartlyMigrated> {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  if (last < 0) throw new Error(`No migration ${lastTag}`);
  const entries = journal.entries.slice(0, last + 1);
  const partial = mkdtempSync(join(tmpdir(), 'tillit-migrations-'));
  mkdirSync(join(partial, 'meta'));
  writeFileSync(join(partial, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) copyFileSync(join(migrationsFolder, `${e.tag}.sql`), join(partial, `${e.tag}.sql`));
  try {
    if (kind === 'pglite') {
      const client = new PGlite();
      const db = drizzlePglite(client, { schema });
      await migratePglite(db, { migrationsFolder: partial });
      return { db: db as unknown as Db, migrateRest: () => migratePglite(db, { migrationsFolder }), close: () => client.close() };
    }
    const pool = new pg.Pool({ connectionString: await newPostgresDatabase(), max: 2 });
    const db = drizzlePg(pool, { schema });
    await migratePg(db, { migrationsFolder: partial });
    return { db: db as unknown as Db, migrateRest: () => migratePg(db, { migrationsFolder }), close: () => pool.end() };
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}
