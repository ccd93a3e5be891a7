import { describe, expect, it } from 'vitest';
import { compileProblem } from '../model/from-problem.js';
import { parseProblem } from '../format/schema.js';
import { twoStaffDay } from '../testing/fixtures.js';
import { Solution } from './solution.js';
import { continuityShare, nextContinuityRaise, setContinuityRaise } from './continuity.js';

// twoStaffDay: v1's fixed contact is anna (staff 0), v4's is bo (staff 1).
function setup(target = 0.92) {
  const p = parseProblem({ ...twoStaffDay(), weights: { continuityTarget: target } });
  const cp = compileProblem(p);
  return { cp, m: cp.model, v1: cp.visitTask[0]!, v4: cp.visitTask[3]! };
}

describe('continuity share', () => {
  it('is the share of the target visits on their fixed contact', () => {
    const { m, v1, v4 } = setup();
    const s = new Solution(m);
    expect(continuityShare(s)).toBe(0);
    s.setRouteRaw(0, [v1]);
    s.setRouteRaw(1, [v4]);
    expect(continuityShare(s)).toBe(1);
    s.setRouteRaw(0, [v4]);
    s.setRouteRaw(1, [v1]);
    expect(continuityShare(s)).toBe(0);
    s.setRouteRaw(0, [v1, v4]);
    s.setRouteRaw(1, []);
    expect(continuityShare(s)).toBe(0.5);
  });
});

describe('raising the continuity weight', () => {
  it('re-prices every assignment by weight × coef and goes back exactly', () => {
    const { m, v1 } = setup();
    const before = Float64Array.from(m.assignCost!);
    setContinuityRaise(m, 7);
    expect(m.continuity!.raised).toBe(7);
    expect(m.assignCost![v1 * m.nVehicles + 1]! - before[v1 * m.nVehicles + 1]!).toBeCloseTo(7, 9);
    expect(m.assignCost![v1 * m.nVehicles + 0]).toBe(before[v1 * m.nVehicles + 0]);
    setContinuityRaise(m, 0);
    for (let i = 0; i < before.length; i++) expect(m.assignCost![i]).toBeCloseTo(before[i]!, 9);
  });

  it('steps by a quarter of the weight while the day falls short, up to twice the weight, and not when it reaches the target', () => {
    const { m, v1, v4 } = setup();
    const s = new Solution(m);
    s.setRouteRaw(0, [v4]);
    s.setRouteRaw(1, [v1]);
    const w = m.continuity!.weight;
    expect(nextContinuityRaise(s)).toBeCloseTo(Math.max(2, w / 4), 9);
    setContinuityRaise(m, Math.max(30, 2 * w));
    expect(nextContinuityRaise(s)).toBeCloseTo(Math.max(30, 2 * w), 9);
    setContinuityRaise(m, 0);
    s.setRouteRaw(0, [v1]);
    s.setRouteRaw(1, [v4]);
    expect(nextContinuityRaise(s)).toBe(0);
  });
});
