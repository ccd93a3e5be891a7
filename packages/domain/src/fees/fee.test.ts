import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { creditsForMonth, feeCapacityOre, feeLimits, monthFee, type FeeBasis } from './fee.js';
import { composeInvoice, settingsForMonth, type BillableVisit } from './invoice.js';
import { defaultFeeYears, minimumAmountOre, monthlyCapOre, roundOre } from './settings.js';

const y2024 = settingsForMonth(defaultFeeYears, '2024-05');
const y2025 = settingsForMonth(defaultFeeYears, '2025-05');
const y2026 = settingsForMonth(defaultFeeYears, '2026-11');
const kr = (ore: number) => ore / 100;

describe('the monthly cap (maxtaxa, SoL 8 kap 5 §)', () => {
  it('is 1/12 × 0.5392 × prisbasbelopp, rounded to whole kronor, for each year in DOMAIN-FACTS', () => {
    // 2026: 59 200 × 0.5392 = 31 920.64; / 12 = 2 660.05 -> 2 660 kr
    expect(kr(monthlyCapOre(y2026))).toBe(2660);
    // 2024: 57 300 × 0.5392 = 30 896.16; / 12 = 2 574.68 -> 2 575 kr
    expect(kr(monthlyCapOre(y2024))).toBe(2575);
    // 2025: 58 800 × 0.5392 = 31 704.96; / 12 = 2 642.08 -> 2 642 kr (derived)
    expect(kr(monthlyCapOre(y2025))).toBe(2642);
  });

  it('follows the rounding stored for the year, not a rule in code', () => {
    expect(kr(monthlyCapOre({ ...y2024, capRounding: { mode: 'floor', stepOre: 100 } }))).toBe(2574);
    // Up to the next 10 kr: 2 574.68 -> 2 580
    expect(roundOre(257_468, { mode: 'ceil', stepOre: 1000 })).toBe(258_000);
  });

  it('refuses a month whose year has no figures instead of guessing', () => {
    expect(() => settingsForMonth(defaultFeeYears, '2027-01')).toThrow(DomainError);
  });
});

describe('the minimum amount (minimibelopp)', () => {
  it('matches the published 2024 amounts: 7 062 kr single, 5 762 kr each of a couple', () => {
    // 57 300 × 1.4789 / 12 = 7 061.75 -> 7 062; 57 300 × 1.2066 / 12 = 5 761.52 -> 5 762
    expect(kr(minimumAmountOre(y2024, 'single'))).toBe(7062);
    expect(kr(minimumAmountOre(y2024, 'couple'))).toBe(5762);
  });
  it('is 7 296 kr for a single person in 2026', () => {
    // 59 200 × 1.4789 = 87 550.88; / 12 = 7 295.91 -> 7 296
    expect(kr(minimumAmountOre(y2026, 'single'))).toBe(7296);
  });
});

describe('fee capacity (avgiftsutrymme)', () => {
  const basis: FeeBasis = { household: 'single', netIncomeKr: 14_500, housingCostKr: 5_200, adjustments: [] };
  it('is net income − housing cost − minimum amount', () => {
    // 14 500 − 5 200 − 7 296 = 2 004 kr
    expect(kr(feeCapacityOre(y2026, basis).capacityOre)).toBe(2004);
  });
  it('grows the minimum amount for a lasting extra need and shrinks it for a covered cost', () => {
    const diet = { ...basis, adjustments: [{ kind: 'raise' as const, amountKr: 500, reason: 'Specialkost' }] };
    // 14 500 − 5 200 − (7 296 + 500) = 1 504 kr
    expect(kr(feeCapacityOre(y2026, diet).capacityOre)).toBe(1504);
    const meals = { ...basis, adjustments: [{ kind: 'lower' as const, amountKr: 300, reason: 'Måltider ingår' }] };
    // 14 500 − 5 200 − (7 296 − 300) = 2 304 kr
    expect(kr(feeCapacityOre(y2026, meals).capacityOre)).toBe(2304);
  });
  it('is zero, never negative, when the income does not cover housing and the minimum amount', () => {
    // 9 000 − 4 000 − 7 296 = −2 296 -> no fee
    expect(feeCapacityOre(y2026, { ...basis, netIncomeKr: 9_000, housingCostKr: 4_000 }).capacityOre).toBe(0);
  });
});

