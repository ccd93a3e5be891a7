// Sorting a team's day for the morning board: who works, who is absent, who is off, and which
// visits still lack staff.
import type { TeamDay } from '../api/types.js';

type Person = TeamDay['staff'][number];

export function staffByState(staff: readonly Person[]): { working: Person[]; absent: Person[]; off: Person[] } {
  return {
    working: staff.filter((s) => s.shift !== null && s.absence === null),
    absent: staff.filter((s) => s.absence !== null),
    off: staff.filter((s) => s.shift === null && s.absence === null),
  };
}

/** A visit lacks staff when fewer people are assigned than it needs (two for double staffing). */
export function lacksStaff(visit: { status: string; staff: unknown[]; staffCount: number }): boolean {
  return visit.status !== 'cancelled' && visit.staff.length < visit.staffCount;
}
