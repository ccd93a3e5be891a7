import { describe, expect, it } from 'vitest';
import { addDays, addMonths, localDate, monthOf } from './calendar.js';

describe('calendar', () => {
  it('takes the date in Stockholm, not in UTC, around midnight', () => {
    // 23:30 UTC on 24 November is 00:30 on 25 November in Stockholm (UTC+1 in winter).
    expect(localDate(new Date('2026-11-24T23:30:00Z'), 'Europe/Stockholm')).toBe('2026-11-25');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-11-25', 7)).toBe('2026-12-02');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('steps months across the new year', () => {
    expect(monthOf('2026-11-25')).toBe('2026-11');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
  });
});
