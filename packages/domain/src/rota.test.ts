import { describe, expect, it } from 'vitest';
import { isoWeekNumber, rotaFromShifts, rotaShiftsOn, weekParity } from './rota.js';

describe('two-week rota', () => {
  it('numbers ISO weeks, across year ends', () => {
    expect(isoWeekNumber('2026-11-25')).toBe(48);
    expect(isoWeekNumber('2027-01-01')).toBe(53); // a Friday in ISO week 53 of 2026
    expect(isoWeekNumber('2027-01-04')).toBe(1);
    expect(isoWeekNumber('2024-12-30')).toBe(1); // a Monday in ISO week 1 of 2025
  });

  it('learns alternating weekends and repeats them two weeks later', () => {
    // Works Saturday 21 November (week 47), off Saturday 28 November (week 48).
    const rota = rotaFromShifts([
      { staffId: 'anna', date: '2026-11-21', start: '08:00', end: '15:00', breakMin: 30 },
      { staffId: 'anna', date: '2026-11-23', start: '07:00', end: '16:00', breakMin: 30 },
      { staffId: 'anna', date: '2026-11-30', start: '07:00', end: '16:00', breakMin: 30 },
    ]);
    expect(weekParity('2026-11-21')).not.toBe(weekParity('2026-11-28'));
    // Same as the ISO week number's parity today (week 48), and still alternating after week 53.
    expect(weekParity('2026-11-25')).toBe(isoWeekNumber('2026-11-25') % 2);
    expect(weekParity('2026-12-28')).toBe(1); // ISO 2026-W53
    expect(weekParity('2027-01-04')).toBe(0); // ISO 2027-W01: the other week, though 1 is odd too
    expect(weekParity('2027-01-11')).toBe(1);
    expect(rotaShiftsOn(rota, '2026-12-05').map((r) => r.start)).toEqual(['08:00']); // week 49, like 47
    expect(rotaShiftsOn(rota, '2026-12-12')).toEqual([]); // week 50, like 48
    expect(rotaShiftsOn(rota, '2026-12-07').map((r) => r.end)).toEqual(['16:00']);
  });
});
