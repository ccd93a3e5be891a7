// SWAP*: exchange u and v between two routes, each going to its best place in the other route
// rather than into the other's old slot (Vidal 2022, "Hybrid genetic search for the CVRP:
// open-source implementation and SWAP* neighborhood"). Candidate places are the three best by
// travel detour plus the vacated slot; the chosen ones are priced exactly.
import type { Solution } from '../search/solution.js';
import { setRoutes, tasksOf, type Operator } from './operator.js';

const candU = new Int32Array(4);
const candV = new Int32Array(4);
let bestPu = -1;
let bestPv = -1;

/**
 * Fills `out` with up to 4 insertion gaps for task x in route r without task `gone`:
 * gap g means "after the g-th remaining task" (g = -1: at the start). @returns how many.
 */
function candidateGaps(s: Solution, r: number, gone: number, x: number, out: Int32Array): number {
  const m = s.m;
  const time = m.time[m.vMode[r]!]!;
  const nL = m.nLocs;
  const a = s.route[r]!;
  const n = s.len[r]!;
  const lx = m.taskLoc[x]!;
  let b1 = Infinity, b2 = Infinity, b3 = Infinity;
  let g1 = -2, g2 = -2, g3 = -2;
  let prevLoc = m.vStartLoc[r]!;
  let g = -1;
  let goneGap = -1;
  for (let i = 0; i <= n; i++) {
    if (i < n && a[i] === gone) {
      goneGap = g;
      continue;
    }
    const nextLoc = i < n ? m.taskLoc[a[i]!]! : m.vEndLoc[r]!;
    const d = time[prevLoc * nL + lx]! + time[lx * nL + nextLoc]! - time[prevLoc * nL + nextLoc]!;
    if (d < b1) {
      b3 = b2; g3 = g2; b2 = b1; g2 = g1; b1 = d; g1 = g;
    } else if (d < b2) {
      b3 = b2; g3 = g2; b2 = d; g2 = g;
    } else if (d < b3) {
      b3 = d; g3 = g;
    }
    if (i < n) {
      prevLoc = nextLoc;
      g++;
    }
  }
  let k = 0;
  out[k++] = goneGap;
  for (const c of [g1, g2, g3]) if (c > -2 && c !== goneGap) out[k++] = c;
  return k;
}

/** Price of route r with `gone` removed and `x` inserted in gap g (counted without `gone`). */
function priceRoute(s: Solution, r: number, gone: number, x: number, g: number): number {
  const ev = s.ev;
  const pg = s.posOf[gone]!;
  const n = s.len[r]!;
  // Gap g in the reduced route is after original position g (if g < pg) or g + 1 (if g >= pg).
  const at = g < pg ? g + 1 : g + 2; // x goes before original position `at`
  ev.begin(r);
  if (at <= pg) {
    ev.range(r, 0, at);
    ev.task(x);
    ev.range(r, at, pg);
    ev.range(r, pg + 1, n);
  } else {
    ev.range(r, 0, pg);
    ev.range(r, pg + 1, at);
    ev.task(x);
    ev.range(r, at, n);
  }
  return ev.finish();
}

export const swapStar: Operator = {
  name: 'SWAP*',
  supports: (s) => s.m.nVehicles > 1,
  evaluate(s, u, v) {
    const ru = s.routeOf[u]!;
    const rv = s.routeOf[v]!;
    if (ru === rv) return Number.POSITIVE_INFINITY;
    const nu = candidateGaps(s, ru, u, v, candU);
    const nv = candidateGaps(s, rv, v, u, candV);
    let bu = Infinity;
    for (let i = 0; i < nu; i++) {
      const c = priceRoute(s, ru, u, v, candU[i]!);
      if (c < bu) {
        bu = c;
        bestPu = candU[i]!;
      }
    }
    if (bu === Infinity) return Infinity;
    let bv = Infinity;
    for (let i = 0; i < nv; i++) {
      const c = priceRoute(s, rv, v, u, candV[i]!);
      if (c < bv) {
        bv = c;
        bestPv = candV[i]!;
      }
    }
    return bu + bv - s.cost[ru]! - s.cost[rv]!;
  },
  apply(s, u, v) {
    const ru = s.routeOf[u]!;
    const rv = s.routeOf[v]!;
    const au = tasksOf(s, ru).filter((t) => t !== u);
    const av = tasksOf(s, rv).filter((t) => t !== v);
    au.splice(bestPu + 1, 0, v);
    av.splice(bestPv + 1, 0, u);
    setRoutes(s, ru, au, rv, av);
  },
};
