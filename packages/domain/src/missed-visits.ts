// Missed-visit detection: a planned visit not marked done by a set time after its window ends is
// *possibly missed*, and the team settles it (done after all, with the real time, or missed with a
// reason). A visit started well after its window is *late*. Times are local; `now` is passed in.
import { z } from 'zod';
import { DomainError } from './errors.js';
import { daysBetween, timeOfDay, toMinutes } from './time.js';

export const missedVisitSettings = z.object({
  /** Minutes after the window's end at which an unmarked visit becomes possibly missed. */
  possiblyMissedAfterMin: z.number().int().min(0).max(24 * 60),
  /** A start more than this many minutes after the window's end is late. */
  lateAfterMin: z.number().int().min(0).max(24 * 60),
});
export type MissedVisitSettings = z.infer<typeof missedVisitSettings>;
export const defaultMissedVisitSettings: MissedVisitSettings = { possiblyMissedAfterMin: 60, lateAfterMin: 30 };

/** The local wall-clock now: a date and minutes since midnight. */
export interface LocalNow {
  date: string;
  minute: number;
}

export interface CheckedVisit {
  date: string;
  windowStart: string;
  windowEnd: string;
  status: string;
  actualStart: string | null;
}

export type VisitFlag = 'possibly_missed' | 'late';

/** @returns minutes from the end of the visit's window to `now` (negative before it ends). */
export function minutesAfterWindow(v: Pick<CheckedVisit, 'date' | 'windowEnd'>, now: LocalNow): number {
  return daysBetween(v.date, now.date) * 1440 + now.minute - toMinutes(v.windowEnd);
}

/**
 * @returns `possibly_missed` for a planned visit from the moment `possiblyMissedAfterMin` minutes
 *   after its window ends (at that minute exactly, not one before); `late` for a done visit that
 *   started more than `lateAfterMin` minutes after its window ended (exactly that many is on time);
 *   else null. Missed and cancelled visits are already settled.
 */
export function visitFlag(v: CheckedVisit, now: LocalNow, s: MissedVisitSettings): VisitFlag | null {
  if (v.status === 'planned') return minutesAfterWindow(v, now) >= s.possiblyMissedAfterMin ? 'possibly_missed' : null;
  if (v.status === 'done' && v.actualStart !== null) {
    return toMinutes(v.actualStart) - toMinutes(v.windowEnd) > s.lateAfterMin ? 'late' : null;
  }
  return null;
}

export const settleVisitInput = z.discriminatedUnion('outcome', [
  /** It was done after all: record the real time. */
  z.object({ outcome: z.literal('done'), actualStart: timeOfDay, actualEnd: timeOfDay }).strict()
    .refine((b) => b.actualStart < b.actualEnd, { message: 'actualEnd must be after actualStart', path: ['actualEnd'] }),
  /** Nobody came: the reason is shown to the client and a deviation is opened. */
  z.object({ outcome: z.literal('missed'), reason: z.string().trim().min(3).max(1000) }).strict(),
  /** The visit was late: the reason opens a deviation of type late_visit. */
  z.object({ outcome: z.literal('late'), reason: z.string().trim().min(3).max(1000) }).strict(),
]);
export type SettleVisitInput = z.infer<typeof settleVisitInput>;

export interface Settlement {
  status: 'done' | 'missed';
  actualStart: string | null;
  actualEnd: string | null;
  missedReason: string | null;
  /** The deviation to open, if any. */
  deviation: { type: 'missed_visit' | 'late_visit'; description: string } | null;
}

/**
 * Settle a visit. A planned visit may be done after all or missed; a done visit may be found
 * missed later (a complaint after the fact: a credit follows if it was billed) or confirmed late.
 * @returns the visit's new fields and the deviation to open
 */
export function settleVisit(v: CheckedVisit & { actualEnd: string | null }, input: SettleVisitInput, now: LocalNow, s: MissedVisitSettings): Settlement {
  if (v.date > now.date) throw new DomainError('visit-not-settleable', 'A visit in the future cannot be settled.', '/params/visitId');
  if (v.status === 'cancelled' || v.status === 'missed') {
    throw new DomainError('visit-not-settleable', `The visit is already ${v.status}.`, '/params/visitId');
  }
  switch (input.outcome) {
    case 'done':
      if (v.status !== 'planned') throw new DomainError('visit-not-settleable', 'The visit is already marked done.', '/body/outcome');
      if (v.date === now.date && toMinutes(input.actualEnd) > now.minute) {
        throw new DomainError('invalid-input', 'The visit cannot have ended in the future.', '/body/actualEnd');
      }
      return { status: 'done', actualStart: input.actualStart, actualEnd: input.actualEnd, missedReason: null, deviation: null };
    case 'missed':
      return {
        status: 'missed', actualStart: null, actualEnd: null, missedReason: input.reason,
        deviation: { type: 'missed_visit', description: `Besöket ${v.date} ${v.windowStart}–${v.windowEnd} blev inte av: ${input.reason}` },
      };
    case 'late':
      if (visitFlag(v, now, s) !== 'late') throw new DomainError('visit-not-settleable', 'The visit was not late.', '/body/outcome');
      return {
        status: 'done', actualStart: v.actualStart, actualEnd: v.actualEnd, missedReason: null,
        deviation: { type: 'late_visit', description: `Besöket ${v.date} ${v.windowStart}–${v.windowEnd} började ${v.actualStart}: ${input.reason}` },
      };
  }
}
