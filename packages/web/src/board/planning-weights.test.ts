import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http.js';
import en from './i18n.en.json';
import sv from './i18n.sv.json';
import { allWeights, figuresOf, weightErrors } from './planning-weights.js';
import type { PlanningWeights } from './types.js';

const defaults: PlanningWeights = {
  travelPerMin: 1, notFixedContact: 15, notKnownStaff: 1, noFirstLanguage: 10, noLanguage: 30,
  unfairLoadPerMin: 0.05, movedFromPrevious: 200, slackMin: 0, unassignedNormal: 2000,
};
const maxima: PlanningWeights = {
  travelPerMin: 10, notFixedContact: 240, notKnownStaff: 240, noFirstLanguage: 240, noLanguage: 240,
  unfairLoadPerMin: 5, movedFromPrevious: 2000, slackMin: 30, unassignedNormal: 100_000,
};
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

  it('sends only the figures, not whose they are', () => {
    expect(figuresOf({ ...defaults, own: true, canChange: true } as PlanningWeights)).toEqual(defaults);
  });

  it("says per field what was wrong, from the value sent: empty, out of range, or no language below the first language", () => {
    const sent = { ...defaults, notFixedContact: 300, slackMin: Number.NaN, noFirstLanguage: 20, noLanguage: 10 };
    const { fields, other } = weightErrors(refused([
      { pointer: '/body/notFixedContact', detail: 'Too big: expected number to be <=240' },
      { pointer: '/body/slackMin', detail: 'Invalid input: expected number, received null' },
      { pointer: '/body/noLanguage', detail: 'must be at least noFirstLanguage (20)' },
      { pointer: '/body', detail: 'Unrecognized key: "distancePerKm"' },
    ]), sent, maxima);
    expect(fields).toEqual({
      notFixedContact: { key: 'range', params: { max: 240 } },
      slackMin: { key: 'number', params: {} },
      noLanguage: { key: 'noLanguage', params: { value: 20 } },
    });
    expect(other).toEqual(['Unrecognized key: "distancePerKm"']);
  });

  it('names no field for a refusal that is not about the figures', () => {
    const forbidden = new ApiError({ type: 'https://tillit.example/problems/forbidden', title: 'Forbidden', status: 403, detail: 'No' });
    expect(weightErrors(forbidden, defaults, maxima)).toEqual({ fields: {}, other: [] });
  });
});
