// The plan checker's violations (planner/src/check/check-plan.ts) come as a stable code with its
// parameters beside an English sentence. The board says them in the user's language with names:
// the code is the translation key, the parameters its values. A code this board does not know
// (a newer server) is shown as the checker's sentence with ids replaced by names.
import type { Violation } from './types.js';

export interface ViolationWords {
  /** Translation key in the board namespace. */
  key: string;
  values: Record<string, string | number>;
}

export interface Names {
  staff(id: string): string;
  /** A visit as "client (08:00–09:00)". */
  visit(id: string): string;
}

const known = new Set([
  'date-mismatch', 'unknown-staff', 'duplicate-route', 'unknown-visit', 'travel-too-short',
  'outside-window', 'wrong-duration', 'missing-skill', 'other-team', 'pinned-staff', 'pinned-start',
  'extra-break', 'break-overlap', 'break-outside-window', 'break-duration', 'before-shift',
  'after-shift', 'break-not-taken', 'unassigned-unknown-visit', 'visit-lost', 'unassigned-without-reason',
  'planned-and-unassigned', 'staff-count', 'same-staff-twice', 'double-starts-differ',
]);

const anyId = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * @param v - one violation as the server gave it
 * @param names - how to name staff and visits
 * @param skill - how to name a skill in the user's language
 * @returns a translation key with its values
 */
export function violationWords(v: Violation, names: Names, skill: (k: string) => string = (k) => k): ViolationWords {
  if (!known.has(v.code)) {
    return { key: 'violation.other', values: { text: v.message.replace(anyId, (x) => names.staff(x) || names.visit(x)) } };
  }
  const p = v.params;
  const staff = (id: string) => names.staff(id) || id;
  const values: Record<string, string | number> = {};
  for (const [k, x] of Object.entries(p)) {
    if (typeof x === 'string' || typeof x === 'number') values[k] = x;
  }
  if (p.staff !== undefined) values.staff = staff(p.staff);
  if (p.visit !== undefined) values.visit = names.visit(p.visit);
  if (p.after !== undefined) values.after = names.visit(p.after);
  if (p.skills) values.skills = p.skills.map(skill).join(', ');
  if (p.pinnedStaff) values.pinnedStaff = p.pinnedStaff.map(staff).join(', ');
  if (p.starts) values.starts = p.starts.map((s) => `${staff(s.staff)} ${s.start}`).join(', ');
  // Travel and breaks name what came before: another visit, a break or the shift start.
  let key = `violation.${v.code}`;
  if (v.code === 'travel-too-short' && p.afterKind === 'break') key = 'violation.travel-too-short-after-break';
  else if (v.code === 'travel-too-short' && p.afterKind !== 'visit') key = 'violation.travel-too-short-from-start';
  else if (v.code === 'break-overlap' && p.afterKind !== 'visit') key = 'violation.break-overlap-other';
  return { key, values };
}

/** @returns the day's visits a violation is about, so the board can mark them. */
export function visitsNamed(v: Violation, visitIds: ReadonlySet<string>): string[] {
  return v.params.visit !== undefined && visitIds.has(v.params.visit) ? [v.params.visit] : [];
}
