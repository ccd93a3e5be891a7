// One client's invoice for a month, composed from delivered visits and credits for earlier months.
// Pure: the server gathers the visits, the frozen figures of sent invoices and the year's settings.
import { DomainError } from '../errors.js';
import { visitDeliveredMinutes, type DeliveredVisit } from '../delivered-care.js';
import { creditsForMonth, monthFee, type CreditCandidate, type CreditLine, type FeeLimits, type MonthFee, type SentMonth } from './fee.js';
import type { FeeYearSettings } from './settings.js';

/** @returns the settings of the month's year; a missing year is an error naming it, never a guess. */
export function settingsForMonth(years: readonly FeeYearSettings[], month: string): FeeYearSettings {
  const year = Number(month.slice(0, 4));
  const s = years.find((y) => y.year === year);
  if (!s) throw new DomainError('fee-year-missing', `There are no fee settings for ${year}; add the year's figures first.`, '/params/month');
  return s;
}

export interface BillableVisit extends DeliveredVisit {
  visitId: string;
  date: string;
  /** Start shown on the invoice: the real start when recorded, else the planned start or window start. */
  shownStart: string;
  staffNames: string[];
}

export interface VisitLine {
  visitId: string;
  date: string;
  start: string;
  staffNames: string[];
  minutes: number;
}

export interface EarlierMonthCredits {
  month: string;
  sent: SentMonth;
  candidates: readonly CreditCandidate[];
}

export interface ComposedInvoice {
  month: string;
  lines: VisitLine[];
  deliveredMin: number;
  fee: MonthFee;
  credits: (CreditLine & { month: string })[];
  creditOre: number;
  /** Fee less credits; negative means money back to the client. */
  totalOre: number;
}

/**
 * Compose a month's invoice: every done visit as a line (real time when recorded, else planned),
 * the fee as the lowest of tariff, cap and capacity, and credits for visits billed on earlier sent
 * invoices that were later found missed.
 * @param visits - the client's visits of the month, any status; only done visits are billed
 */
export function composeInvoice(month: string, visits: readonly BillableVisit[], limits: FeeLimits, earlier: readonly EarlierMonthCredits[]): ComposedInvoice {
  const lines = visits
    .filter((v) => v.status === 'done')
    .map((v) => ({ visitId: v.visitId, date: v.date, start: v.shownStart, staffNames: v.staffNames, minutes: visitDeliveredMinutes(v) }))
    .sort((a, b) => (a.date + a.start + a.visitId < b.date + b.start + b.visitId ? -1 : 1));
  const deliveredMin = lines.reduce((a, l) => a + l.minutes, 0);
  const fee = monthFee(deliveredMin, limits);
  const credits = [...earlier]
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .flatMap((e) => creditsForMonth(e.sent, e.candidates).map((c) => ({ ...c, month: e.month })));
  const creditOre = credits.reduce((a, c) => a + c.amountOre, 0);
  return { month, lines, deliveredMin, fee, credits, creditOre, totalOre: fee.feeOre - creditOre };
}
