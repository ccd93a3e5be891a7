import { describe, expect, it } from 'vitest';
import { todayInStockholm } from './today.js';

describe('todayInStockholm', () => {
  it('is already tomorrow at 23:30 UTC in winter (CET, UTC+1)', () => {
    expect(todayInStockholm(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
  });

  it('turns at 22:00 UTC in summer (CEST, UTC+2)', () => {
    expect(todayInStockholm(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(todayInStockholm(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });
});
