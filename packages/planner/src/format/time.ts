// Local wall-clock times as the formats write them ("07:30"), as minutes since midnight.
import { InputError } from '../errors.js';

const HHMM = /^(\d{2}):(\d{2})$/;

/** @returns minutes since midnight, or null when `s` is not a time HH:MM (00:00..24:00). */
export function parseTime(s: string): number | null {
  const m = HHMM.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

/** @returns minutes since midnight; throws InputError naming `field` when malformed. */
export function timeOrThrow(s: string, field: string): number {
  const t = parseTime(s);
  if (t === null) throw new InputError('invalid time', [`${field}: ${JSON.stringify(s)} is not a time HH:MM`]);
  return t;
}

/** @returns `HH:MM` for whole minutes since midnight. */
export function formatTime(min: number): string {
  const m = Math.round(min);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
