// A care plan's recurring visits become visit occurrences for one date. The server stores them
// the first time a date is looked at, so any day can be opened without a nightly batch.
import type { CarePlan, CarePlanVisit, Decision } from './entities.js';
import { isoWeekday } from './time.js';

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
    .filter((v) => v.weekdays.includes(wd))
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
