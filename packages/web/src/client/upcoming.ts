// Orders a client's visits into days, for the client's and the relative's view.
import type { Visit } from '../api/types.js';

export interface VisitDay {
  date: string;
  visits: Visit[];
}

/** @returns the visits from `today` on, grouped by date in time order. */
export function upcomingByDay(visits: readonly Visit[], today: string): VisitDay[] {
  const days = new Map<string, Visit[]>();
  const sorted = visits
    .filter((v) => v.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date) || a.windowStart.localeCompare(b.windowStart));
  for (const v of sorted) {
    const list = days.get(v.date);
    if (list) list.push(v);
    else days.set(v.date, [v]);
  }
  return [...days].map(([date, list]) => ({ date, visits: list }));
}
