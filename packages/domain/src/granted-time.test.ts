import { describe, expect, it } from 'vitest';
import { followUpDirection, grantedMinutesByService } from './granted-time.js';

describe('granted time over a period', () => {
  const decision = { validFrom: '2026-11-01', validTo: null, services: [{ serviceType: 'personal_care', hoursPerMonth: 30 }, { serviceType: 'service', hoursPerMonth: 3 }] };
  it('gives 14 days of a 30-day month 14/30 of the monthly hours', () => {
    // personal care 30 h × 60 × 14 / 30 = 840 min; service 3 h × 60 × 14 / 30 = 84 min
    expect(grantedMinutesByService([decision], '2026-11-11', '2026-11-24')).toEqual({ personal_care: 840, service: 84 });
  });
  it('counts only the days a decision is valid, each month by its own length', () => {
    // 2026-11-30 (1/30 of 1 800 = 60 min) and 2026-12-01 (1/31 of 1 800 = 58.06 min) -> 118 min
    expect(grantedMinutesByService([{ ...decision, validTo: '2026-12-01' }], '2026-11-30', '2026-12-05').personal_care).toBe(118);
  });
});

describe('far below or above granted', () => {
  it('flags delivered time more than 25 % from granted, and exactly 25 % as within', () => {
    expect(followUpDirection(840, 630, 0.25)).toBe('within'); // 630 = 840 × 0.75
    expect(followUpDirection(840, 629, 0.25)).toBe('below');
    expect(followUpDirection(840, 1051, 0.25)).toBe('above'); // > 1 050
    expect(followUpDirection(0, 30, 0.25)).toBe('above');
  });
});
