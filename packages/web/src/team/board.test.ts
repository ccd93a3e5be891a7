import { describe, expect, it } from 'vitest';
import { lacksStaff, staffByState } from './board.js';

const person = (id: string, shift: boolean, absent: boolean) => ({
  id, firstName: id, lastName: 'X', title: 'underskoterska', skills: [], languages: [],
  shift: shift ? { start: '07:00', end: '16:00', breakMin: 30 } : null,
  absence: absent ? { reason: 'sick', fromDate: '2026-11-25', toDate: '2026-11-25' } : null,
});

describe('the morning board', () => {
  it('puts an absent person with a shift among the absent, not the working', () => {
    const s = staffByState([person('a', true, false), person('b', true, true), person('c', false, false)]);
    expect([s.working.map((p) => p.id), s.absent.map((p) => p.id), s.off.map((p) => p.id)]).toEqual([['a'], ['b'], ['c']]);
  });

  it('flags a double-staffed visit with one person as lacking staff, but not a cancelled one', () => {
    expect(lacksStaff({ status: 'planned', staff: [{}], staffCount: 2 })).toBe(true);
    expect(lacksStaff({ status: 'planned', staff: [{}, {}], staffCount: 2 })).toBe(false);
    expect(lacksStaff({ status: 'cancelled', staff: [], staffCount: 1 })).toBe(false);
  });
});
