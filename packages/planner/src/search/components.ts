// Per-component bookkeeping. A day of several teams that may not lend staff to each other is
// several independent problems in one: the best plan is each team's best, even if the search
// never held all of them at the same moment. These helpers price and copy one component.
import type { Model } from '../model/model.js';
import { Solution } from './solution.js';

export class ComponentIndex {
  /** Vehicles and tasks of each component. */
  readonly vehicles: Int32Array[];
  readonly tasks: Int32Array[];

  /** Whether any task is half of a double-staffed pair (only those carry their own start window). */
  private readonly pairs: boolean;

  constructor(readonly m: Model) {
    this.pairs = m.partner.some((p) => p >= 0);
    const vs: number[][] = Array.from({ length: m.nComponents }, () => []);
    const ts: number[][] = Array.from({ length: m.nComponents }, () => []);
    for (let v = 0; v < m.nVehicles; v++) vs[m.vehicleComponent[v]!]!.push(v);
    for (let t = 0; t < m.nTasks; t++) ts[m.taskComponent[t]!]!.push(t);
    this.vehicles = vs.map((a) => Int32Array.from(a));
    this.tasks = ts.map((a) => Int32Array.from(a));
  }

  get count(): number {
    return this.m.nComponents;
  }

  /** @returns the price of component c in s: its routes plus the drop cost of its unassigned tasks. */
  cost(s: Solution, c: number): number {
    let x = 0;
    for (const r of this.vehicles[c]!) x += s.cost[r]!;
    for (const t of this.tasks[c]!) if (s.routeOf[t]! < 0) x += this.m.dropCost[t]!;
    return x;
  }

  /**
   * Copies component c (routes, and the start windows of its unassigned tasks) from src to dst;
   * with `only`, just the routes marked there (the others are known to be equal).
   */
  copy(dst: Solution, src: Solution, c: number, only?: Uint8Array): void {
    for (const r of this.vehicles[c]!) if (only === undefined || only[r] === 1) dst.copyRouteFrom(src, r);
    if (!this.pairs) return;
    for (const t of this.tasks[c]!)
      if (src.routeOf[t]! < 0) {
        dst.early[t] = src.early[t]!;
        dst.late[t] = src.late[t]!;
      }
  }

}

/**
 * @param sols - solutions of the same model (say, one per search thread)
 * @returns a new solution that takes each component from the solution that prices it lowest
 */
export function combineByComponent(sols: readonly Solution[]): Solution {
  const first = sols[0];
  if (!first) throw new RangeError('combineByComponent needs at least one solution');
  const comps = new ComponentIndex(first.m);
  const out = new Solution(first.m);
  out.copyFrom(first);
  for (let c = 0; c < comps.count; c++) {
    let k = 0;
    for (let i = 1; i < sols.length; i++) if (comps.cost(sols[i]!, c) < comps.cost(sols[k]!, c) - 1e-9) k = i;
    if (k !== 0) comps.copy(out, sols[k]!, c);
  }
  return out;
}
