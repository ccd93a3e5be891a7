// The month's fee: the lowest of the tariff for performed care, the national cap and the client's
// fee capacity (DOMAIN-FACTS.md, Fees; the cap is SoL 8 kap 5 §).
// Only delivered care is performed care: a visit the provider missed is never billed.
import { z } from 'zod';
import { minimumAmountOre, monthlyCapOre, roundOre, type FeeYearSettings, type Household } from './settings.js';

/** An individual change to the minimum amount: raised for a lasting extra need, lowered where a cost is covered. */
export const minimumAdjustment = z.object({
  kind: z.enum(['raise', 'lower']),
  amountKr: z.number().min(0).max(100_000),
  reason: z.string().min(1).max(500),
});
export type MinimumAdjustment = z.infer<typeof minimumAdjustment>;

/** What the client declared, per month: the basis of the fee capacity. */
export const feeBasis = z.object({
  household: z.enum(['single', 'couple']),
  /** Net income after tax per month, including housing supplement (bostadstillägg). */
  netIncomeKr: z.number().min(0).max(1_000_000),
  housingCostKr: z.number().min(0).max(1_000_000),
  adjustments: z.array(minimumAdjustment).max(20),
});
export type FeeBasis = z.infer<typeof feeBasis>;

/**
 * Avgiftsutrymme = net income (incl. housing supplement) − housing cost − minimibelopp, where the
 * minimum amount is raised or lowered by individual adjustments. Negative means no fee (0).
 * @returns the capacity in öre (never negative) and the minimum amount used
 */
export function feeCapacityOre(s: FeeYearSettings, basis: FeeBasis): { capacityOre: number; minimumOre: number } {
  let minimumOre = minimumAmountOre(s, basis.household as Household);
  for (const a of basis.adjustments) minimumOre += (a.kind === 'raise' ? 1 : -1) * Math.round(a.amountKr * 100);
  minimumOre = Math.max(0, minimumOre);
  const capacity = Math.round(basis.netIncomeKr * 100) - Math.round(basis.housingCostKr * 100) - minimumOre;
  return { capacityOre: Math.max(0, capacity), minimumOre };
}

/** The three amounts a month's fee is the lowest of, frozen on an invoice so credits use the same figures. */
export interface FeeLimits {
  tariffPerHourOre: number;
  capOre: number;
  /** Null when the client has declared no income: the capacity does not limit the fee (the cap still does). */
  capacityOre: number | null;
  feeRounding: FeeYearSettings['feeRounding'];
}

/** @returns the limits for a year and an optional declared basis. */
export function feeLimits(s: FeeYearSettings, basis: FeeBasis | null): FeeLimits {
  return {
    tariffPerHourOre: Math.round(s.tariffPerHourKr * 100),
    capOre: monthlyCapOre(s),
    capacityOre: basis ? feeCapacityOre(s, basis).capacityOre : null,
    feeRounding: s.feeRounding,
  };
}

export type FeeLimitedBy = 'tariff' | 'cap' | 'capacity';

export interface MonthFee {
  /** Tariff × performed hours, rounded. */
  tariffAmountOre: number;
  feeOre: number;
  /** Which of the three decided the fee (the tariff on a tie, as it is what the care cost). */
  limitedBy: FeeLimitedBy;
}

/**
 * @param deliveredMin - minutes of performed care in the month (done visits only)
 * @param limits - tariff, cap and capacity of the month
 * @returns the fee: the lowest of tariff amount, cap and capacity
 */
export function monthFee(deliveredMin: number, limits: FeeLimits): MonthFee {
  const tariffAmountOre = roundOre((deliveredMin * limits.tariffPerHourOre) / 60, limits.feeRounding);
  let feeOre = tariffAmountOre;
  let limitedBy: FeeLimitedBy = 'tariff';
  if (limits.capOre < feeOre) {
    feeOre = limits.capOre;
    limitedBy = 'cap';
  }
  if (limits.capacityOre !== null && limits.capacityOre < feeOre) {
    // Rounded down: a fee never takes more than the capacity leaves.
    feeOre = roundOre(limits.capacityOre, { ...limits.feeRounding, mode: 'floor' });
    limitedBy = 'capacity';
  }
  return { tariffAmountOre, feeOre, limitedBy };
}

/** A visit billed on a sent invoice that has since turned out not to have been delivered. */
export interface CreditCandidate {
  visitId: string;
  date: string;
  /** Minutes it was billed for. */
  billedMin: number;
  reason: string;
}

export interface SentMonth {
  /** Minutes billed on the sent invoice. */
  billedMin: number;
  /** The fee charged on it. */
  feeOre: number;
  limits: FeeLimits;
  /** Credits already given for this month on earlier sent invoices. */
  creditedOre: number;
  /** Minutes already credited for this month. */
  creditedMin: number;
}

export interface CreditLine {
  visitId: string;
  date: string;
  minutes: number;
  amountOre: number;
  reason: string;
}

/**
 * Credits for visits found missed after their month's invoice was sent. The month's fee is
 * recomputed with the same frozen limits and the missed minutes taken away; the difference, less
 * what was already credited, is shared among the visits in date order. A client already at the
 * cap or capacity may get a line with 0 kr: the reason is still shown.
 * @returns one credit line per candidate
 */
export function creditsForMonth(sent: SentMonth, candidates: readonly CreditCandidate[]): CreditLine[] {
  const ordered = [...candidates].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.visitId < b.visitId ? -1 : 1));
  const missedMin = ordered.reduce((a, c) => a + c.billedMin, 0);
  const remainingMin = Math.max(0, sent.billedMin - sent.creditedMin - missedMin);
  const owed = sent.feeOre - monthFee(remainingMin, sent.limits).feeOre - sent.creditedOre;
  let left = Math.max(0, owed);
  return ordered.map((c) => {
    const byTariff = roundOre((c.billedMin * sent.limits.tariffPerHourOre) / 60, sent.limits.feeRounding);
    const amountOre = Math.min(byTariff, left);
    left -= amountOre;
    return { visitId: c.visitId, date: c.date, minutes: c.billedMin, amountOre, reason: c.reason };
  });
}
