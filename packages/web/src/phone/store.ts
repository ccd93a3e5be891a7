// What the phone keeps in IndexedDB so the day works with poor coverage: the last day read (my
// visits and the team's day), the done-marks waiting to be sent, and conflicts waiting for the
// person's choice. Everything is stored under the staff member's id and dropped when another
// person signs in on the same phone.
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { MyDay, TeamDay } from '../api/types.js';

let store: UseStore | null = null;
const db = () => (store ??= createStore('tillit-phone', 'day'));

export interface CachedDay {
  staffId: string;
  savedAt: string;
  day: MyDay;
  teamDay: TeamDay | null;
}

/** A done-mark as the person made it, with what the phone knew of the visit then. */
export interface RecordItem {
  mutationId: string;
  staffId: string;
  visitId: string;
  clientName: string;
  baseVersion: number;
  /** The visit as this phone last saw it, to tell a real change elsewhere from a stale version. */
  seen: { status: string; plannedStart: string | null; staffIds: string[] };
  body: { status: 'done'; actualStart: string | null; actualEnd: string | null; note: string | null };
  madeAt: string;
}

/** The server's version of a visit in a conflict (team-day.ts, 409 `current`). */
export interface ServerVisit {
  version: number;
  status: string;
  staffIds: string[];
  plannedStart: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  note: string | null;
}

export interface Conflict {
  item: RecordItem;
  /** null when the server refused for another reason (e.g. the visit is no longer mine). */
  current: ServerVisit | null;
  reason: 'changed' | 'refused';
}

export interface Outbox {
  staffId: string;
  queue: RecordItem[];
  conflicts: Conflict[];
}

const dayKey = 'day';
const outboxKey = 'outbox';

export async function loadDay(staffId: string): Promise<CachedDay | null> {
  const c = await get<CachedDay>(dayKey, db());
  return c && c.staffId === staffId ? c : null;
}

export async function saveDay(c: CachedDay): Promise<void> {
  await set(dayKey, c, db());
}

export async function loadOutbox(staffId: string): Promise<Outbox> {
  const o = await get<Outbox>(outboxKey, db());
  return o && o.staffId === staffId ? o : { staffId, queue: [], conflicts: [] };
}

export async function saveOutbox(o: Outbox): Promise<void> {
  await set(outboxKey, o, db());
}

/** Forget another person's day on this phone (a shared phone changes hands). */
export async function forgetOthers(staffId: string): Promise<void> {
  const c = await get<CachedDay>(dayKey, db());
  if (c && c.staffId !== staffId) await del(dayKey, db());
  const o = await get<Outbox>(outboxKey, db());
  // Unsent marks of someone else are kept until they sign in again; their day is not shown.
  if (o && o.staffId !== staffId && o.queue.length === 0 && o.conflicts.length === 0) await del(outboxKey, db());
}
