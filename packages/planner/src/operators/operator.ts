// What every local-search operator offers: price a move between task u and a neighbour v without
// making it, then make it. A negative price is an improvement; `evaluate` is exact.
import type { Solution } from '../search/solution.js';

export interface Operator {
  readonly name: string;
  /** @returns the change in total cost if the move were made (Infinity when not allowed). */
  evaluate(s: Solution, u: number, v: number): number;
  /** Makes the move last evaluated for (u, v). Call only right after `evaluate(s, u, v)`. */
  apply(s: Solution, u: number, v: number): void;
  /** Whether the operator is worth running on this solution's problem. */
  supports(s: Solution): boolean;
}

/** @returns route r's tasks as a plain array (for building the result of a move). */
export function tasksOf(s: Solution, r: number): number[] {
  return Array.from(s.route[r]!.subarray(0, s.len[r]!));
}

/** Replaces the listed routes and refreshes their caches. */
export function setRoutes(s: Solution, r1: number, a1: number[], r2 = -1, a2: number[] = []): void {
  s.setRouteRaw(r1, a1);
  if (r2 >= 0) s.setRouteRaw(r2, a2);
  s.updateRoute(r1);
  if (r2 >= 0) s.updateRoute(r2);
}
