import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inIntervalWeek, occurrencesOn } from './care-plan-occurrences.js';
import { isoWeekNumber } from './rota.js';
import { addDays, isoWeekday } from './time.js';

const plan = {
  clientId: 'c1',
  visits: [
    { id: 'v-eve', title: 'Kväll', serviceType: 'personal_care' as const, weekdays: [1, 2, 3, 4, 5, 6, 7], windowStart: '19:00', windowEnd: '20:00', durationMin: 20, tasks: [], skills: ['care' as const], staffCount: 1 as const, videoAllowed: false },
    { id: 'v-shower', title: 'Dusch', serviceType: 'personal_care' as const, weekdays: [3], windowStart: '09:00', windowEnd: '11:00', durationMin: 45, tasks: ['Dusch'], skills: ['care' as const, 'double' as const], staffCount: 2 as const, videoAllowed: false },
    { id: 'v-med', title: 'Medicinpåminnelse', serviceType: 'medication' as const, weekdays: [1, 2, 3, 4, 5], windowStart: '12:00', windowEnd: '12:30', durationMin: 10, tasks: [], skills: ['medication' as const], staffCount: 1 as const, videoAllowed: true },
  ],
};

describe('care plan occurrences', () => {
  it('gives a Wednesday its shower, medication call and evening visit, earliest first', () => {
    const day = occurrencesOn(plan, '2026-11-25', null); // a Wednesday
    expect(day.map((o) => o.carePlanVisitId)).toEqual(['v-shower', 'v-med', 'v-eve']);
    expect(day[0]!.staffCount).toBe(2);
    expect(day[1]!.video).toBe(true);
  });
  it('gives a Sunday only the daily visit', () => {
    expect(occurrencesOn(plan, '2026-11-29', null).map((o) => o.carePlanVisitId)).toEqual(['v-eve']);
  });
  it('gives nothing outside the decision\'s validity', () => {
    expect(occurrencesOn(plan, '2026-11-25', { validFrom: '2026-12-01', validTo: null })).toEqual([]);
    expect(occurrencesOn(plan, '2026-11-25', { validFrom: '2026-01-01', validTo: '2026-11-24' })).toEqual([]);
    expect(occurrencesOn(plan, '2026-11-25', { validFrom: '2026-01-01', validTo: '2026-11-25' })).toHaveLength(3);
  });
});

describe('visits every other week or rarer', () => {
  // Cleaning on Wednesdays every other week, anchored in ISO week 51 of 2026 (Wednesday 16 December).
  const cleaning = { id: 'v-clean', title: 'Städning', serviceType: 'service' as const, weekdays: [3], windowStart: '09:00', windowEnd: '11:00', durationMin: 60, tasks: [], skills: ['service' as const], staffCount: 1 as const, videoAllowed: false, intervalWeeks: 2, weekAnchor: '2026-12-16' };
  const cleaningPlan = { clientId: 'c1', visits: [cleaning] };
  const on = (date: string) => occurrencesOn(cleaningPlan, date, null).length;

  it('comes every 14 days across the new year, though 2026 has a week 53', () => {
    // 2026-12-28 is the Monday of week 53, and 2027-01-04 the Monday of week 1: both weeks are odd.
    expect(isoWeekNumber('2026-12-30')).toBe(53);
    expect(isoWeekNumber('2027-01-06')).toBe(1);
    // w51 yes, w52 no, w53 yes, w1 no (parity would have said yes: two odd weeks running), w2 yes.
    expect(['2026-12-16', '2026-12-23', '2026-12-30', '2027-01-06', '2027-01-13'].map(on)).toEqual([1, 0, 1, 0, 1]);
  });
  it('counts back from the anchor as well as forward', () => {
    // 2026-12-16 - 14 days = 2026-12-02, - 7 more = 2026-11-25 (not).
    expect(['2026-12-02', '2026-11-25'].map(on)).toEqual([1, 0]);
  });
  it('takes the anchor as its whole week, whichever day of it is named', () => {
    // Sunday 2026-12-20 is in week 51 like Wednesday 2026-12-16, so the same Wednesdays follow.
    const sundayAnchor = { ...cleaningPlan, visits: [{ ...cleaning, weekAnchor: '2026-12-20' }] };
    expect(['2026-12-16', '2026-12-23', '2026-12-30'].map((d) => occurrencesOn(sundayAnchor, d, null).length)).toEqual([1, 0, 1]);
  });
  it('comes every third week from the anchor: 16 December, 6 January, 27 January', () => {
    const third = { intervalWeeks: 3, weekAnchor: '2026-12-16' };
    expect(['2026-12-16', '2026-12-23', '2026-12-30', '2027-01-06', '2027-01-13', '2027-01-20', '2027-01-27'].map((d) => inIntervalWeek(third, d)))
      .toEqual([true, false, false, true, false, false, true]);
  });
  it('is every week without an interval', () => {
    expect(inIntervalWeek({}, '2026-12-23')).toBe(true);
    expect(inIntervalWeek({ intervalWeeks: 1, weekAnchor: '2026-12-16' }, '2026-12-23')).toBe(true);
  });
  it('occurs exactly once in every N consecutive weeks on its weekday', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2020-01-01', n));
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), day, day, fc.integer({ min: 1, max: 7 }), (n, anchor, start, wd) => {
      const plan = { clientId: 'c', visits: [{ ...cleaning, weekdays: [wd], intervalWeeks: n, weekAnchor: anchor }] };
      // The N weeks from the Monday of start's week.
      const monday = addDays(start, 1 - isoWeekday(start));
      let count = 0;
      for (let i = 0; i < 7 * n; i++) count += occurrencesOn(plan, addDays(monday, i), null).length;
      return count === 1;
    }));
  });
});
