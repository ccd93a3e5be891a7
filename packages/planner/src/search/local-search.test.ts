import { describe, expect, it } from 'vitest';
import { localSearch } from './local-search.js';
import { construct } from './anneal.js';
import { Random } from './random.js';
import { compileProblem } from '../model/from-problem.js';
import { parseProblem } from '../format/schema.js';
import { randomProblem, randomUniformModel } from '../testing/fixtures.js';
import { recompute } from '../testing/operator-harness.js';

describe('local search', () => {
  it('improves a greedy Solomon-like solution and every move matches its prediction (verify flag)', () => {
    const m = randomUniformModel(5, 80, 10);
    const s = construct(m, new Random(1));
    const before = s.total();
    const moves = localSearch(s, new Random(2), { verify: true });
    expect(moves).toBeGreaterThan(0);
    expect(s.total()).toBeLessThan(before);
    expect(recompute(s)).toBeCloseTo(s.total(), 6);
  });

  it('keeps home-care routes feasible: breaks, double staffing and compat hold after the moves', () => {
    const m = compileProblem(parseProblem(randomProblem(9, 6, 45))).model;
    const s = construct(m, new Random(1));
    localSearch(s, new Random(3), { verify: true });
    for (let r = 0; r < m.nVehicles; r++) expect(Number.isFinite(s.cost[r]!)).toBe(true);
    for (let t = 0; t < m.nTasks; t++) {
      const p = m.partner[t]!;
      if (p >= 0 && s.routeOf[t]! >= 0) {
        expect(s.routeOf[p]).not.toBe(s.routeOf[t]);
        expect(s.early[p]).toBe(s.early[t]);
      }
    }
  });
});
