// The day plan of record: one version number per team and day for optimistic concurrency, and a
// change log. Two coordinators editing the same day never overwrite each other silently: a write
// names the version it started from and is refused (409) when someone else got there first.
import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '@tillit/domain';
import type { Db } from '../db/connection.js';
import { dayPlans, planChanges } from '../db/schema.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export async function ensureDayPlan(db: Db | Tx, teamId: string, date: string): Promise<typeof dayPlans.$inferSelect> {
  await db.insert(dayPlans).values({ teamId, date }).onConflictDoNothing();
  return (await db.select().from(dayPlans).where(and(eq(dayPlans.teamId, teamId), eq(dayPlans.date, date))))[0]!;
}

/**
 * Move the day from `expected` to the next version. @returns the new version
 * @throws DomainError conflict when the day changed since `expected`
 */
export async function bumpVersion(tx: Tx, teamId: string, date: string, expected: number, userId: string, now: Date): Promise<{ version: number; published: boolean }> {
  await tx.insert(dayPlans).values({ teamId, date }).onConflictDoNothing();
  const rows = await tx.update(dayPlans)
    .set({ version: sql`${dayPlans.version} + 1`, updatedAt: now, updatedBy: userId })
    .where(and(eq(dayPlans.teamId, teamId), eq(dayPlans.date, date), eq(dayPlans.version, expected)))
    .returning({ version: dayPlans.version, publishedAt: dayPlans.publishedAt });
  const row = rows[0];
  if (!row) {
    const current = (await tx.select({ version: dayPlans.version }).from(dayPlans).where(and(eq(dayPlans.teamId, teamId), eq(dayPlans.date, date))))[0];
    throw new DomainError('conflict', `Someone else changed this day meanwhile (now version ${current?.version ?? '?'}, you had ${expected}). Reload to see their change, then make yours again.`, '/body/version');
  }
  return { version: row.version, published: row.publishedAt !== null };
}

export interface ChangeRecord {
  teamId: string;
  date: string;
  visitId: string | null;
  kind: 'assign' | 'lock' | 'unlock' | 'suggestion-applied' | 'undo' | 'publish' | 'swap' | 'record';
  before: unknown;
  after: unknown;
  afterPublish: boolean;
  changedBy: string;
}

export async function recordChange(tx: Tx, change: ChangeRecord): Promise<void> {
  await tx.insert(planChanges).values({ ...change, before: change.before as never, after: change.after as never });
}
