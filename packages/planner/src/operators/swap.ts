// Swap: exchange tasks u and v, in the same or in different routes.
import type { Solution } from '../search/solution.js';
import { setRoutes, tasksOf, type Operator } from './operator.js';

function price(s: Solution, u: number, v: number): number {
  const ru = s.routeOf[u]!;
  const rv = s.routeOf[v]!;
  const pu = s.posOf[u]!;
  const pv = s.posOf[v]!;
  const ev = s.ev;
  if (ru !== rv) {
    ev.begin(ru);
    ev.range(ru, 0, pu);
    ev.task(v);
    ev.range(ru, pu + 1, s.len[ru]!);
    const cu = ev.finish();
    ev.begin(rv);
    ev.range(rv, 0, pv);
    ev.task(u);
    ev.range(rv, pv + 1, s.len[rv]!);
    const cv = ev.finish();
    return cu + cv - s.cost[ru]! - s.cost[rv]!;
  }
  const p1 = Math.min(pu, pv);
  const p2 = Math.max(pu, pv);
  const a = s.route[ru]!;
  ev.begin(ru);
  ev.range(ru, 0, p1);
  ev.task(a[p2]!);
  ev.range(ru, p1 + 1, p2);
  ev.task(a[p1]!);
  ev.range(ru, p2 + 1, s.len[ru]!);
  return ev.finish() - s.cost[ru]!;
}

export const swap: Operator = {
  name: 'swap',
  supports: () => true,
  evaluate: price,
  apply(s, u, v) {
    const ru = s.routeOf[u]!;
    const rv = s.routeOf[v]!;
    const au = tasksOf(s, ru);
    const av = ru === rv ? au : tasksOf(s, rv);
    au[s.posOf[u]!] = v;
    av[s.posOf[v]!] = u;
    if (ru === rv) setRoutes(s, ru, au);
    else setRoutes(s, ru, au, rv, av);
  },
};
