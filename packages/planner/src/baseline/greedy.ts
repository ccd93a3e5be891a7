// The baseline the engine is measured against: plain continuity-aware greedy insertion. Visits
// are taken in order of window start and each is put at its cheapest feasible place (travel plus
// the same fixed-contact, known-staff and language costs), with no search afterwards.
import { parseProblem, type Plan } from '../format/schema.js';
import { compileProblem } from '../model/from-problem.js';
import { buildPlan } from '../plan/build-plan.js';
import { Solution } from '../search/solution.js';
import { recreate } from '../search/recreate.js';
import { Random } from '../search/random.js';

/**
 * @param problem - a tillit.problem/v1 document
 * @returns the greedy plan (valid, possibly with must-visits unassigned)
 */
export function greedyPlan(problem: unknown): Plan {
  const cp = compileProblem(parseProblem(problem));
  const m = cp.model;
  const s = new Solution(m);
  const order = Int32Array.from({ length: m.nTasks }, (_, t) => t).sort((a, b) => m.early[a]! - m.early[b]! || a - b);
  recreate(s, order, order.length, new Random(1), 0);
  return buildPlan(cp, s);
}
