// Local wall-clock times and dates as the care plans speak them ("08:30", "2026-11-23").
// Plain strings keep the domain free of time-zone libraries; the server converts at its edge.
import { z } from 'zod';

/** Minutes since local midnight, 0..1439 (24:00 = 1440 allowed only as an end). */
export type MinuteOfDay = number & { readonly __brand: 'MinuteOfDay' };

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const timeOfDay = z.string().regex(HHMM, { message: 'must be a time HH:MM between 00:00 and 23:59' });
export const isoDate = z
  .string()
  .regex(DATE, { message: 'must be a date YYYY-MM-DD' })
  .refine((s) => isValidDate(s), { message: 'is not a real calendar date' });

export function isValidDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** @returns minutes since midnight of an `HH:MM` string; throws on a malformed time. */
export function toMinutes(hhmm: string): MinuteOfDay {
  const m = HHMM.exec(hhmm);
  if (!m) throw new RangeError(`not a time HH:MM: ${hhmm}`);
  return (Number(m[1]) * 60 + Number(m[2])) as MinuteOfDay;
}

/** @returns `HH:MM` for minutes since midnight (0..1439). */
export function fromMinutes(min: number): string {
  if (!Number.isInteger(min) || min < 0 || min >= 1440) throw new RangeError(`minute of day out of range: ${min}`);
  return `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}

/** ISO weekday of a date string: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const wd = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** @returns the date `days` after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

/** @returns whole days from `a` to `b` (b - a). */
export function daysBetween(a: string, b: string): number {
  const t = (s: string) => {
    const [y, mo, d] = s.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, mo - 1, d);
  };
  return Math.round((t(b) - t(a)) / 86_400_000);
}

/**
 * Weeks (Monday to Sunday) counted without a break since the week of Monday 1970-01-05, so that
 * "every other week" alternates across a year with an ISO week 53 (2026 has one): week 53 and the
 * next year's week 1 are both odd by ISO number, but consecutive here.
 */
export function weekIndex(date: string): number {
  return (daysBetween('1970-01-05', date) - (isoWeekday(date) - 1)) / 7;
}
