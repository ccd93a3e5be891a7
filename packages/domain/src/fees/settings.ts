// The fee rules' yearly figures as data: price base amount, minimum-amount factors, the tariff
// and how each amount is rounded. Nothing here is a constant of the law: a new year is a new row.
import { z } from 'zod';

export const roundingModes = ['nearest', 'floor', 'ceil'] as const;
export type RoundingMode = (typeof roundingModes)[number];

/** How an amount is rounded: to a step in öre (100 = whole kronor) with a mode. */
export const rounding = z.object({
  mode: z.enum(roundingModes),
  stepOre: z.number().int().min(1).max(10_000),
});
export type Rounding = z.infer<typeof rounding>;

/** One year's fee figures. Money in whole kronor where the sources state kronor. */
export const feeYearSettings = z.object({
  year: z.number().int().min(2000).max(2100),
  /** Prisbasbelopp of the year, e.g. 59 200 kr for 2026. */
  priceBaseAmountKr: z.number().int().min(10_000).max(200_000),
  /** SoL 8 kap 5 §: the monthly cap is 1/12 × this factor × prisbasbelopp (0.5392 in DOMAIN-FACTS). */
  capFactor: z.number().min(0).max(2),
  /** Minimibelopp factors per year: 1/12 × factor × prisbasbelopp, for a single person and for each of a couple. */
  minimumFactorSingle: z.number().min(0).max(5),
  minimumFactorCouple: z.number().min(0).max(5),
  /** The municipality's tariff per performed hour of home care, in kronor. */
  tariffPerHourKr: z.number().min(0).max(10_000),
  capRounding: rounding,
  minimumRounding: rounding,
  /** Rounding of the month's fee and of each credit. */
  feeRounding: rounding,
  /** Where the figures come from, shown to finance. */
  source: z.string().max(2000),
});
export type FeeYearSettings = z.infer<typeof feeYearSettings>;

/** @returns `amountOre` rounded as the year's data says. */
export function roundOre(amountOre: number, r: Rounding): number {
  const q = amountOre / r.stepOre;
  // A tiny epsilon keeps 2 574.999999 (floating point) from rounding down under 'nearest'.
  const n = r.mode === 'floor' ? Math.floor(q + 1e-9) : r.mode === 'ceil' ? Math.ceil(q - 1e-9) : Math.round(q + 1e-9);
  return n * r.stepOre;
}

/**
 * The national monthly cap (maxtaxa) for home care: 1/12 × capFactor × prisbasbelopp
 * (SoL 8 kap 5 §; DOMAIN-FACTS: 0.5392, 2026 59 200 kr -> 2 660 kr).
 * @returns the cap in öre
 */
export function monthlyCapOre(s: FeeYearSettings): number {
  return roundOre((s.capFactor * s.priceBaseAmountKr * 100) / 12, s.capRounding);
}

export type Household = 'single' | 'couple';

/**
 * Minimibelopp: 1/12 × factor × prisbasbelopp for the household type (factors are the year's
 * data, DOMAIN-FACTS: 2024 7 062 kr single, 5 762 kr each of a couple).
 * @returns the minimum amount in öre, before individual adjustments
 */
export function minimumAmountOre(s: FeeYearSettings, household: Household): number {
  const factor = household === 'single' ? s.minimumFactorSingle : s.minimumFactorCouple;
  return roundOre((factor * s.priceBaseAmountKr * 100) / 12, s.minimumRounding);
}

/**
 * The years Tillit ships with (DOMAIN-FACTS.md, Fees). The minimum factors 1.4789 / 1.2066 are
 * implied by published 2024 amounts and marked unverified there; the tariff 246 kr per performed
 * hour is one municipality's example. Both are for the municipality to confirm and change.
 */
export const defaultFeeYears: readonly FeeYearSettings[] = [2024, 2025, 2026].map((year) => ({
  year,
  priceBaseAmountKr: ({ 2024: 57_300, 2025: 58_800, 2026: 59_200 } as Record<number, number>)[year]!,
  capFactor: 0.5392,
  minimumFactorSingle: 1.4789,
  minimumFactorCouple: 1.2066,
  tariffPerHourKr: 246,
  capRounding: { mode: 'nearest', stepOre: 100 },
  minimumRounding: { mode: 'nearest', stepOre: 100 },
  feeRounding: { mode: 'nearest', stepOre: 100 },
  source:
    'Prisbasbelopp and cap factor: SoL 8 kap 5 §, DOMAIN-FACTS.md. Minimibelopp factors 1.4789/1.2066: implied by ' +
    'published 2024 amounts (unverified). Tariff 246 kr per performed hour: example municipality; confirm locally.',
}));
