// Tells clients and consenting relatives when a published visit changes in a way they would
// notice. Runs inside the transaction that made the change, writing to the outbox, so the change
// and its message are committed together (or neither is).
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import {
  changeMessage, clientChanges, messageLanguage, minutesUntilQuietEnds, type ClientChange, type ClientLanguage,
  type ClientVisitState, type QuietHours,
} from '@tillit/domain';
import type { Db } from '../db/connection.js';
import { clients, relatives, staff, teams, visits } from '../db/schema.js';
import { outbox, publishedVisits } from '../db/schema-client-comms.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface NotifySettings {
  /** Minutes a message waits for more changes of the same batch before it goes out. */
  holdMinutes: number;
  quietHours: QuietHours;
  timeZone: string;
}

function localTime(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(now);
}

/** The client-visible state of a team's visits on a day. */
async function visitStates(tx: Tx | Db, teamId: string, date: string): Promise<{ state: ClientVisitState; clientId: string }[]> {
  const rows = await tx.select().from(visits).where(and(eq(visits.teamId, teamId), eq(visits.date, date)));
  const ids = [...new Set(rows.flatMap((r) => r.staffIds))];
  const names = ids.length === 0 ? [] : await tx.select({ id: staff.id, firstName: staff.firstName }).from(staff).where(inArray(staff.id, ids));
  const nameOf = new Map(names.map((n) => [n.id, n.firstName]));
  return rows.map((r) => ({
    clientId: r.clientId,
    state: {
      visitId: r.id, date: r.date, windowStart: r.windowStart, windowEnd: r.windowEnd, plannedStart: r.plannedStart,
      status: r.status, staffIds: r.staffIds, staffNames: r.staffIds.map((s) => nameOf.get(s) ?? '?'),
    },
  }));
}

/**
 * Record the day's visits as told, without messages (the first publication: clients see the
 * plan on their page and in the weekly letter; only later changes are news).
 */
export async function recordPublishedBaseline(tx: Tx, teamId: string, date: string, now: Date): Promise<void> {
  await saveTold(tx, await visitStates(tx, teamId, date), now);
}

/** Record in one statement what clients have now been told of these visits. */
async function saveTold(tx: Tx, told: { state: ClientVisitState; clientId: string }[], now: Date): Promise<void> {
  if (told.length === 0) return;
  await tx.insert(publishedVisits).values(told.map(({ state, clientId }) => ({ visitId: state.visitId, clientId, state, updatedAt: now })))
    .onConflictDoUpdate({ target: publishedVisits.visitId, set: { state: sql`excluded.state`, updatedAt: sql`excluded.updated_at` } });
}

/**
 * Compare the day with what clients were told, queue messages for what changed, and move the
 * baseline. @returns the number of outbox messages written or updated
 */
export async function notifyDayChanges(tx: Tx, teamId: string, date: string, now: Date, settings: NotifySettings): Promise<number> {
  const current = await visitStates(tx, teamId, date);
  const baselines = current.length === 0 ? [] : await tx.select().from(publishedVisits).where(inArray(publishedVisits.visitId, current.map((c) => c.state.visitId)));
  const told = new Map(baselines.map((b) => [b.visitId, b.state as ClientVisitState]));
  const byClient = new Map<string, ClientChange[]>();
  for (const { state, clientId } of current) {
    const changes = clientChanges(told.get(state.visitId) ?? null, state);
    if (changes.length > 0) byClient.set(clientId, [...(byClient.get(clientId) ?? []), ...changes]);
  }
  await saveTold(tx, current, now);
  if (byClient.size === 0) return 0;
  const team = (await tx.select().from(teams).where(eq(teams.id, teamId)))[0]!;
  const clientRows = await tx.select().from(clients).where(inArray(clients.id, [...byClient.keys()]));
  const consenting = await tx.select().from(relatives)
    .where(and(inArray(relatives.clientId, [...byClient.keys()]), isNotNull(relatives.consentGivenAt), isNull(relatives.consentWithdrawnAt)));
  const wait = settings.holdMinutes + minutesUntilQuietEnds(localTime(new Date(now.getTime() + settings.holdMinutes * 60_000), settings.timeZone), settings.quietHours);
  const sendAt = new Date(now.getTime() + wait * 60_000);
  let written = 0;
  for (const c of clientRows) {
    const changes = byClient.get(c.id)!;
    const recipients: { kind: 'client' | 'relative'; id: string; channel: 'sms' | 'email'; to: string; language: ClientLanguage }[] = [];
    const clientLanguage = messageLanguage(c.languages);
    if (c.notificationChannel === 'sms' && c.phone) recipients.push({ kind: 'client', id: c.id, channel: 'sms', to: c.phone, language: clientLanguage });
    if (c.notificationChannel === 'email' && c.email) recipients.push({ kind: 'client', id: c.id, channel: 'email', to: c.email, language: clientLanguage });
    for (const r of consenting.filter((x) => x.clientId === c.id)) {
      const language = messageLanguage([r.language]);
      if (r.notificationChannel === 'sms' && r.phone) recipients.push({ kind: 'relative', id: r.id, channel: 'sms', to: r.phone, language });
      if (r.notificationChannel === 'email' && r.email) recipients.push({ kind: 'relative', id: r.id, channel: 'email', to: r.email, language });
    }
    for (const rec of recipients) {
      // A message not yet sent to this person absorbs the new changes: one message per batch.
      const pending = (await tx.select().from(outbox).where(and(
        eq(outbox.recipientId, rec.id), eq(outbox.channel, rec.channel), eq(outbox.clientId, c.id), eq(outbox.status, 'pending'),
      )))[0];
      const merged = mergeChanges(pending ? (pending.changes as ClientChange[]) : [], changes);
      const message = changeMessage(rec.language, merged, team.phone);
      if (pending) {
        await tx.update(outbox).set({ changes: merged, subject: message.subject, body: message.text }).where(eq(outbox.id, pending.id));
      } else {
        await tx.insert(outbox).values({
          id: randomUUID(), clientId: c.id, teamId, recipientKind: rec.kind, recipientId: rec.id, channel: rec.channel,
          toAddress: rec.to, language: rec.language, subject: message.subject, body: message.text, changes: merged,
          status: 'pending', nextAttemptAt: sendAt,
        });
      }
      written++;
    }
  }
  return written;
}

/** Later changes to the same visit replace earlier ones of the same kind. */
function mergeChanges(earlier: ClientChange[], later: ClientChange[]): ClientChange[] {
  const key = (c: ClientChange) => `${c.visitId}:${c.kind}`;
  const map = new Map(earlier.map((c) => [key(c), c]));
  for (const c of later) {
    if (c.kind === 'person') {
      const prev = map.get(key(c));
      // Leila → Anna then Anna → Bo is told as Leila → Bo.
      const next = prev && prev.kind === 'person' ? { ...c, before: prev.before } : c;
      // Leila → Anna then Anna → Leila is no change at all.
      if (next.before.join() === next.after.join()) map.delete(key(c));
      else map.set(key(c), next);
    } else map.set(key(c), c);
  }
  return [...map.values()];
}
