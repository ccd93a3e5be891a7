import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http.js';
import en from './i18n.en.json';
import sv from './i18n.sv.json';
import {
  allWeights, apiFigures, everydayWeights, formErrors, formFigures, percentOfShare, shareOfPercent, weightErrors, type FormFigures,
} from './planning-weights.js';
import type { PlanningWeights } from './types.js';

const defaults: PlanningWeights = {
  travelPerMin: 1, notFixedContact: 13, continuityTarget: 0.92, notKnownStaff: 1, noFirstLanguage: 10, noLanguage: 30,
  unfairLoadPerMin: 0.05, movedFromPrevious: 200, slackMin: 0, unassignedNormal: 2000,
};
const maxima: PlanningWeights = {
  travelPerMin: 10, notFixedContact: 240, continuityTarget: 1, notKnownStaff: 240, noFirstLanguage: 240, noLanguage: 240,
  unfairLoadPerMin: 5, movedFromPrevious: 2000, slackMin: 30, unassignedNormal: 100_000,
};
/** The maxima as the form has them: the continuity target's 1 is 100 %. */
const formMaxima: FormFigures = { ...maxima, continuityTarget: 100 };
const refused = (errors: { pointer: string; detail: string }[]) =>
  new ApiError({ type: 'https://tillit.example/problems/validation', title: 'Bad request', status: 400, detail: 'The request is not valid', errors });

describe('the planning weights on the board', () => {
  it('lists every weight once, everyday or advanced, and explains each in both languages', () => {
    expect([...allWeights].sort()).toEqual(Object.keys(defaults).sort());
    for (const k of allWeights) {
      for (const bundle of [sv, en]) {
        const w = (bundle.weights.weight as Record<string, { label?: string; means?: string; unit?: string }>)[k];
        expect(w?.label, k).toBeTruthy();
        expect(w?.means, k).toBeTruthy();
        expect(typeof w?.unit, k).toBe('string');
      }
    }
  });

  it('shows the continuity target right after the fixed contact, not under "Avancerat", and says what a target of 0 means', () => {
    expect(everydayWeights.indexOf('continuityTarget')).toBe(everydayWeights.indexOf('notFixedContact') + 1);
    for (const bundle of [sv, en]) {
      expect(bundle.weights.weight.continuityTarget.unit).toBe('%');
      expect(bundle.weights.weight.continuityTarget.off).toBeTruthy();
      expect(bundle.weights.error.percent).toContain('{{max}}');
    }
  });

  it('turns the share the API takes into the whole percent the form shows, and back, for every whole percent', () => {
    expect(percentOfShare(0.95)).toBe(95);
    // 0.29 × 100 is 28.999999999999996 in binary; the form shows 29.
    expect(0.29 * 100).not.toBe(29);
    expect(percentOfShare(0.29)).toBe(29);
    expect(percentOfShare(0)).toBe(0);
    expect(percentOfShare(1)).toBe(100);
    // A share given to the API with a finer figure is shown as it is, not rounded to a whole percent.
    expect(percentOfShare(0.925)).toBe(92.5);
    expect(shareOfPercent(95)).toBe(0.95);
    expect(shareOfPercent(Number.NaN)).toBeNaN();
    for (let p = 0; p <= 100; p++) {
      // The share is the very number its decimal literal is: 7 % is 0.07, not 0.07000000000000001.
      const literal = p === 100 ? 1 : Number(`0.${String(p).padStart(2, '0')}`);
      expect(shareOfPercent(p), `${p} %`).toBe(literal);
      expect(percentOfShare(shareOfPercent(p)), `${p} %`).toBe(p);
    }
  });

  it('gives the form the figures only, the continuity target in percent, and the API the share again', () => {
    const answer = { ...defaults, continuityTarget: 0.95, own: true, canChange: true } as PlanningWeights;
    const form = formFigures(answer);
    expect(form).toEqual({ ...defaults, continuityTarget: 95 });
    expect(apiFigures(form)).toEqual({ ...defaults, continuityTarget: 0.95 });
    expect(apiFigures({ ...form, continuityTarget: 90 }).continuityTarget).toBe(0.9);
    expect(formFigures(defaults).continuityTarget).toBe(92);
    expect(formFigures(maxima)).toEqual(formMaxima);
  });

  it('refuses a percent that is not whole before sending, and leaves an emptied field to the server', () => {
    const form = formFigures(defaults);
    expect(formErrors({ ...form, continuityTarget: 92.5 }, formMaxima)).toEqual({ continuityTarget: { key: 'percent', params: { max: 100 } } });
    expect(formErrors({ ...form, continuityTarget: 95 }, formMaxima)).toEqual({});
    expect(formErrors({ ...form, continuityTarget: Number.NaN }, formMaxima)).toEqual({});
    // Only percents must be whole: minutes may have decimals.
    expect(formErrors({ ...form, slackMin: 2.5 }, formMaxima)).toEqual({});
  });

  it("says per field what was wrong, from the value sent: empty, out of range, or no language below the first language", () => {
    const sent = { ...formFigures(defaults), notFixedContact: 300, slackMin: Number.NaN, noFirstLanguage: 20, noLanguage: 10 };
    const { fields, other } = weightErrors(refused([
      { pointer: '/body/notFixedContact', detail: 'Too big: expected number to be <=240' },
      { pointer: '/body/slackMin', detail: 'Invalid input: expected number, received null' },
      { pointer: '/body/noLanguage', detail: 'must be at least noFirstLanguage (20)' },
      { pointer: '/body', detail: 'Unrecognized key: "distancePerKm"' },
    ]), sent, formMaxima);
    expect(fields).toEqual({
      notFixedContact: { key: 'range', params: { max: 240 } },
      slackMin: { key: 'number', params: {} },
      noLanguage: { key: 'noLanguage', params: { value: 20 } },
    });
    expect(other).toEqual(['Unrecognized key: "distancePerKm"']);
  });

  it('says a refused continuity target must be a whole percent from 0 to 100, not a share up to 1', () => {
    for (const continuityTarget of [150, -10]) {
      const sent = { ...formFigures(defaults), continuityTarget };
      const { fields } = weightErrors(refused([{ pointer: '/body/continuityTarget', detail: 'Too big: expected number to be <=1' }]), sent, formMaxima);
      expect(fields, `${continuityTarget} %`).toEqual({ continuityTarget: { key: 'percent', params: { max: 100 } } });
    }
    const emptied = { ...formFigures(defaults), continuityTarget: Number.NaN };
    expect(weightErrors(refused([{ pointer: '/body/continuityTarget', detail: 'Invalid input' }]), emptied, formMaxima).fields)
      .toEqual({ continuityTarget: { key: 'number', params: {} } });
  });

  it('names no field for a refusal that is not about the figures', () => {
    const forbidden = new ApiError({ type: 'https://tillit.example/problems/forbidden', title: 'Forbidden', status: 403, detail: 'No' });
    expect(weightErrors(forbidden, formFigures(defaults), formMaxima)).toEqual({ fields: {}, other: [] });
  });
});
