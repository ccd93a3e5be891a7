// Delivered care is what the client is billed for and what follow-up compares with the decision.
// Only visits marked done count: a visit the provider missed or cancelled is never delivered care
// (DOMAIN-FACTS.md, Fees: "A visit the provider did not make is not performed care").
import { toMinutes } from './time.js';

export interface DeliveredVisit {
  status: string;
  durationMin: number;
  staffCount: number;
  actualStart: string | null;
  actualEnd: string | null;
}

/**
 * Minutes of care delivered by one visit: the real time when both ends were recorded, else the
 * planned duration; per staff member present, since double staffing is two people's time.
 */
export function visitDeliveredMinutes(v: DeliveredVisit): number {
  if (v.status !== 'done') return 0;
  let minutes = v.durationMin;
  if (v.actualStart && v.actualEnd) {
    const real = toMinutes(v.actualEnd) - toMinutes(v.actualStart);
    if (real > 0) minutes = real;
  }
  return minutes * v.staffCount;
}

/** @returns total delivered minutes of a set of visits. */
export function deliveredMinutes(visits: readonly DeliveredVisit[]): number {
  return visits.reduce((sum, v) => sum + visitDeliveredMinutes(v), 0);
}

/** @returns the first and last date of a month `YYYY-MM`. */
export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(last).padStart(2, '0')}` };
}

export interface GrantingDecision {
  validFrom: string;
  validTo: string | null;
  services: readonly { hoursPerMonth: number }[];
}

/**
 * Minutes granted for a month: each decision's monthly hours, prorated by the days of the month
 * it is valid, so a decision replaced mid-month is not counted twice.
 */
export function grantedMinutesInMonth(decisions: readonly GrantingDecision[], month: string): number {
  const { first, last } = monthBounds(month);
  const daysInMonth = Number(last.slice(8));
  let total = 0;
  for (const d of decisions) {
    const from = d.validFrom > first ? d.validFrom : first;
    const to = d.validTo === null || d.validTo > last ? last : d.validTo;
    if (from > to) continue;
    const days = Number(to.slice(8)) - Number(from.slice(8)) + 1;
    const hours = d.services.reduce((a, s) => a + s.hoursPerMonth, 0);
    total += (hours * 60 * days) / daysInMonth;
  }
  return Math.round(total);
}
