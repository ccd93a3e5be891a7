import { describe, expect, it } from 'vitest';
import type { DomainError } from './errors.js';
import { defaultMissedVisitSettings as s, settleVisit, visitFlag, type CheckedVisit } from './missed-visits.js';

const morning: CheckedVisit = { date: '2026-11-25', windowStart: '07:30', windowEnd: '09:00', status: 'planned', actualStart: null };
const at = (date: string, hhmm: string) => ({ date, minute: Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) });
const codeOf = (f: () => unknown) => {
  try { f(); } catch (e) { return (e as DomainError).code; }
  return null;
};

describe('possibly missed visits', () => {
  it('becomes possibly missed exactly 60 minutes after the window ends, not a minute before', () => {
    // window ends 09:00; +60 min = 10:00
    expect(visitFlag(morning, at('2026-11-25', '09:59'), s)).toBeNull();
    expect(visitFlag(morning, at('2026-11-25', '10:00'), s)).toBe('possibly_missed');
    expect(visitFlag(morning, at('2026-11-26', '00:00'), s)).toBe('possibly_missed');
  });
  it('counts across midnight for a late evening window', () => {
    const evening = { ...morning, windowStart: '22:00', windowEnd: '23:30' };
    // 23:30 + 60 min = 00:30 the next day
    expect(visitFlag(evening, at('2026-11-26', '00:29'), s)).toBeNull();
    expect(visitFlag(evening, at('2026-11-26', '00:30'), s)).toBe('possibly_missed');
  });
  it('never flags a future, done, missed or cancelled visit as possibly missed', () => {
    expect(visitFlag({ ...morning, date: '2026-11-26' }, at('2026-11-25', '23:59'), s)).toBeNull();
    expect(visitFlag({ ...morning, status: 'done', actualStart: '08:00' }, at('2026-11-26', '12:00'), s)).toBeNull();
    expect(visitFlag({ ...morning, status: 'missed' }, at('2026-11-26', '12:00'), s)).toBeNull();
    expect(visitFlag({ ...morning, status: 'cancelled' }, at('2026-11-26', '12:00'), s)).toBeNull();
  });
  it('uses the grace minutes passed in', () => {
    expect(visitFlag(morning, at('2026-11-25', '09:15'), { ...s, possiblyMissedAfterMin: 15 })).toBe('possibly_missed');
    expect(visitFlag(morning, at('2026-11-25', '09:00'), { ...s, possiblyMissedAfterMin: 0 })).toBe('possibly_missed');
  });
});

describe('late visits', () => {
  const done = (actualStart: string) => ({ ...morning, status: 'done', actualStart });
  it('is late when started more than 30 minutes after the window ends; exactly 30 is on time', () => {
    expect(visitFlag(done('09:30'), at('2026-11-25', '12:00'), s)).toBeNull();
    expect(visitFlag(done('09:31'), at('2026-11-25', '12:00'), s)).toBe('late');
    expect(visitFlag(done('07:00'), at('2026-11-25', '12:00'), s)).toBeNull();
  });
});

describe('settling a visit', () => {
  const now = at('2026-11-25', '11:00');
  it('records a visit done after all with its real time', () => {
    expect(settleVisit({ ...morning, actualEnd: null }, { outcome: 'done', actualStart: '09:40', actualEnd: '10:10' }, now, s))
      .toEqual({ status: 'done', actualStart: '09:40', actualEnd: '10:10', missedReason: null, deviation: null });
  });
  it('marks a missed visit with its reason and opens a missed-visit deviation', () => {
    const r = settleVisit({ ...morning, actualEnd: null }, { outcome: 'missed', reason: 'Bilen startade inte.' }, now, s);
    expect(r).toMatchObject({ status: 'missed', missedReason: 'Bilen startade inte.', deviation: { type: 'missed_visit' } });
  });
  it('lets a visit billed as done be found missed afterwards', () => {
    expect(settleVisit({ ...morning, status: 'done', actualStart: '08:00', actualEnd: '08:30' }, { outcome: 'missed', reason: 'Brukaren säger att ingen kom.' }, now, s).status).toBe('missed');
  });
  it('refuses future visits, settled visits, end times in the future and a late outcome for a punctual visit', () => {
    expect(codeOf(() => settleVisit({ ...morning, date: '2026-11-26', actualEnd: null }, { outcome: 'missed', reason: 'xxx' }, now, s))).toBe('visit-not-settleable');
    expect(codeOf(() => settleVisit({ ...morning, status: 'cancelled', actualEnd: null }, { outcome: 'missed', reason: 'xxx' }, now, s))).toBe('visit-not-settleable');
    expect(codeOf(() => settleVisit({ ...morning, actualEnd: null }, { outcome: 'done', actualStart: '10:30', actualEnd: '11:01' }, now, s))).toBe('invalid-input');
    expect(codeOf(() => settleVisit({ ...morning, status: 'done', actualStart: '08:00', actualEnd: '08:30' }, { outcome: 'late', reason: 'xxx' }, now, s))).toBe('visit-not-settleable');
  });
});
