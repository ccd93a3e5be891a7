// Recreate: put unassigned tasks back one by one at their cheapest feasible place, skipping each
// candidate place with a small "blink" probability (Christiaens & Vanden Berghe 2020, SISR).
// A double-staffed visit is placed as a pair: both tasks at one common start minute.
import type { Solution } from './solution.js';
import type { Random } from './random.js';

export interface RecreateOptions {
  blinkRate: number;
  /** When false, tasks that fit nowhere stay unassigned even if they are must-visits. */
  allowEmptyRoutes: boolean;
}

/** The best place found for a task: route, position, cost change. */
interface Place {
  r: number;
  p: number;
  delta: number;
}

/**
 * Finds the cheapest place for task t over all enabled routes.
 * @returns the place, or r = -1 when none is feasible (delta Infinity)
 */
export function bestPlace(s: Solution, t: number, rnd: Random | null, blinkRate: number, out: Place): Place {
  const m = s.m;
  const ev = s.ev;
  const nV = m.nVehicles;
  const nL = m.nLocs;
  const loc = m.taskLoc[t]!;
  out.r = -1;
  out.p = -1;
  out.delta = Number.POSITIVE_INFINITY;
  let triedEmpty = false;
  const uniform = m.uniform;
  for (let r = 0; r < nV; r++) {
    if (s.enabled[r] === 0) continue;
    if (m.compat !== null && m.compat[t * nV + r] === 0) continue;
    const n = s.len[r]!;
    if (n === 0 && m.uniform) {
      if (triedEmpty) continue;
      triedEmpty = true;
    }
    const a = s.route[r]!;
    const time = m.time[m.vMode[r]!]!;
    const base = s.cost[r]!;
    const ac = m.assignCost === null ? 0 : m.assignCost[t * nV + r]!;
    let prevLoc = m.vStartLoc[r]!;
    for (let p = 0; p <= n; p++) {
      const nextLoc = p < n ? m.taskLoc[a[p]!]! : m.vEndLoc[r]!;
      if (rnd === null || blinkRate === 0 || rnd.next() >= blinkRate) {
        // Travel detour is a lower bound on the change; price exactly only when it could win.
        const lb = m.travelCost * (time[prevLoc * nL + loc]! + time[loc * nL + nextLoc]! - time[prevLoc * nL + nextLoc]!) + ac + (n === 0 ? m.vFixedCost[r]! : 0);
        if (lb < out.delta) {
          let d: number;
          if (uniform) d = s.priceInsertUniform(r, p, t) - base;
          else d = ev.priceInsertWalk(r, p, t) - base;
          if (d < out.delta) {
            out.delta = d;
            out.r = r;
            out.p = p;
          }
        }
      }
      prevLoc = nextLoc;
    }
  }
  return out;
}

const placeA: Place = { r: -1, p: -1, delta: 0 };

/**
 * Inserts each task of `tasks` (in the given order) at its best place, or leaves it out when no
 * place is feasible or leaving it out is cheaper.
 */
export function recreate(s: Solution, tasks: Int32Array, count: number, rnd: Random, blinkRate: number): void {
  const m = s.m;
  for (let i = 0; i < count; i++) {
    const t = tasks[i]!;
    if (s.routeOf[t]! >= 0) continue;
    const pt = m.partner[t]!;
    if (pt >= 0) {
      insertPair(s, t, pt, rnd, blinkRate);
      continue;
    }
    const best = bestPlace(s, t, rnd, blinkRate, placeA);
    if (best.r >= 0 && best.delta < m.dropCost[t]!) {
      s.insertRaw(t, best.r, best.p);
      s.updateRoute(best.r);
    }
  }
}

const candTimes = new Float64Array(16);

/**
 * Places both tasks of a double-staffed visit at one common start. Candidate starts are the
 * earliest starts at the few cheapest single places; for each, both tasks get a point window and
 * the two cheapest places in different routes win.
 */
