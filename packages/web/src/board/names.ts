// How the board names people, visits and skills in sentences.
import type { TFunction } from 'i18next';
import { fullName } from '../ui/format.js';
import type { Names } from './violations.js';
import type { DayStaff, DayVisit } from './timeline.js';

const hhmm = (t: string) => t.slice(0, 5);

/**
 * @param unknownVisit - how to name a visit the board does not show (a service group's visit to
 *   another team's client); without it, the id
 */
export function namesFor(staff: readonly DayStaff[], visits: readonly DayVisit[], unknownVisit?: string): Names {
  const s = new Map(staff.map((p) => [p.id, fullName(p)]));
  const v = new Map(visits.map((x) => [x.id, `${fullName(x.client)} (${hhmm(x.windowStart)}–${hhmm(x.windowEnd)})`]));
  return { staff: (id) => s.get(id) ?? '', visit: (id) => v.get(id) ?? s.get(id) ?? unknownVisit ?? id };
}

export function skillName(t: TFunction, skill: string): string {
  return t(`board:skill.${skill}`, { defaultValue: skill });
}
