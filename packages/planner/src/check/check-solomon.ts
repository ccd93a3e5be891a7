// Independent check of a Solomon solution in exact double arithmetic: every customer once,
// windows on the start of service, capacity, return to the depot by its due date.
import type { SolomonInstance } from '../model/solomon.js';

export interface SolomonCheck {
  valid: boolean;
  violations: string[];
  vehicles: number;
  distance: number;
}

/**
 * @param inst - the instance
 * @param routes - customer numbers per route, depot left out
 */
export function checkSolomon(inst: SolomonInstance, routes: number[][]): SolomonCheck {
  const out: string[] = [];
  const byId = new Map(inst.customers.map((c) => [c.id, c]));
  const depot = inst.customers[0]!;
  const seen = new Map<number, number>();
  let distance = 0;
  routes.forEach((r, ri) => {
    let t = depot.ready;
    let load = 0;
    let prev = depot;
    for (const id of r) {
      const c = byId.get(id);
      if (!c || c === depot) {
        out.push(`route ${ri}: unknown customer ${id}`);
        continue;
      }
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const d = Math.hypot(prev.x - c.x, prev.y - c.y);
      distance += d;
      t = Math.max(t + d, c.ready);
      if (t > c.due + 1e-9) out.push(`route ${ri}: customer ${id} served at ${t.toFixed(3)}, after due ${c.due}`);
      t += c.service;
      load += c.demand;
      prev = c;
    }
    const d = Math.hypot(prev.x - depot.x, prev.y - depot.y);
    distance += d;
    if (t + d > depot.due + 1e-9) out.push(`route ${ri}: back at the depot at ${(t + d).toFixed(3)}, after ${depot.due}`);
    if (load > inst.capacity) out.push(`route ${ri}: load ${load} above capacity ${inst.capacity}`);
  });
  for (const c of inst.customers.slice(1)) {
    const n = seen.get(c.id) ?? 0;
    if (n !== 1) out.push(`customer ${c.id} served ${n} times`);
  }
  return { valid: out.length === 0, violations: out, vehicles: routes.filter((r) => r.length > 0).length, distance };
}