export function insertPair(s: Solution, t: number, pt: number, rnd: Random | null, blinkRate: number): boolean {
  const m = s.m;
  const ev = s.ev;
  const e0 = m.early[t]!;
  const l0 = m.late[t]!;
  // Collect candidate start minutes: the window start and earliest arrivals at good places.
  let nc = 0;
  candTimes[nc++] = e0;
  s.early[t] = e0;
  s.late[t] = l0;
  s.early[pt] = e0;
  s.late[pt] = l0;
  const nV = m.nVehicles;
  for (let r = 0; r < nV && nc < candTimes.length; r++) {
    if (s.enabled[r] === 0) continue;
    if (m.compat !== null && m.compat[t * nV + r] === 0) continue;
    const n = s.len[r]!;
    let bestD = Number.POSITIVE_INFINITY;
    let bestStart = -1;
    ev.probeTask = t;
    for (let p = 0; p <= n; p++) {
      const d = ev.priceInsertWalk(r, p, t) - s.cost[r]!;
      if (d < bestD) {
        bestD = d;
        bestStart = ev.probeStart;
      }
    }
    ev.probeTask = -1;
    if (bestD < Number.POSITIVE_INFINITY && bestStart >= e0 && bestStart <= l0) {
      const rounded = Math.ceil(bestStart - 1e-9);
      let dup = false;
      for (let i = 0; i < nc; i++) if (candTimes[i] === rounded) dup = true;
      if (!dup && rounded <= l0) candTimes[nc++] = rounded;
    }
  }
  let bestTotal = Number.POSITIVE_INFINITY;
  let bR1 = -1;
  let bP1 = -1;
  let bR2 = -1;
  let bP2 = -1;
  let bT = 0;
  for (let c = 0; c < nc; c++) {
    const at = candTimes[c]!;
    s.early[t] = at;
    s.late[t] = at;
    s.early[pt] = at;
    s.late[pt] = at;
    // Best and second-best route for the point-window task.
    let d1 = Number.POSITIVE_INFINITY;
    let r1 = -1;
    let p1 = -1;
    let d2 = Number.POSITIVE_INFINITY;
    let r2 = -1;
    let p2 = -1;
    for (let r = 0; r < nV; r++) {
      if (s.enabled[r] === 0) continue;
      if (m.compat !== null && (m.compat[t * nV + r] === 0 || m.compat[pt * nV + r] === 0)) continue;
      const n = s.len[r]!;
      let bd = Number.POSITIVE_INFINITY;
      let bp = -1;
      const time = m.time[m.vMode[r]!]!;
      const a = s.route[r]!;
      const loc = m.taskLoc[t]!;
      const ac = m.assignCost === null ? 0 : m.assignCost[t * nV + r]!;
      let prevLoc = m.vStartLoc[r]!;
      for (let p = 0; p <= n; p++) {
        const nextLoc = p < n ? m.taskLoc[a[p]!]! : m.vEndLoc[r]!;
        const lb = m.travelCost * (time[prevLoc * m.nLocs + loc]! + time[loc * m.nLocs + nextLoc]! - time[prevLoc * m.nLocs + nextLoc]!) + ac;
        prevLoc = nextLoc;
        if (lb >= bd || lb >= d2) continue;
        if (rnd !== null && blinkRate > 0 && rnd.next() < blinkRate) continue;
        const d = ev.priceInsertWalk(r, p, t) - s.cost[r]!;
        if (d < bd) {
          bd = d;
          bp = p;
        }
      }
      if (bd < d1) {
        d2 = d1;
        r2 = r1;
        p2 = p1;
        d1 = bd;
        r1 = r;
        p1 = bp;
      } else if (bd < d2) {
        d2 = bd;
        r2 = r;
        p2 = bp;
      }
    }
    // assignCost may differ between the two tasks; the pair is symmetric enough to ignore it here.
    if (r2 >= 0 && d1 + d2 < bestTotal) {
      bestTotal = d1 + d2;
      bR1 = r1;
      bP1 = p1;
      bR2 = r2;
      bP2 = p2;
      bT = at;
    }
  }
  if (bR1 >= 0 && bestTotal < m.dropCost[t]! + m.dropCost[pt]!) {
    s.early[t] = bT;
    s.late[t] = bT;
    s.early[pt] = bT;
    s.late[pt] = bT;
    s.insertRaw(t, bR1, bP1);
    s.updateRoute(bR1);
    s.insertRaw(pt, bR2, bP2);
    s.updateRoute(bR2);
    return true;
  }
  s.early[t] = e0;
  s.late[t] = l0;
  s.early[pt] = e0;
  s.late[pt] = l0;
  return false;
}
