// Shared test harness for operators: on random solutions (uniform and home-care models, with soft
// penalties so infeasible moves get finite prices), every evaluated move's predicted change must
// equal the change recomputed from scratch after apply().
import { expect } from 'vitest';
import type { Operator } from '../operators/operator.js';
import { Solution } from '../search/solution.js';
import { Random } from '../search/random.js';
import { construct } from '../search/anneal.js';
import { compileProblem } from '../model/from-problem.js';
import { parseProblem } from '../format/schema.js';
import { randomProblem, randomUniformModel } from './fixtures.js';
import type { Model } from '../model/model.js';

/** Price of a solution rebuilt from its routes alone: the from-scratch recompute. */
export function recompute(s: Solution): number {
  const fresh = new Solution(s.m);
  fresh.penaltyTW = s.penaltyTW;
  fresh.penaltyLoad = s.penaltyLoad;
  fresh.early.set(s.early);
  fresh.late.set(s.late);
  s.routes().forEach((tasks, r) => {
    fresh.setRouteRaw(r, tasks);
    fresh.updateRoute(r);
  });
  return fresh.total();
}

function models(): Model[] {
  return [
    randomUniformModel(1, 40),
    randomUniformModel(2, 60, 8),
    compileProblem(parseProblem(randomProblem(3, 5, 30))).model,
    compileProblem(parseProblem(randomProblem(4, 6, 40))).model,
  ];
}

/**
 * Checks `op` on many (u, v) pairs. @returns how many improving and how many finite moves were
 * checked, so a test can insist the operator was really exercised.
 */
export function checkOperatorAgainstRecompute(op: Operator): { finite: number; improving: number } {
  let finite = 0;
  let improving = 0;
  for (const m of models()) {
    const rnd = new Random(7);
    const s = construct(m, rnd);
    // Soft penalties: infeasible candidates have finite prices and are checked too.
    s.penaltyTW = 10;
    s.penaltyLoad = 10;
    s.updateAll();
    if (!op.supports(s)) continue;
    for (let i = 0; i < 300; i++) {
      const u = rnd.int(m.nTasks);
      const v = rnd.int(m.nTasks);
      if (u === v || s.routeOf[u]! < 0 || s.routeOf[v]! < 0) continue;
      const before = s.total();
      const delta = op.evaluate(s, u, v);
      if (!Number.isFinite(delta)) continue;
      finite++;
      if (delta < 0) improving++;
      op.apply(s, u, v);
      const after = recompute(s);
      expect(after).toBeCloseTo(before + delta, 6);
      expect(s.total()).toBeCloseTo(after, 6);
    }
  }
  return { finite, improving };
}
