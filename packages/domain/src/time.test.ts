import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromMinutes, isoDate, isoWeekday, timeOfDay, toMinutes, weekIndex } from './time.js';

describe('local times and dates', () => {
  it('counts weeks without a break, Monday to Sunday, across an ISO week 53', () => {
    expect(weekIndex('1970-01-05')).toBe(0);
    expect(weekIndex('1970-01-11')).toBe(0);
    expect(weekIndex('1970-01-12')).toBe(1);
    expect(weekIndex('2027-01-04') - weekIndex('2026-12-28')).toBe(1);
  });

  it('reads HH:MM as minutes after midnight', () => {
    expect(toMinutes('00:00')).toBe(0);
    expect(toMinutes('08:30')).toBe(510); // 8 × 60 + 30
    expect(toMinutes('23:59')).toBe(1439);
  });

  it('rejects times that do not exist', () => {
    for (const bad of ['24:00', '25:00', '8:30', '08:60', '0830', '']) expect(timeOfDay.safeParse(bad).success).toBe(false);
    expect(() => toMinutes('25:00')).toThrow(RangeError);
  });

  it('round-trips every minute of the day', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1439 }), (m) => toMinutes(fromMinutes(m)) === m));
  });

  it('rejects dates that are not on the calendar', () => {
    expect(isoDate.safeParse('2026-02-29').success).toBe(false);
    expect(isoDate.safeParse('2028-02-29').success).toBe(true);
    expect(isoDate.safeParse('2026-13-01').success).toBe(false);
  });

  it('knows the ISO weekday: 25 November 2026 is a Wednesday', () => {
    expect(isoWeekday('2026-11-25')).toBe(3);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });

  it('adds days across months and years, and counts them back', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    fc.assert(fc.property(fc.integer({ min: -800, max: 800 }), (n) => daysBetween('2026-11-25', addDays('2026-11-25', n)) === n));
  });
});
