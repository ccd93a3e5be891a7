// A two-week rota per staff member: shifts for any day come from it, so a schedule runs on
// without anyone entering shifts day by day. Weeks alternate without a break (time.ts weekIndex),
// which is the ISO week number's parity from 2021 through 2026; ISO parity itself would repeat a
// week after a week 53 (2026-W53 and 2027-W01 are both odd).
import { isoWeekday, weekIndex } from './time.js';

export interface RotaShift {
  staffId: string;
  /** Which of the two alternating weeks: `weekParity(date)`. */
  weekParity: 0 | 1;
  weekday: number;
  start: string;
  end: string;
  breakMin: number;
}

/** @returns the ISO 8601 week number of a date (weeks start on Monday; week 1 holds 4 January). */
export function isoWeekNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  // Move to the Thursday of this week: its year is the ISO year.
  t.setUTCDate(t.getUTCDate() + 4 - (t.getUTCDay() || 7));
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/** @returns which of the two alternating weeks `date` is in (0 or 1). */
export function weekParity(date: string): 0 | 1 {
  return (weekIndex(date) % 2) as 0 | 1;
}

/**
 * Learn a rota from worked shifts: the first shift seen for each week parity and weekday.
 * @param shifts - shifts with their dates, e.g. the last two weeks
 */
export function rotaFromShifts(shifts: readonly { staffId: string; date: string; start: string; end: string; breakMin: number }[]): RotaShift[] {
  const seen = new Map<string, RotaShift>();
  for (const s of [...shifts].sort((a, b) => a.date.localeCompare(b.date))) {
    const entry: RotaShift = { staffId: s.staffId, weekParity: weekParity(s.date), weekday: isoWeekday(s.date), start: s.start, end: s.end, breakMin: s.breakMin };
    const key = `${entry.staffId}:${entry.weekParity}:${entry.weekday}`;
    if (!seen.has(key)) seen.set(key, entry);
  }
  return [...seen.values()];
}

/** @returns the rota's shifts on a date. */
export function rotaShiftsOn(rota: readonly RotaShift[], date: string): RotaShift[] {
  const p = weekParity(date);
  const wd = isoWeekday(date);
  return rota.filter((r) => r.weekParity === p && r.weekday === wd);
}
