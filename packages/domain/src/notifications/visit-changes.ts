// What a client would notice about a published visit: another person, a new time outside the old
// window, a cancellation, or a new visit. Used for "changes since I last looked" in the client's
// view and for the notifications that tell clients and relatives (issue: clients always know).
import { toMinutes } from '../time.js';

/** A visit as the client last saw it or sees it now. */
export interface ClientVisitState {
  visitId: string;
  date: string;
  windowStart: string;
  windowEnd: string;
  plannedStart: string | null;
  status: string;
  /** Staff coming, by id, and their first names for messages. */
  staffIds: readonly string[];
  staffNames: readonly string[];
}

export type ClientChange =
  | { kind: 'person'; visitId: string; date: string; before: readonly string[]; after: readonly string[] }
  | { kind: 'moved'; visitId: string; date: string; windowStart: string; windowEnd: string }
  | { kind: 'cancelled'; visitId: string; date: string; windowStart: string; windowEnd: string }
  | { kind: 'added'; visitId: string; date: string; windowStart: string; windowEnd: string };

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * @param before - the visit as last seen or published; null when it did not exist then
 * @param after - the visit now; null when it no longer exists
 * @returns the changes a client would notice, most important first
 */
export function clientChanges(before: ClientVisitState | null, after: ClientVisitState | null): ClientChange[] {
  if (!before && !after) return [];
  if (!before) {
    const a = after!;
    return a.status === 'cancelled' ? [] : [{ kind: 'added', visitId: a.visitId, date: a.date, windowStart: a.windowStart, windowEnd: a.windowEnd }];
  }
  if (!after || (after.status === 'cancelled' && before.status !== 'cancelled')) {
    return [{ kind: 'cancelled', visitId: before.visitId, date: before.date, windowStart: before.windowStart, windowEnd: before.windowEnd }];
  }
  if (after.status === 'cancelled') return [];
  const out: ClientChange[] = [];
  // A new time the client notices: the window itself changed, or the planned start left the old window.
  const windowChanged = after.date !== before.date || after.windowStart !== before.windowStart || after.windowEnd !== before.windowEnd;
  const startLeftWindow = after.plannedStart !== null && (toMinutes(after.plannedStart) < toMinutes(before.windowStart) || toMinutes(after.plannedStart) > toMinutes(before.windowEnd));
  if (windowChanged || startLeftWindow) {
    out.push({ kind: 'moved', visitId: after.visitId, date: after.date, windowStart: after.windowStart, windowEnd: after.windowEnd });
  }
  if (before.staffIds.length > 0 && after.staffIds.length > 0 && !sameSet(before.staffIds, after.staffIds)) {
    out.push({ kind: 'person', visitId: after.visitId, date: after.date, before: before.staffNames, after: after.staffNames });
  }
  return out;
}

/** Quiet hours: no message is sent at night (local time). */
export interface QuietHours {
  /** Local time when quiet starts, e.g. "21:00". */
  start: string;
  /** Local time when quiet ends, e.g. "08:00". */
  end: string;
}

export const defaultQuietHours: QuietHours = { start: '21:00', end: '08:00' };

/**
 * @param localTime - the local time a message would go out, HH:MM
 * @param quiet - the quiet hours
 * @returns minutes to wait before sending (0 outside quiet hours)
 */
export function minutesUntilQuietEnds(localTime: string, quiet: QuietHours = defaultQuietHours): number {
  const t = toMinutes(localTime);
  const s = toMinutes(quiet.start);
  const e = toMinutes(quiet.end);
  const inQuiet = s <= e ? t >= s && t < e : t >= s || t < e;
  if (!inQuiet) return 0;
  return (e - t + 1440) % 1440;
}
