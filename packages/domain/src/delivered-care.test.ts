import { describe, expect, it } from 'vitest';
import { deliveredMinutes, grantedMinutesInMonth, monthBounds, visitDeliveredMinutes } from './delivered-care.js';

const done = { status: 'done', durationMin: 30, staffCount: 1, actualStart: null, actualEnd: null };

describe('delivered care', () => {
  it('counts the planned duration of a done visit without recorded times', () => {
    expect(visitDeliveredMinutes(done)).toBe(30);
  });
  it('counts the real time when both ends were recorded', () => {
    expect(visitDeliveredMinutes({ ...done, actualStart: '08:05', actualEnd: '08:47' })).toBe(42);
  });
  it('counts double staffing as two people\'s time', () => {
    expect(visitDeliveredMinutes({ ...done, staffCount: 2 })).toBe(60);
  });
  it('never counts a missed or cancelled visit', () => {
    expect(deliveredMinutes([done, { ...done, status: 'missed' }, { ...done, status: 'cancelled' }, { ...done, status: 'planned' }])).toBe(30);
  });
  it('knows the bounds of a month, leap years included', () => {
    expect(monthBounds('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(monthBounds('2026-11')).toEqual({ first: '2026-11-01', last: '2026-11-30' });
  });
  it('prorates a decision that starts mid-month', () => {
    // 30 h/month valid 16–30 November: 15 of 30 days → 15 h = 900 min.
    expect(grantedMinutesInMonth([{ validFrom: '2026-11-16', validTo: null, services: [{ hoursPerMonth: 30 }] }], '2026-11')).toBe(900);
  });
  it('adds a replaced and a replacing decision without counting a day twice', () => {
    // 10 h valid to 10 Nov (10 days), 20 h from 11 Nov (20 days): 10×10/30 + 20×20/30 = 16⅔ h = 1000 min.
    expect(grantedMinutesInMonth([
      { validFrom: '2026-01-01', validTo: '2026-11-10', services: [{ hoursPerMonth: 10 }] },
      { validFrom: '2026-11-11', validTo: null, services: [{ hoursPerMonth: 12 }, { hoursPerMonth: 8 }] },
    ], '2026-11')).toBe(1000);
  });
});
