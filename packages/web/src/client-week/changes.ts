// What changed about a visit since the reader last looked, in words of their language.
import type { TFunction } from 'i18next';
import type { WeekChange, WeekVisit } from './api.js';
import { hhmm } from './format.js';

/**
 * Keep a time range or phone number in reading order inside right-to-left text: without the
 * isolate (LRI … PDI, UAX #9) "10:00–11:00" would show as "11:00–10:00" in Arabic.
 */
export const ltr = (s: string) => `\u2066${s}\u2069`;

export const joinNames = (names: readonly string[] | undefined, t: TFunction) => (names ?? []).join(t('and'));

/** @returns what changed about a visit, in words, e.g. "Anna kommer i stället för Leila". */
export function changeText(c: WeekChange, v: Pick<WeekVisit, 'windowStart' | 'windowEnd'>, t: TFunction): string {
  switch (c.kind) {
    // Two or more people coming take the plural verb where the language has one (en, fi, fa).
    case 'person': return t((c.after?.length ?? 0) > 1 ? 'change.personMany' : 'change.person', { after: joinNames(c.after, t), before: joinNames(c.before, t) });
    case 'moved': return t('change.moved', { range: ltr(`${hhmm(v.windowStart)}–${hhmm(v.windowEnd)}`) });
    case 'cancelled': return t('change.cancelled');
    case 'added': return t('change.added');
  }
}

