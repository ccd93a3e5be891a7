// Granted time over any period, per service: the needs assessor compares it with planned and
// delivered time. A decision grants hours per month, so each day is worth 1/(days in that month).
import { addDays, daysBetween } from './time.js';
import { monthBounds } from './delivered-care.js';

export interface GrantDecision {
  validFrom: string;
  validTo: string | null;
  services: readonly { serviceType: string; hoursPerMonth: number }[];
}

/**
 * @param from - first day, inclusive
 * @param to - last day, inclusive
 * @returns granted minutes per service type over the days, rounded to whole minutes
 */
export function grantedMinutesByService(decisions: readonly GrantDecision[], from: string, to: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i <= daysBetween(from, to); i++) {
    const day = addDays(from, i);
    const daysInMonth = Number(monthBounds(day.slice(0, 7)).last.slice(8));
    for (const d of decisions) {
      if (day < d.validFrom || (d.validTo !== null && day > d.validTo)) continue;
      for (const s of d.services) out[s.serviceType] = (out[s.serviceType] ?? 0) + (s.hoursPerMonth * 60) / daysInMonth;
    }
  }
  for (const k of Object.keys(out)) out[k] = Math.round(out[k]!);
  return out;
}

export type FollowUpDirection = 'below' | 'above' | 'within';

/**
 * @param share - how far from granted counts as far, e.g. 0.25 for ±25 %
 * @returns whether delivered time is far below or above granted (granted 0 with delivered time is above)
 */
export function followUpDirection(grantedMin: number, deliveredMin: number, share: number): FollowUpDirection {
  if (grantedMin === 0) return deliveredMin > 0 ? 'above' : 'within';
  if (deliveredMin < grantedMin * (1 - share)) return 'below';
  if (deliveredMin > grantedMin * (1 + share)) return 'above';
  return 'within';
}
