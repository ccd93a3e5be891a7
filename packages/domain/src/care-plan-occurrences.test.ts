import { describe, expect, it } from 'vitest';
import { occurrencesOn } from './care-plan-occurrences.js';

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