describe('the month fee: the lowest of tariff, cap and capacity', () => {
  const withIncome: FeeBasis = { household: 'single', netIncomeKr: 14_500, housingCostKr: 5_200, adjustments: [] };
  it('charges the tariff for 5 h 30 min of performed care: 5.5 × 246 = 1 353 kr', () => {
    expect(monthFee(330, feeLimits(y2026, null))).toEqual({ tariffAmountOre: 135_300, feeOre: 135_300, limitedBy: 'tariff' });
  });
  it('stops at the cap: 12 h × 246 = 2 952 kr > 2 660 kr', () => {
    expect(monthFee(720, feeLimits(y2026, null))).toEqual({ tariffAmountOre: 295_200, feeOre: 266_000, limitedBy: 'cap' });
  });
  it('stops at the capacity: 10 h × 246 = 2 460 kr, capacity 2 004 kr', () => {
    expect(monthFee(600, feeLimits(y2026, withIncome))).toEqual({ tariffAmountOre: 246_000, feeOre: 200_400, limitedBy: 'capacity' });
  });
  it('charges nothing when the capacity is negative, and nothing for no delivered care', () => {
    expect(monthFee(600, feeLimits(y2026, { ...withIncome, netIncomeKr: 9_000, housingCostKr: 4_000 })).feeOre).toBe(0);
    expect(monthFee(0, feeLimits(y2026, withIncome)).feeOre).toBe(0);
  });
  it('rounds the tariff amount as the year says: 25 min × 4.10 kr = 102.50 -> 103 kr', () => {
    expect(monthFee(25, feeLimits(y2026, null)).feeOre).toBe(10_300);
  });
});

describe('credits for visits found missed after the invoice was sent', () => {
  const limits = feeLimits(y2026, null);
  const missed = (visitId: string, date: string, billedMin: number) => ({ visitId, date, billedMin, reason: 'Ingen kom.' });
  it('credits the tariff of a missed 30-minute visit below the cap: 30 × 4.10 = 123 kr', () => {
    // Billed 600 min = 2 460 kr; without the visit 570 min = 2 337 kr; credit 123 kr.
    const lines = creditsForMonth({ billedMin: 600, feeOre: 246_000, limits, creditedOre: 0, creditedMin: 0 }, [missed('v1', '2026-11-03', 30)]);
    expect(lines).toEqual([{ visitId: 'v1', date: '2026-11-03', minutes: 30, amountOre: 12_300, reason: 'Ingen kom.' }]);
  });
  it('gives a 0 kr line with the reason when the client stays at the cap anyway', () => {
    // Billed 720 min (2 952 kr, capped at 2 660); without 30 min: 690 min = 2 829 kr, still capped.
    const lines = creditsForMonth({ billedMin: 720, feeOre: 266_000, limits, creditedOre: 0, creditedMin: 0 }, [missed('v1', '2026-11-03', 30)]);
    expect(lines[0]).toMatchObject({ amountOre: 0, reason: 'Ingen kom.' });
  });
  it('credits only down from the cap: 660 min capped at 2 660, minus 60 min = 2 460, credit 200 kr', () => {
    const lines = creditsForMonth({ billedMin: 660, feeOre: 266_000, limits, creditedOre: 0, creditedMin: 0 }, [missed('v1', '2026-11-03', 60)]);
    expect(lines[0]!.amountOre).toBe(20_000);
  });
  it('never credits twice: an earlier 123 kr credit is deducted', () => {
    // 600 billed, 30 credited before (123 kr), 30 more now: 540 min = 2 214 kr; 2 460 − 2 214 − 123 = 123 kr
    const lines = creditsForMonth({ billedMin: 600, feeOre: 246_000, limits, creditedOre: 12_300, creditedMin: 30 }, [missed('v2', '2026-11-04', 30)]);
    expect(lines[0]!.amountOre).toBe(12_300);
  });
});

describe('composing an invoice', () => {
  const visit = (visitId: string, status: string, actualStart: string | null, actualEnd: string | null): BillableVisit => ({
    visitId, date: '2026-12-02', status, durationMin: 30, staffCount: 1, actualStart, actualEnd, shownStart: actualStart ?? '08:00', staffNames: ['Anna T'],
  });
  it('bills done visits only (real time when recorded) and subtracts credits for earlier months', () => {
    const inv = composeInvoice('2026-12', [
      visit('a', 'done', '08:05', '08:40'), // 35 min real time
      visit('b', 'done', null, null), // 30 min planned
      visit('c', 'missed', null, null),
      visit('d', 'cancelled', null, null),
    ], feeLimits(y2026, null), [{
      month: '2026-11',
      sent: { billedMin: 600, feeOre: 246_000, limits: feeLimits(y2026, null), creditedOre: 0, creditedMin: 0 },
      candidates: [{ visitId: 'x', date: '2026-11-03', billedMin: 30, reason: 'Bilen startade inte.' }],
    }]);
    expect(inv.lines.map((l) => [l.visitId, l.minutes])).toEqual([['b', 30], ['a', 35]]);
    // 65 min × 246 / 60 = 266.50 -> 267 kr; credit 123 kr; total 144 kr
    expect(inv.fee.feeOre).toBe(26_700);
    expect(inv.creditOre).toBe(12_300);
    expect(inv.totalOre).toBe(14_400);
    expect(inv.credits[0]).toMatchObject({ month: '2026-11', reason: 'Bilen startade inte.' });
  });
});
