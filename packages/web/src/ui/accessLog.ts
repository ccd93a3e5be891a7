// Reading the access log for people: which part of the record an entry touched, and one line per
// person and minute instead of one per request part.
import type { AccessLogEntry } from '../api/types.js';

/**
 * The server writes `what` as "<category> <endpoint>", e.g. "visits GET /api/me/day"
 * (packages/server/src/access-log/access-log.ts).
 * @returns the category and the endpoint
 */
export function splitWhat(what: string): { category: string; endpoint: string } {
  const space = what.indexOf(' ');
  return space < 0 ? { category: what, endpoint: '' } : { category: what.slice(0, space), endpoint: what.slice(space + 1) };
}

export interface ReadGroup {
  at: string;
  who: string;
  role: string;
  categories: string[];
}

/**
 * Merge entries of the same person in the same minute (one page view reads several parts).
 * @param entries - newest first, as the API answers
 * @param exceptRole - leave out reads by this role (the client's own reads on the client's page)
 * @returns groups, newest first, each listing its categories once
 */
export function groupReads(entries: readonly AccessLogEntry[], exceptRole?: string): ReadGroup[] {
  const groups: ReadGroup[] = [];
  for (const e of entries) {
    if (e.role === exceptRole) continue;
    const minute = e.at.slice(0, 16);
    const category = splitWhat(e.what).category;
    const last = groups[groups.length - 1];
    if (last && last.who === e.who && last.role === e.role && last.at.slice(0, 16) === minute) {
      if (!last.categories.includes(category)) last.categories.push(category);
    } else {
      groups.push({ at: e.at, who: e.who, role: e.role, categories: [category] });
    }
  }
  return groups;
}
