// Or-opt: move a chain of two or three consecutive tasks starting at u to just after v
// (Or 1976), keeping or reversing its order.
import type { Solution } from '../search/solution.js';
import { setRoutes, tasksOf, type Operator } from './operator.js';

let bestLen = 2;
let bestRev = false;

function price(s: Solution, u: number, v: number, len: number, rev: boolean): number {
  const ru = s.routeOf[u]!;
  const rv = s.routeOf[v]!;
  const pu = s.posOf[u]!;
  const pv = s.posOf[v]!;
  const nu = s.len[ru]!;
  if (pu + len > nu) return Number.POSITIVE_INFINITY;
  const a = s.route[ru]!;
  const ev = s.ev;
  const chain = (): void => {
    if (rev) for (let i = pu + len - 1; i >= pu; i--) ev.task(a[i]!);
    else ev.range(ru, pu, pu + len);
  };
  if (ru !== rv) {
    ev.begin(ru);
    ev.range(ru, 0, pu);
    ev.range(ru, pu + len, nu);
    const cu = ev.finish();
    ev.begin(rv);
    ev.range(rv, 0, pv + 1);
    chain();
    ev.range(rv, pv + 1, s.len[rv]!);
    const cv = ev.finish();
    return cu + cv - s.cost[ru]! - s.cost[rv]!;
  }
  if (pv >= pu - 1 && pv < pu + len) return Number.POSITIVE_INFINITY;
  ev.begin(ru);
  if (pv < pu) {
    ev.range(ru, 0, pv + 1);
    chain();
    ev.range(ru, pv + 1, pu);
    ev.range(ru, pu + len, nu);
  } else {
    ev.range(ru, 0, pu);
    ev.range(ru, pu + len, pv + 1);
    chain();
    ev.range(ru, pv + 1, nu);
  }
  return ev.finish() - s.cost[ru]!;
}

export const orOpt: Operator = {
  name: 'or-opt',
  supports: () => true,
  evaluate(s, u, v) {
    let best = Number.POSITIVE_INFINITY;
    for (let len = 2; len <= 3; len++)
      for (const rev of [false, true]) {
        const d = price(s, u, v, len, rev);
        if (d < best) {
          best = d;
          bestLen = len;
          bestRev = rev;
        }
      }
    return best;
  },
  apply(s, u, v) {
    const ru = s.routeOf[u]!;
    const rv = s.routeOf[v]!;
    const au = tasksOf(s, ru);
    const pu = s.posOf[u]!;
    const chain = au.splice(pu, bestLen);
    if (bestRev) chain.reverse();
    const av = ru === rv ? au : tasksOf(s, rv);
    av.splice(av.indexOf(v) + 1, 0, ...chain);
    if (ru === rv) setRoutes(s, ru, au);
    else setRoutes(s, ru, au, rv, av);
  },
};
