import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakWindow, MAX_WORK_IN_A_ROW_MIN } from './breaks.js';

describe('break window (nobody works more than 5 h in a row)', () => {
  it('puts a day shift 07:00–16:00 with 30 min break between 10:30 and 12:00', () => {
    expect(breakWindow(7 * 60, 16 * 60, 30)).toEqual({ earliest: 10 * 60 + 30, latest: 12 * 60 });
  });
  it('gives a shift of at most 5 h, or with no break time, no break', () => {
    expect(breakWindow(16 * 60, 21 * 60, 30)).toBeNull();
    expect(breakWindow(7 * 60, 16 * 60, 0)).toBeNull();
  });
  it('keeps both stretches at most 5 h whenever the shift allows it', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 301, max: 630 }), fc.integer({ min: 15, max: 60 }), (start, length, brk) => {
      const w = breakWindow(start, start + length, brk);
      expect(w).not.toBeNull();
      expect(w!.earliest).toBeLessThanOrEqual(w!.latest);
      expect(w!.latest - start).toBeLessThanOrEqual(MAX_WORK_IN_A_ROW_MIN);
      if (length <= 2 * MAX_WORK_IN_A_ROW_MIN + brk - 0) {
        for (const b of [w!.earliest, w!.latest]) expect(start + length - (b + brk)).toBeLessThanOrEqual(MAX_WORK_IN_A_ROW_MIN);
      }
    }));
  });
});
