// A care plan's recurring visits become visit occurrences for one date. The server stores them
// the first time a date is looked at, so any day can be opened without a nightly batch.
import type { CarePlan, CarePlanVisit, Decision } from './entities.js';
import { isoWeekday, weekIndex } from './time.js';

export interface VisitOccurrence {
  carePlanVisitId: string;
  clientId: string;
  date: string;
  title: string;
  serviceType: CarePlanVisit['serviceType'];
  windowStart: string;
  windowEnd: string;
  durationMin: number;
  skills: CarePlanVisit['skills'];
  tasks: string[];
  staffCount: number;
  video: boolean;
}

/** @returns whether a decision grants care on this date. */
export function decisionValidOn(decision: Pick<Decision, 'validFrom' | 'validTo'>, date: string): boolean {
  return decision.validFrom <= date && (decision.validTo === null || date <= decision.validTo);
}

/**
 * Whether a visit that recurs every `intervalWeeks` weeks falls in the week of `date`.
 *
 * Weeks are Monday–Sunday as in ISO 8601, counted continuously from the week holding `weekAnchor`:
 * the visit occurs in the anchor's week and every N weeks before and after it. The rota
 * (rota.ts) alternates on ISO week number parity instead, which is the same rule within a
 * year, but a year with a week 53 (2026) is followed by week 1, so parity would give two odd
 * weeks in a row and a fortnightly cleaning would come twice running. Counting weeks from an
 * anchor keeps "every other week" exactly every 14 days across any year boundary.
 * @param visit - interval (absent: every week) and anchor (required when the interval is over 1)
 * @param date - the day, YYYY-MM-DD
 * @returns whether the visit's week recurs in date's week (its weekday is not checked here)
 */
export function inIntervalWeek(visit: Pick<CarePlanVisit, 'intervalWeeks' | 'weekAnchor'>, date: string): boolean {
  const n = visit.intervalWeeks ?? 1;
  if (n === 1 || !visit.weekAnchor) return true;
  const weeks = weekIndex(date) - weekIndex(visit.weekAnchor);
  return ((weeks % n) + n) % n === 0;
}

/**
 * @param plan - the client's care plan
 * @param date - the day, YYYY-MM-DD
 * @param decision - the decision the plan carries out; without a valid one no visit is due
 * @returns the visits due that day, earliest window first
 */
export function occurrencesOn(
  plan: Pick<CarePlan, 'clientId' | 'visits'>,
  date: string,
  decision: Pick<Decision, 'validFrom' | 'validTo'> | null,
): VisitOccurrence[] {
  if (decision && !decisionValidOn(decision, date)) return [];
  const wd = isoWeekday(date);
  return plan.visits
    .filter((v) => v.weekdays.includes(wd) && inIntervalWeek(v, date))
    .map((v) => ({
      carePlanVisitId: v.id,
      clientId: plan.clientId,
      date,
      title: v.title,
      serviceType: v.serviceType,
      windowStart: v.windowStart,
      windowEnd: v.windowEnd,
      durationMin: v.durationMin,
      skills: v.skills,
      tasks: v.tasks,
      staffCount: v.staffCount,
      // A video-capable visit is planned as video; the team may change it on the day.
      video: v.videoAllowed,
    }))
    .sort((a, b) => a.windowStart.localeCompare(b.windowStart));
}
