import { describe, expect, it } from 'vitest';
import { continuity, firstMondayOf, type ContinuityVisit } from './continuity.js';
import { addDays } from './time.js';

const start = '2026-11-02'; // the first Monday of November 2026

/** Two visits a day for 14 days; `who(day, n)` names the staff of visit n on that day. */
function fortnight(clientId: string, who: (day: number, n: number) => string[], times = ['08:00', '19:00']): ContinuityVisit[] {
  const out: ContinuityVisit[] = [];
  for (let d = 0; d < 14; d++) times.forEach((t, n) => out.push({ clientId, date: addDays(start, d), start: t, status: 'done', staffIds: who(d, n) }));
  return out;
}

describe('continuity (personalkontinuitet)', () => {
  it('counts distinct staff over 14 days: morning by Anna or Bo, evening by Cia → 3', () => {
    const visits = fortnight('c1', (d, n) => (n === 0 ? [d % 2 === 0 ? 'anna' : 'bo'] : ['cia']));
    const r = continuity([{ clientId: 'c1', birthYear: 1940 }], visits, start);
    expect(r.byClient.get('c1')).toBe(3);
    expect(r.mean).toBe(3);
  });

  it('counts both staff of a double-staffed visit', () => {
    const visits = fortnight('c1', (_d, n) => (n === 0 ? ['anna', 'bo'] : ['anna']));
    expect(continuity([{ clientId: 'c1', birthYear: 1940 }], visits, start).byClient.get('c1')).toBe(2);
  });

  it('leaves out visits before 07:00 or after 22:00, and visits not done', () => {
    const visits = [
      ...fortnight('c1', () => ['anna']),
      { clientId: 'c1', date: start, start: '06:30', status: 'done', staffIds: ['night'] },
      { clientId: 'c1', date: start, start: '22:30', status: 'done', staffIds: ['late'] },
      { clientId: 'c1', date: start, start: '12:00', status: 'missed', staffIds: ['ghost'] },
    ];
    expect(continuity([{ clientId: 'c1', birthYear: 1940 }], visits, start).byClient.get('c1')).toBe(1);
  });

  it('counts only clients aged 65+ with two visits every day of the period', () => {
    const young = fortnight('young', () => ['anna']);
    const oneDayShort = fortnight('short', () => ['anna']).filter((v) => !(v.date === addDays(start, 13) && v.start === '19:00'));
    const r = continuity([{ clientId: 'young', birthYear: 1970 }, { clientId: 'short', birthYear: 1935 }], [...young, ...oneDayShort], start);
    expect(r.eligibleClients).toBe(0);
    expect(r.mean).toBeNull();
    expect(continuity([{ clientId: 'short', birthYear: 1935 }], oneDayShort, start, true).byClient.get('short')).toBe(1);
  });

  it('reports mean and median: 2, 4 and 12 staff → mean 6, median 4', () => {
    const visits = [
      ...fortnight('a', (_d, n) => [n === 0 ? 's1' : 's2']),
      ...fortnight('b', (d, n) => [`s${(d + n) % 4}`]),
      ...fortnight('c', (d) => [`t${d % 12}`]),
    ];
    const r = continuity(['a', 'b', 'c'].map((clientId) => ({ clientId, birthYear: 1930 })), visits, start);
    expect([...r.byClient.values()].sort((x, y) => x - y)).toEqual([2, 4, 12]);
    expect(r.mean).toBe(6);
    expect(r.median).toBe(4);
  });

  it('finds the first Monday of a month', () => {
    expect(firstMondayOf('2026-11')).toBe('2026-11-02');
    expect(firstMondayOf('2026-06')).toBe('2026-06-01');
  });
});
