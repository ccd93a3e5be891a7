// The day's continuity target (home care: visits by the client's fixed contact). A team's weight
// for the fixed contact buys a lot of continuity on a day where the contacts live near their
// clients and little on a day where they do not; the target is what the day must reach. While
// the best plan falls short, the search raises the weight for the whole day, one price for one
// day-wide target, as a Lagrange multiplier would be, and never lowers it below the team's own.
import type { Model } from '../model/model.js';
import type { Solution } from './solution.js';

/** @returns the share of the target's tasks that s gives to their preferred vehicle (1 without a target) */
export function continuityShare(s: Solution): number {
  const k = s.m.continuity;
  if (!k) return 1;
  let got = 0;
  for (let t = 0; t < s.m.nTasks; t++) if (k.vehicle[t]! >= 0 && s.routeOf[t] === k.vehicle[t]) got++;
  return got / k.able;
}

/**
 * Sets what is added to the continuity weight, re-pricing the model's assignment costs (routes
 * priced before must be updated by the caller).
 */
export function setContinuityRaise(m: Model, raised: number): void {
  const k = m.continuity;
  if (!k || !m.assignCost || raised === k.raised) return;
  const d = raised - k.raised;
  for (let i = 0; i < k.coef.length; i++) m.assignCost[i]! += d * k.coef[i]!;
  k.raised = raised;
}

/** Fractions of the search at which the best plan is held against the target. */
export const continuityCheckpoints = [0.2, 0.35, 0.5, 0.65] as const;

/**
 * @returns the raise to use from now on: one step more (a quarter of the weight, at least 2
 * minutes) when `s` falls short of the target, up to twice the weight (at least 30 minutes);
 * otherwise the raise so far
 */
export function nextContinuityRaise(s: Solution): number {
  const k = s.m.continuity;
  if (!k || continuityShare(s) >= k.target) return k?.raised ?? 0;
  const step = Math.max(2, 0.25 * k.weight);
  const cap = Math.max(30, 2 * k.weight);
  return Math.min(cap, k.raised + step);
}
