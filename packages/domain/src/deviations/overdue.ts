// Overdue steps: each step of a deviation has a deadline counted from the report, per severity.
// The hours are the unit's settings, passed in; `now` too.
import { z } from 'zod';
import { nextDeviationState, type DeviationRecord, type DeviationStep, type Severity } from './deviation.js';

const hours = z.number().int().min(1).max(24 * 365);
const stepHours = z.object({ investigated: hours, actions_decided: hours, client_told: hours, closed: hours });

export const deviationDeadlineSettings = z.object({ low: stepHours, moderate: stepHours, serious: stepHours });
export type DeviationDeadlineSettings = z.infer<typeof deviationDeadlineSettings>;

/** A starting point for a unit to change: serious cases investigated within a day, the client told within five. */
export const defaultDeviationDeadlines: DeviationDeadlineSettings = {
  low: { investigated: 7 * 24, actions_decided: 14 * 24, client_told: 21 * 24, closed: 30 * 24 },
  moderate: { investigated: 3 * 24, actions_decided: 7 * 24, client_told: 10 * 24, closed: 21 * 24 },
  serious: { investigated: 24, actions_decided: 3 * 24, client_told: 5 * 24, closed: 14 * 24 },
};

export interface OverdueStep {
  step: DeviationStep;
  dueAt: string;
  /** Whole hours past the deadline. */
  overdueHours: number;
}

/**
 * @returns the next step when its deadline (report time + the severity's hours) has passed at
 *   `now`, else null; a step due exactly now is not yet overdue
 */
export function overdueStep(d: Pick<DeviationRecord, 'state' | 'severity' | 'reportedAt'>, settings: DeviationDeadlineSettings, now: string): OverdueStep | null {
  const step = nextDeviationState(d.state);
  if (step === null) return null;
  const due = Date.parse(d.reportedAt) + settings[d.severity as Severity][step] * 3_600_000;
  const late = Date.parse(now) - due;
  if (late <= 0) return null;
  return { step, dueAt: new Date(due).toISOString(), overdueHours: Math.floor(late / 3_600_000) };
}
