// 2-opt*: cut two routes after u and after v and exchange their tails (Potvin & Rousseau 1995).
import type { Solution } from '../search/solution.js';
import { setRoutes, tasksOf, type Operator } from './operator.js';

function price(s: Solution, u: number, v: number): number {
  const ru = s.routeOf[u]!;
  const rv = s.routeOf[v]!;
  if (ru === rv) return Number.POSITIVE_INFINITY;
  const pu = s.posOf[u]!;
  const pv = s.posOf[v]!;
  const ev = s.ev;
  ev.begin(ru);
  ev.range(ru, 0, pu + 1);
  ev.range(rv, pv + 1, s.len[rv]!);
  const cu = ev.finish();
  ev.begin(rv);
  ev.range(rv, 0, pv + 1);
  ev.range(ru, pu + 1, s.len[ru]!);
  const cv = ev.finish();
  return cu + cv - s.cost[ru]! - s.cost[rv]!;
}

export const twoOptStar: Operator = {
  name: '2-opt*',
  supports: (s) => s.m.nVehicles > 1,
  evaluate: price,
  apply(s, u, v) {
    const ru = s.routeOf[u]!;
    const rv = s.routeOf[v]!;
    const au = tasksOf(s, ru);
    const av = tasksOf(s, rv);
    const pu = s.posOf[u]!;
    const pv = s.posOf[v]!;
    setRoutes(s, ru, [...au.slice(0, pu + 1), ...av.slice(pv + 1)], rv, [...av.slice(0, pv + 1), ...au.slice(pu + 1)]);
  },
};
