// The plan checker's violations (planner/src/check/check-plan.ts) are English sentences naming
// staff and visits by id. The board says them in the user's language with names: each sentence
// form is matched here into a translation key and its values. A form not known here is shown
// with ids replaced by names, so nothing the checker says is hidden.

export interface ViolationWords {
  /** Translation key in the board namespace. */
  key: string;
  values: Record<string, string>;
}

export interface Names {
  staff(id: string): string;
  /** A visit as "client (08:00–09:00)". */
  visit(id: string): string;
}

const id = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const time = '(\\d{2}:\\d{2})';

// Order matters: the first pattern that matches wins.
const forms: { re: RegExp; key: string; names: string[] }[] = [
  { re: new RegExp(`^route for unknown staff "${id}"$`), key: 'violation.notWorking', names: ['staff'] },
  { re: new RegExp(`^${id}: visit ${id} starts ${time} but cannot arrive before ${time} \\((\\d+) min travel after (?:visit ${id}|the break|the shift start)\\)$`), key: 'violation.cannotArrive', names: ['staff', 'visit', 'start', 'earliest', 'travel', 'after'] },
  { re: new RegExp(`^${id}: visit ${id} starts ${time}, outside its window ${time}-${time}$`), key: 'violation.outsideWindow', names: ['staff', 'visit', 'start', 'from', 'to'] },
  { re: new RegExp(`^${id}: visit ${id} lasts (\\d+) min, not (\\d+)$`), key: 'violation.duration', names: ['staff', 'visit', 'actual', 'expected'] },
  { re: new RegExp(`^${id} lacks skill (.+) for visit ${id}$`), key: 'violation.skill', names: ['staff', 'skills', 'visit'] },
  { re: new RegExp(`^${id} \\(team ${id}\\) has visit ${id} of team ${id}$`), key: 'violation.otherTeam', names: ['staff', 'team', 'visit', 'visitTeam'] },
  { re: new RegExp(`^visit ${id} is pinned to (.+), not ${id}$`), key: 'violation.lockedStaff', names: ['visit', 'pinned', 'staff'] },
  { re: new RegExp(`^visit ${id} is pinned to start ${time}, not ${time}$`), key: 'violation.lockedStart', names: ['visit', 'pinned', 'start'] },
  { re: new RegExp(`^${id}: break at ${time} overlaps (?:visit ${id}|the break|the shift start) \\(free from ${time}\\)$`), key: 'violation.breakOverlap', names: ['staff', 'start', 'after', 'free'] },
  { re: new RegExp(`^${id}: break starts ${time}, outside ${time}-${time}$`), key: 'violation.breakOutside', names: ['staff', 'start', 'from', 'to'] },
  { re: new RegExp(`^${id}: break lasts (\\d+) min, not (\\d+)$`), key: 'violation.breakLength', names: ['staff', 'actual', 'expected'] },
  { re: new RegExp(`^${id}: break at ${time} is not one of the staff member's breaks$`), key: 'violation.extraBreak', names: ['staff', 'start'] },
  { re: new RegExp(`^${id}: first stop before the shift starts ${time}$`), key: 'violation.beforeShift', names: ['staff', 'shiftStart'] },
  { re: new RegExp(`^${id}: back at the end at ${time}, after the shift ends ${time}$`), key: 'violation.afterShift', names: ['staff', 'back', 'shiftEnd'] },
  { re: new RegExp(`^${id}: (\\d+) break\\(s\\) not taken$`), key: 'violation.noBreak', names: ['staff', 'count'] },
  { re: new RegExp(`^visit ${id} needs (\\d+) staff but appears (\\d+) time\\(s\\)$`), key: 'violation.staffCount', names: ['visit', 'needed', 'has'] },
  { re: new RegExp(`^visit ${id} lists the same staff member twice$`), key: 'violation.sameTwice', names: ['visit'] },
  { re: new RegExp(`^double-staffed visit ${id} has different starts: .*$`), key: 'violation.doubleStarts', names: ['visit'] },
  { re: new RegExp(`^visit ${id} is neither planned nor listed as unassigned$`), key: 'violation.lost', names: ['visit'] },
];

const staffFields = new Set(['staff']);
const visitFields = new Set(['visit', 'after']);
const anyId = new RegExp(id, 'g');

/**
 * @param text - one violation as the checker wrote it
 * @param names - how to name staff and visits
 * @returns a translation key with its values; unknown forms as `violation.other` with the text
 */
export function violationWords(text: string, names: Names): ViolationWords {
  for (const f of forms) {
    const m = f.re.exec(text);
    if (!m) continue;
    const values: Record<string, string> = {};
    f.names.forEach((n, i) => {
      const raw = m[i + 1];
      if (raw === undefined) return;
      if (staffFields.has(n)) values[n] = names.staff(raw);
      else if (visitFields.has(n)) values[n] = names.visit(raw);
      else if (n === 'pinned') values[n] = raw.replace(anyId, (x) => names.staff(x));
      else if (n === 'skills') values[n] = raw.replace(/'/g, '');
      else values[n] = raw;
    });
    // "after the break" / "after the shift start" carry no visit id.
    const key = f.key === 'violation.cannotArrive' && values.after === undefined ? 'violation.cannotArriveFromStart' : f.key;
    return { key, values };
  }
  return { key: 'violation.other', values: { text: text.replace(anyId, (x) => names.staff(x) || names.visit(x)) } };
}

/** @returns the visit ids a violation names, so the board can mark them. */
export function visitsNamed(text: string, visitIds: ReadonlySet<string>): string[] {
  return [...text.matchAll(anyId)].map((m) => m[0]).filter((x) => visitIds.has(x));
}
