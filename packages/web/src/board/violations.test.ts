import { describe, expect, it } from 'vitest';
import { violationWords, visitsNamed } from './violations.js';

const anna = '11111111-1111-4111-8111-111111111111';
const visit = '22222222-2222-4222-8222-222222222222';
const before = '33333333-3333-4333-8333-333333333333';
const names = {
  staff: (id: string) => (id === anna ? 'Anna Berg' : ''),
  visit: (id: string) => (id === visit ? 'Gun Öhman (08:00–09:00)' : id === before ? 'Bengt Björk (07:00–08:00)' : id),
};

describe('the checker\'s violations in words', () => {
  it('names the person, the visit and the window of a visit moved outside its window', () => {
    expect(violationWords(`${anna}: visit ${visit} starts 11:30, outside its window 08:00-09:00`, names)).toEqual({
      key: 'violation.outsideWindow',
      values: { staff: 'Anna Berg', visit: 'Gun Öhman (08:00–09:00)', start: '11:30', from: '08:00', to: '09:00' },
    });
  });

  it('tells an overlap after another visit from a late start after the shift begins', () => {
    const overlap = violationWords(`${anna}: visit ${visit} starts 08:00 but cannot arrive before 08:12 (7 min travel after visit ${before})`, names);
    expect(overlap.key).toBe('violation.cannotArrive');
    expect(overlap.values.after).toBe('Bengt Björk (07:00–08:00)');
    expect(violationWords(`${anna}: visit ${visit} starts 07:00 but cannot arrive before 07:09 (9 min travel after the shift start)`, names).key).toBe('violation.cannotArriveFromStart');
  });

  it('lists missing skills without quotes', () => {
    expect(violationWords(`${anna} lacks skill 'medication', 'double' for visit ${visit}`, names).values.skills).toBe('medication, double');
  });

  it('keeps an unknown sentence, with ids replaced by names', () => {
    expect(violationWords(`something new about ${anna}`, names)).toEqual({ key: 'violation.other', values: { text: 'something new about Anna Berg' } });
  });

  it('finds the visits a violation names', () => {
    expect(visitsNamed(`${anna}: visit ${visit} starts 11:30, outside its window 08:00-09:00`, new Set([visit]))).toEqual([visit]);
  });
});
