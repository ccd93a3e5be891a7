// Personalkontinuitet: how many different staff a client meets in 14 days (Socialstyrelsen's
// indicator, DOMAIN-FACTS.md "Continuity"). Lower is better; national mean 14.9 (2021).
// Counted for clients aged 65+ with at least two visits every day of the period, only visits
// between 07:00 and 22:00, leaving out alarm call-outs and meal deliveries.
import { addDays, toMinutes } from './time.js';

export const continuityPeriodDays = 14;
const countedFrom = 7 * 60;
const countedUntil = 22 * 60;

export interface ContinuityVisit {
  clientId: string;
  date: string;
  /** The time the visit started (real or planned), HH:MM. */
  start: string;
  status: string;
  staffIds: readonly string[];
  /** Service types that the indicator leaves out are passed here as true. */
  excluded?: boolean;
}

export interface ContinuityClient {
  clientId: string;
  birthYear: number;
}

export interface ContinuityResult {
  /** Distinct staff met per eligible client over the period. */
  byClient: Map<string, number>;
  /** Mean and median over eligible clients; null when no client is eligible. */
  mean: number | null;
  median: number | null;
  eligibleClients: number;
}

/**
 * Socialstyrelsen's continuity measure for one period.
 * @param clients - the clients with their birth year
 * @param visits - done visits (others are ignored) over at least the period
 * @param periodStart - first date of the 14-day period (municipalities often use the first Monday of the month)
 * @param includeAll - count every client with any visit (for a team's own follow-up), not only the indicator's group
 */
export function continuity(
  clients: readonly ContinuityClient[],
  visits: readonly ContinuityVisit[],
  periodStart: string,
  includeAll = false,
): ContinuityResult {
  const periodEnd = addDays(periodStart, continuityPeriodDays - 1);
  const ageYear = Number(periodEnd.slice(0, 4));
  const counted = visits.filter((v) => {
    if (v.status !== 'done' || v.excluded) return false;
    if (v.date < periodStart || v.date > periodEnd) return false;
    const m = toMinutes(v.start);
    return m >= countedFrom && m <= countedUntil;
  });
  const byClient = new Map<string, number>();
  for (const c of clients) {
    const mine = counted.filter((v) => v.clientId === c.clientId);
    if (!includeAll) {
      if (ageYear - c.birthYear < 65) continue;
      const perDay = new Map<string, number>();
      for (const v of mine) perDay.set(v.date, (perDay.get(v.date) ?? 0) + 1);
      let everyDayTwice = true;
      for (let i = 0; i < continuityPeriodDays; i++) if ((perDay.get(addDays(periodStart, i)) ?? 0) < 2) everyDayTwice = false;
      if (!everyDayTwice) continue;
    } else if (mine.length === 0) continue;
    byClient.set(c.clientId, new Set(mine.flatMap((v) => v.staffIds)).size);
  }
  const values = [...byClient.values()].sort((a, b) => a - b);
  const n = values.length;
  const mean = n === 0 ? null : values.reduce((a, b) => a + b, 0) / n;
  const median = n === 0 ? null : n % 2 === 1 ? values[(n - 1) / 2]! : (values[n / 2 - 1]! + values[n / 2]!) / 2;
  return { byClient, mean, median, eligibleClients: n };
}

/** @returns the first Monday of a month `YYYY-MM`, where the indicator's period often starts. */
export function firstMondayOf(month: string): string {
  let d = `${month}-01`;
  for (let i = 0; i < 7; i++) {
    const [y, mo, day] = d.split('-').map(Number) as [number, number, number];
    if (new Date(Date.UTC(y, mo - 1, day)).getUTCDay() === 1) return d;
    d = addDays(d, 1);
  }
  return d;
}
