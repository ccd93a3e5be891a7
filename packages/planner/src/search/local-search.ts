// Local search: for each task in random order, try each operator against the task's granular
// neighbours and make the first improving move; repeat until no move improves (first-improvement
// descent, as in PyVRP's LocalSearch). With `verify`, every move's predicted change is checked
// against a recomputation and a mismatch is an InternalError.
import { InternalError } from '../errors.js';
import type { Operator } from '../operators/operator.js';
import { relocate } from '../operators/relocate.js';
import { swap } from '../operators/swap.js';
import { twoOptStar } from '../operators/two-opt-star.js';
import { orOpt } from '../operators/or-opt.js';
import { swapStar } from '../operators/swap-star.js';
import type { Solution } from './solution.js';
import type { Random } from './random.js';

export const defaultOperators: readonly Operator[] = [relocate, swap, twoOptStar, orOpt, swapStar];

export interface LocalSearchOptions {
  operators?: readonly Operator[];
  /** Assert before + delta == after on every move (slow; for tests and debugging). */
  verify?: boolean;
  /** Give up after this many passes over all tasks. */
  maxPasses?: number;
  /** Stop when performance.now() passes this. */
  deadline?: number;
}

let order = new Int32Array(0);

/** @returns the number of moves made. */
export function localSearch(s: Solution, rnd: Random, opt: LocalSearchOptions = {}): number {
  const m = s.m;
  const ops = (opt.operators ?? defaultOperators).filter((o) => o.supports(s));
  if (order.length < m.nTasks) order = new Int32Array(m.nTasks);
  for (let i = 0; i < m.nTasks; i++) order[i] = i;
  for (let i = m.nTasks - 1; i > 0; i--) {
    const j = rnd.int(i + 1);
    const x = order[i]!;
    order[i] = order[j]!;
    order[j] = x;
  }
  const k = m.nNeighbours;
  let moves = 0;
  const maxPasses = opt.maxPasses ?? 50;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let i = 0; i < m.nTasks; i++) {
      const u = order[i]!;
      if (s.routeOf[u]! < 0) continue;
      if (opt.deadline !== undefined && (i & 7) === 0 && performance.now() > opt.deadline) return moves;
      for (let j = 0; j < k; j++) {
        const v = m.neighbours[u * k + j]!;
        if (s.routeOf[v]! < 0 || s.routeOf[u]! < 0) continue;
        for (const op of ops) {
          const d = op.evaluate(s, u, v);
          if (d < -1e-7) {
            const before = opt.verify ? s.total() : 0;
            op.apply(s, u, v);
            moves++;
            improved = true;
            if (opt.verify) {
              const after = s.total();
              if (Math.abs(before + d - after) > 1e-6 * Math.max(1, Math.abs(after)))
                throw new InternalError(`${op.name}: predicted ${before + d}, recomputed ${after}`);
            }
            break;
          }
        }
      }
    }
    if (!improved) break;
  }
  return moves;
}
