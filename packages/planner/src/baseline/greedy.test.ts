import { describe, expect, it } from 'vitest';
import { greedyPlan } from './greedy.js';
import { solve } from '../solve.js';
import { checkPlan } from '../check/check-plan.js';
import { parseProblem, type ProblemInput } from '../format/schema.js';
import { lineMatrix, loc } from '../testing/fixtures.js';

// One staff member 08:00-12:00 at location 0; 10 minutes per step on the line.
// A normal visit (window 08:00-08:40, 60 min) comes first in time; greedy takes it at 08:10 and
// then a must-visit (window 08:30-09:00, 60 min) fits neither after it (09:20) nor before it
// (the normal one would start 09:40). Only one of the two fits; the engine keeps the must-visit.
function crowdedMorning(): ProblemInput {
  const { locations, minutes } = lineMatrix(3);
  return {
    format: 'tillit.problem/v1',
    date: '2026-11-23',
    travel: { model: 'matrix', locations, minutes },
    staff: [{ id: 'solo', team: 't', skills: [], languages: [], transport: 'car', start: loc(0), end: loc(0), shift: { start: '08:00', end: '12:00' }, breaks: [] }],
    visits: [
      { id: 'walk', client: 'a', team: 't', location: loc(1), window: { start: '08:00', end: '08:40' }, durationMin: 60, priority: 'normal' },
      { id: 'meds', client: 'b', team: 't', location: loc(2), window: { start: '08:30', end: '09:00' }, durationMin: 60, priority: 'must' },
      { id: 'lunch', client: 'c', team: 't', location: loc(1), window: { start: '10:30', end: '11:00' }, durationMin: 30, priority: 'must' },
    ],
  };
}

describe('greedy baseline versus the engine', () => {
  it('greedy leaves a must-visit out; the engine never does while an assignment exists', async () => {
    const p = parseProblem(crowdedMorning());
    const g = greedyPlan(crowdedMorning());
    expect(checkPlan(p, g).valid).toBe(true);
    expect(g.unassigned.map((u) => u.visit)).toContain('meds');
    const e = await solve(crowdedMorning(), { timeLimitMs: 300, threads: 1 });
    expect(checkPlan(p, e).valid).toBe(true);
    expect(e.unassigned.map((u) => u.visit)).toEqual(['walk']);
    expect(e.metrics.mustUnassigned).toBe(0);
  });
});
