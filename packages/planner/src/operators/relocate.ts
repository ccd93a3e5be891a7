// Relocate: move task u to just after task v (or to just before it), in the same or another route.
import type { Solution } from '../search/solution.js';
import { setRoutes, tasksOf, type Operator } from './operator.js';

let before = false;

function price(s: Solution, u: number, v: number, beforeV: boolean): number {
  const ru = s.routeOf[u]!;
  const rv = s.routeOf[v]!;
  const pu = s.posOf[u]!;
  const pv = beforeV ? s.posOf[v]! - 1 : s.posOf[v]!; // u goes right after position pv (-1: route start)
  const ev = s.ev;
  if (ru !== rv) {
    const nu = s.len[ru]!;
    const nv = s.len[rv]!;
    ev.begin(ru);
    ev.range(ru, 0, pu);
    ev.range(ru, pu + 1, nu);
    const cu = ev.finish();
    ev.begin(rv);
    ev.range(rv, 0, pv + 1);
    ev.task(u);
    ev.range(rv, pv + 1, nv);
    const cv = ev.finish();
    return cu + cv - s.cost[ru]! - s.cost[rv]!;
  }
  if (pu === pv + 1 || pu === pv) return Number.POSITIVE_INFINITY;
  const n = s.len[ru]!;
  ev.begin(ru);
  if (pu < pv) {
    ev.range(ru, 0, pu);
    ev.range(ru, pu + 1, pv + 1);
    ev.task(u);
    ev.range(ru, pv + 1, n);
  } else {
    ev.range(ru, 0, pv + 1);
    ev.task(u);
    ev.range(ru, pv + 1, pu);
    ev.range(ru, pu + 1, n);
  }
  return ev.finish() - s.cost[ru]!;
}

export const relocate: Operator = {
  name: 'relocate',
  supports: () => true,
  evaluate(s, u, v) {
    const a = price(s, u, v, false);
    const b = price(s, u, v, true);
    before = b < a;
    return before ? b : a;
  },
  apply(s, u, v) {
    const ru = s.routeOf[u]!;
    const rv = s.routeOf[v]!;
    const au = tasksOf(s, ru).filter((t) => t !== u);
    const av = ru === rv ? au : tasksOf(s, rv);
    const at = av.indexOf(v) + (before ? 0 : 1);
    av.splice(at, 0, u);
    if (ru === rv) setRoutes(s, ru, au);
    else setRoutes(s, ru, au, rv, av);
  },
};
