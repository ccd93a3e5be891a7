import { describe, expect, it } from 'vitest';
import { clientChanges, minutesUntilQuietEnds, type ClientVisitState } from './visit-changes.js';

const base: ClientVisitState = {
  visitId: 'v1', date: '2026-11-26', windowStart: '08:00', windowEnd: '09:00', plannedStart: '08:15', status: 'planned',
  staffIds: ['leila'], staffNames: ['Leila'],
};

describe('changes a client would notice', () => {
  it('names the new person when someone else comes ("Anna comes instead of Leila")', () => {
    expect(clientChanges(base, { ...base, staffIds: ['anna'], staffNames: ['Anna'] })).toEqual([
      { kind: 'person', visitId: 'v1', date: '2026-11-26', before: ['Leila'], after: ['Anna'] },
    ]);
  });
  it('does not bother the client when the time moves inside the window', () => {
    expect(clientChanges(base, { ...base, plannedStart: '08:50' })).toEqual([]);
  });
  it('tells when the visit moves beyond its window', () => {
    expect(clientChanges(base, { ...base, plannedStart: '10:05' })).toEqual([
      { kind: 'moved', visitId: 'v1', date: '2026-11-26', windowStart: '08:00', windowEnd: '09:00' },
    ]);
    expect(clientChanges(base, { ...base, windowStart: '10:00', windowEnd: '11:00', plannedStart: '10:10' })[0]).toMatchObject({ kind: 'moved', windowStart: '10:00' });
  });
  it('tells of cancelled and added visits', () => {
    expect(clientChanges(base, { ...base, status: 'cancelled' })[0]!.kind).toBe('cancelled');
    expect(clientChanges(base, null)[0]!.kind).toBe('cancelled');
    expect(clientChanges(null, base)[0]!.kind).toBe('added');
    expect(clientChanges(null, { ...base, status: 'cancelled' })).toEqual([]);
  });
  it('says nothing when a person is first assigned to an unassigned visit', () => {
    expect(clientChanges({ ...base, staffIds: [], staffNames: [] }, base)).toEqual([]);
  });
});

describe('quiet hours', () => {
  it('waits until 08:00 for a change made at 22:30 (570 minutes)', () => {
    expect(minutesUntilQuietEnds('22:30')).toBe(570);
  });
  it('waits 30 minutes at 07:30 and not at all at 08:00 or 20:59', () => {
    expect(minutesUntilQuietEnds('07:30')).toBe(30);
    expect(minutesUntilQuietEnds('08:00')).toBe(0);
    expect(minutesUntilQuietEnds('20:59')).toBe(0);
    expect(minutesUntilQuietEnds('21:00')).toBe(660);
  });
});
