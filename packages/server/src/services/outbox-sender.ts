// Delivers the outbox: claims due messages with a lease (so a sender that dies mid-send leaves
// them to be claimed again), sends each through its channel, and records sent, retry or failure.
// Providers drop duplicates by the message id, so a message re-sent after a crash arrives once.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { outbox } from '../db/schema-client-comms.js';
import { DeliveryError, type Channel } from '../adapters/delivery.js';

export interface SenderSettings {
  /** How long a claimed message is reserved for this sender. */
  leaseMs: number;
  /** Attempts before a message is marked failed. */
  maxAttempts: number;
  /** First retry delay; it doubles per attempt, capped at an hour. */
  backoffBaseMs: number;
  batchSize: number;
}

export const defaultSenderSettings: SenderSettings = { leaseMs: 60_000, maxAttempts: 8, backoffBaseMs: 30_000, batchSize: 20 };

/** @returns the delay before attempt `attempts + 1` (exponential, at most one hour). */
export function backoffMs(attempts: number, baseMs: number): number {
  return Math.min(3_600_000, baseMs * 2 ** Math.max(0, attempts - 1));
}

type Row = typeof outbox.$inferSelect;

/** Claim up to `batchSize` due messages for this sender. */
export async function claimDue(db: Db, now: Date, settings: SenderSettings): Promise<Row[]> {
  const lease = new Date(now.getTime() + settings.leaseMs);
  // SKIP LOCKED lets several senders share the outbox on PostgreSQL without taking the same row.
  const result = await db.execute(sql`
    UPDATE notification_outbox SET status = 'sending', lease_until = ${lease.toISOString()}::timestamptz, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM notification_outbox
      WHERE (status = 'pending' AND next_attempt_at <= ${now.toISOString()}::timestamptz)
         OR (status = 'sending' AND lease_until < ${now.toISOString()}::timestamptz)
      ORDER BY next_attempt_at
      LIMIT ${settings.batchSize}
      FOR UPDATE SKIP LOCKED)
    RETURNING id`);
  const ids = ((result as unknown as { rows: { id: string }[] }).rows ?? []).map((r) => r.id);
  if (ids.length === 0) return [];
  return db.select().from(outbox).where(sql`${outbox.id} IN (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`);
}

/**
 * Send what is due once. @returns how many were sent, retried and failed
 * @param channels - the channel per name; a message whose channel is missing waits
 */
export async function sendDue(db: Db, channels: Partial<Record<'sms' | 'email', Channel>>, now: Date, settings: SenderSettings = defaultSenderSettings) {
  const counts = { sent: 0, retried: 0, failed: 0 };
  for (const m of await claimDue(db, now, settings)) {
    const channel = channels[m.channel];
    try {
      if (!channel) throw new DeliveryError(`no ${m.channel} channel configured`, true);
      const { providerId } = await channel.send({ id: m.id, to: m.toAddress, subject: m.subject, text: m.body });
      await db.update(outbox).set({ status: 'sent', sentAt: new Date(), providerId, leaseUntil: null, lastError: null })
        .where(and(eq(outbox.id, m.id), eq(outbox.status, 'sending')));
      counts.sent++;
    } catch (e) {
      const err = e instanceof DeliveryError ? e : new DeliveryError(String((e as Error)?.message ?? e), true);
      if (!err.retryable || m.attempts >= settings.maxAttempts) {
        await db.update(outbox).set({ status: 'failed', lastError: err.message, leaseUntil: null }).where(eq(outbox.id, m.id));
        counts.failed++;
      } else {
        const wait = Math.max(err.retryAfterMs ?? 0, backoffMs(m.attempts, settings.backoffBaseMs));
        await db.update(outbox).set({ status: 'pending', lastError: err.message, leaseUntil: null, nextAttemptAt: new Date(now.getTime() + wait) })
          .where(eq(outbox.id, m.id));
        counts.retried++;
      }
    }
  }
  return counts;
}

/** Run the sender until `signal` aborts, checking every `intervalMs`. */
export async function runSender(db: Db, channels: Partial<Record<'sms' | 'email', Channel>>, options: { intervalMs: number; signal: AbortSignal; settings?: SenderSettings; now?: () => Date }): Promise<void> {
  const now = options.now ?? (() => new Date());
  while (!options.signal.aborted) {
    try {
      await sendDue(db, channels, now(), options.settings);
    } catch {
      // A database hiccup: the next round tries again; leases protect the rows.
    }
    await new Promise((r) => setTimeout(r, options.intervalMs));
  }
}
