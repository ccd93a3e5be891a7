import { describe, expect, it } from 'vitest';
import { parseProblem } from './schema.js';
import { InputError } from '../errors.js';
import { twoStaffDay } from '../testing/fixtures.js';

function issuesOf(input: unknown): string[] {
  try {
    parseProblem(input);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return [...(e as InputError).issues];
  }
  throw new Error('expected an InputError');
}

describe('problem validation', () => {
  it('names the field of a time that does not exist', () => {
    const p = twoStaffDay();
    (p.visits[3]!.window as { start: string }).start = '25:00';
    expect(issuesOf(p)).toEqual(['visits[3].window.start: "25:00" is not a time HH:MM']);
  });

  it('reports every bad field, not only the first', () => {
    const p = twoStaffDay() as unknown as { staff: { shift: { end: string } }[]; visits: { durationMin: unknown }[] };
    p.staff[1]!.shift.end = '7pm';
    p.visits[0]!.durationMin = 'thirty';
    const issues = issuesOf(p);
    expect(issues.some((i) => i.startsWith('staff[1].shift.end: "7pm"'))).toBe(true);
    expect(issues.some((i) => i.startsWith('visits[0].durationMin: "thirty"'))).toBe(true);
  });

  it('rejects a window that ends before it starts and duplicate ids', () => {
    const p = twoStaffDay();
    p.visits[1]!.window = { start: '10:00', end: '09:00' };
    p.visits[2]!.id = 'v1';
    const issues = issuesOf(p);
    expect(issues).toContain('visits[1].window.end: "09:00" is before window.start "10:00"');
    expect(issues).toContain('visits[2].id: "v1" duplicates visits[0].id');
  });

  it('rejects a break that cannot fit inside the shift', () => {
    const p = twoStaffDay();
    p.staff[0]!.breaks = [{ earliest: '17:00', latest: '18:00', durationMin: 30 }];
    expect(issuesOf(p)).toEqual(['staff[0].breaks[0]: {"earliest":"17:00","latest":"18:00","durationMin":30} cannot be taken inside the shift 08:00-16:00']);
  });

  it('fills defaults for optional fields', () => {
    const p = parseProblem(twoStaffDay());
    expect(p.crossTeam).toBe(false);
    expect(p.visits[0]!.staffCount).toBe(1);
    expect(p.weights.notFixedContact).toBeGreaterThan(0);
  });
});
