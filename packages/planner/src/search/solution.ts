// A solution under search: one route (a task sequence) per vehicle, plus what makes moves cheap
// to price: per-route costs and, on uniform problems, prefix and suffix segments (O(1) joins).
import type { Model } from '../model/model.js';
import { Segment } from './segment.js';

/** Struct-of-arrays storage for the segments of one route. */
class SegStore {
  readonly first: Int32Array;
  readonly last: Int32Array;
  readonly dur: Float64Array;
  readonly tw: Float64Array;
  readonly early: Float64Array;
  readonly late: Float64Array;
  readonly load: Float64Array;
  readonly dist: Float64Array;
  constructor(n: number) {
    this.first = new Int32Array(n);
    this.last = new Int32Array(n);
    this.dur = new Float64Array(n);
    this.tw = new Float64Array(n);
    this.early = new Float64Array(n);
    this.late = new Float64Array(n);
    this.load = new Float64Array(n);
    this.dist = new Float64Array(n);
  }
  store(i: number, s: Segment): void {
    this.first[i] = s.first;
    this.last[i] = s.last;
    this.dur[i] = s.dur;
    this.tw[i] = s.tw;
    this.early[i] = s.early;
    this.late[i] = s.late;
    this.load[i] = s.load;
    this.dist[i] = s.dist;
  }
  load_(i: number, s: Segment): void {
    s.first = this.first[i]!;
    s.last = this.last[i]!;
    s.dur = this.dur[i]!;
    s.tw = this.tw[i]!;
    s.early = this.early[i]!;
    s.late = this.late[i]!;
    s.load = this.load[i]!;
    s.dist = this.dist[i]!;
  }
  copyFrom(o: SegStore, n: number): void {
    this.first.set(o.first.subarray(0, n));
    this.last.set(o.last.subarray(0, n));
    this.dur.set(o.dur.subarray(0, n));
    this.tw.set(o.tw.subarray(0, n));
    this.early.set(o.early.subarray(0, n));
    this.late.set(o.late.subarray(0, n));
    this.load.set(o.load.subarray(0, n));
    this.dist.set(o.dist.subarray(0, n));
  }
}

/** The parts of a route's price, for reports and tests. */
export interface RouteFigures {
  dist: number;
  timeWarp: number;
  load: number;
  assign: number;
}

export class Solution {
  /** Tasks of vehicle r in order: route[r][0 .. len[r]-1]. */
  readonly route: Int32Array[];
  readonly len: Int32Array;
  /** Vehicle doing each task, -1 when unassigned; and its position in that route. */
  readonly routeOf: Int32Array;
  readonly posOf: Int32Array;
  /** Price of each route under the current penalties. */
  readonly cost: Float64Array;
  /** Time warp plus excess hard load of each route (0 when feasible; > 0 only under finite penalties). */
  readonly violation: Float64Array;
  /** Whether vehicle r may be used at all (fleet minimisation switches vehicles off). */
  readonly enabled: Uint8Array;
  /** Start windows as this solution sees them: a synchronised pair has both set to its minute. */
  readonly early: Float64Array;
  readonly late: Float64Array;
  /** Penalty per unit of time warp and of excess load; Infinity makes them hard constraints. */
  penaltyTW = Number.POSITIVE_INFINITY;
  penaltyLoad = Number.POSITIVE_INFINITY;
  private readonly pre: SegStore[] = [];
  private readonly suf: SegStore[] = [];
  readonly ev: RouteEvaluator;

  constructor(readonly m: Model) {
    const nV = m.nVehicles;
    this.route = Array.from({ length: nV }, () => new Int32Array(m.nTasks + 1));
    this.len = new Int32Array(nV);
    this.routeOf = new Int32Array(m.nTasks).fill(-1);
    this.posOf = new Int32Array(m.nTasks).fill(-1);
    this.cost = new Float64Array(nV);
    this.violation = new Float64Array(nV);
    this.enabled = new Uint8Array(nV).fill(1);
    this.early = m.early.slice();
    this.late = m.late.slice();
    if (m.uniform) {
      for (let r = 0; r < nV; r++) {
        this.pre.push(new SegStore(m.nTasks + 2));
        this.suf.push(new SegStore(m.nTasks + 2));
      }
    }
    this.ev = new RouteEvaluator(this);
    for (let r = 0; r < nV; r++) this.updateRoute(r);
  }

  /** @returns the total price: routes plus the drop cost of every unassigned task. */
  total(): number {
    let s = 0;
    for (let r = 0; r < this.m.nVehicles; r++) s += this.cost[r]!;
    for (let t = 0; t < this.m.nTasks; t++) if (this.routeOf[t]! < 0) s += this.m.dropCost[t]!;
    return s;
  }

  /** @returns whether every route keeps its windows and capacity (matters under finite penalties). */
  feasible(): boolean {
    for (let r = 0; r < this.m.nVehicles; r++) if (this.violation[r]! > 1e-7) return false;
    return true;
  }

  routeCount(): number {
    let n = 0;
    for (let r = 0; r < this.m.nVehicles; r++) if (this.len[r]! > 0) n++;
    return n;
  }

  unassignedCount(): number {
    let n = 0;
    for (let t = 0; t < this.m.nTasks; t++) if (this.routeOf[t]! < 0) n++;
    return n;
  }

  /** Inserts task t at position p of route r (without updating the route's cache). */
  insertRaw(t: number, r: number, p: number): void {
    const a = this.route[r]!;
    const n = this.len[r]!;
    a.copyWithin(p + 1, p, n);
    a[p] = t;
    this.len[r] = n + 1;
    this.routeOf[t] = r;
  }

  /** Removes task t from its route (without updating the route's cache). */
  removeRaw(t: number): void {
    const r = this.routeOf[t]!;
    const a = this.route[r]!;
    const n = this.len[r]!;
    let p = 0;
    while (a[p] !== t) p++;
    a.copyWithin(p, p + 1, n);
    this.len[r] = n - 1;
    this.routeOf[t] = -1;
    this.posOf[t] = -1;
  }

  /** Replaces route r by `tasks` (without updating its cache). */
  setRouteRaw(r: number, tasks: ArrayLike<number>): void {
    const a = this.route[r]!;
    for (let i = 0; i < tasks.length; i++) {
      a[i] = tasks[i]!;
      this.routeOf[tasks[i]!] = r;
    }
    this.len[r] = tasks.length;
  }

  /** Recomputes positions, segments and price of route r after it changed. */
  updateRoute(r: number): void {
    const m = this.m;
    const a = this.route[r]!;
    const n = this.len[r]!;
    for (let i = 0; i < n; i++) {
      this.posOf[a[i]!] = i;
      this.routeOf[a[i]!] = r;
    }
    if (m.uniform) {
      const s = this.ev.tmpA;
      const pre = this.pre[r]!;
      const suf = this.suf[r]!;
      const time = m.time[m.vMode[r]!]!;
      const nL = m.nLocs;
      s.setNode(m.vStartLoc[r]!, m.vShiftStart[r]!, m.vShiftEnd[r]!, 0, 0);
      pre.store(0, s);
      for (let i = 0; i < n; i++) {
        const t = a[i]!;
        const loc = m.taskLoc[t]!;
        s.append(time[s.last * nL + loc]!, loc, loc, m.service[t]!, 0, this.early[t]!, this.late[t]!, m.demand[t]!, 0);
        pre.store(i + 1, s);
      }
      s.clear();
      suf.store(n, s);
      const b = this.ev.tmpB;
      for (let i = n - 1; i >= 0; i--) {
        const t = a[i]!;
        const loc = m.taskLoc[t]!;
        b.setNode(loc, this.early[t]!, this.late[t]!, m.service[t]!, m.demand[t]!);
        if (s.first >= 0) b.append(time[loc * nL + s.first]!, s.first, s.last, s.dur, s.tw, s.early, s.late, s.load, s.dist);
        s.copyFrom(b);
        suf.store(i, s);
      }
    }
    const ev = this.ev;
    ev.begin(r);
    if (m.uniform) ev.range(r, 0, n);
    else {
      ev.snapshot(r, 0);
      for (let i = 0; i < n; i++) {
        ev.task(a[i]!);
        ev.snapshot(r, i + 1);
      }
    }
    this.cost[r] = ev.finish();
    this.violation[r] = n === 0 ? 0 : ev.lastTimeWarp + (m.hardCapacity ? Math.max(0, ev.lastLoad - m.vCapacity[r]!) : 0);
    if (!m.uniform) ev.keepTotals(r);
  }

  /** Recomputes every route (after penalties change). */
  updateAll(): void {
    for (let r = 0; r < this.m.nVehicles; r++) this.updateRoute(r);
  }

  /** Copies route r (tasks, caches, price) from another solution of the same model. */
  copyRouteFrom(o: Solution, r: number): void {
    const n = o.len[r]!;
    for (let i = 0; i < this.len[r]!; i++) {
      const t = this.route[r]![i]!;
      if (this.routeOf[t] === r) {
        this.routeOf[t] = -1;
        this.posOf[t] = -1;
      }
    }
    this.route[r]!.set(o.route[r]!.subarray(0, n));
    this.len[r] = n;
    this.cost[r] = o.cost[r]!;
    this.violation[r] = o.violation[r]!;
    this.enabled[r] = o.enabled[r]!;
    for (let i = 0; i < n; i++) {
      const t = o.route[r]![i]!;
      this.routeOf[t] = r;
      this.posOf[t] = i;
      this.early[t] = o.early[t]!;
      this.late[t] = o.late[t]!;
    }
    if (this.m.uniform) {
      this.pre[r]!.copyFrom(o.pre[r]!, n + 1);
      this.suf[r]!.copyFrom(o.suf[r]!, n + 1);
    }
  }

  /** Copies everything from another solution of the same model. */
  copyFrom(o: Solution): void {
    this.penaltyTW = o.penaltyTW;
    this.penaltyLoad = o.penaltyLoad;
    for (let r = 0; r < this.m.nVehicles; r++) this.len[r] = 0;
    this.routeOf.fill(-1);
    this.posOf.fill(-1);
    for (let r = 0; r < this.m.nVehicles; r++) this.copyRouteFrom(o, r);
    this.early.set(o.early);
    this.late.set(o.late);
  }

  /**
   * Price of route r with task t inserted before position p, on uniform problems: the O(1) join
   * of prefix, task, suffix and depot, written out without calls because recreate runs it most.
   * @returns the new route price (Infinity if a hard limit breaks)
   */
  priceInsertUniform(r: number, p: number, t: number): number {
    const m = this.m;
    const pre = this.pre[r]!;
    const suf = this.suf[r]!;
    const nL = m.nLocs;
    const time = m.time[m.vMode[r]!]!;
    const loc = m.taskLoc[t]!;
    // prefix + t
    let travel = time[pre.last[p]! * nL + loc]!;
    let aDur = pre.dur[p]!;
    let aTw = pre.tw[p]!;
    let aE = pre.early[p]!;
    let aL = pre.late[p]!;
    let bE = this.early[t]!;
    let bL = this.late[t]!;
    let delta = aDur - aTw + travel;
    let lateness = aE + delta - bL;
    if (lateness < 0) lateness = 0;
    let wait = bE - delta - aL;
    if (wait < 0) wait = 0;
    const hardTW = this.penaltyTW === Number.POSITIVE_INFINITY;
    let tw = aTw + lateness;
    if (hardTW && tw > 1e-7) return Number.POSITIVE_INFINITY;
    let e = Math.max(bE - delta, aE) - wait;
    let l = Math.min(bL - delta, aL) + lateness;
    let dur = aDur + m.service[t]! + travel + wait;
    let dist = pre.dist[p]! + travel;
    let load = pre.load[p]! + m.demand[t]!;
    let last = loc;
    // + suffix
    if (p < this.len[r]!) {
      travel = time[last * nL + suf.first[p]!]!;
      bE = suf.early[p]!;
      bL = suf.late[p]!;
      delta = dur - tw + travel;
      lateness = e + delta - bL;
      if (lateness < 0) lateness = 0;
      wait = bE - delta - l;
      if (wait < 0) wait = 0;
      tw = tw + suf.tw[p]! + lateness;
      if (hardTW && tw > 1e-7) return Number.POSITIVE_INFINITY;
      const ne = Math.max(bE - delta, e) - wait;
      l = Math.min(bL - delta, l) + lateness;
      e = ne;
      dur = dur + suf.dur[p]! + travel + wait;
      dist += suf.dist[p]! + travel;
      load += suf.load[p]!;
      last = suf.last[p]!;
    }
    // + end depot
    const endLoc = m.vEndLoc[r]!;
    travel = time[last * nL + endLoc]!;
    delta = dur - tw + travel;
    lateness = e + delta - m.vShiftEnd[r]!;
    if (lateness < 0) lateness = 0;
    tw += lateness;
    dist += travel;
    let c = m.travelCost * dist + m.vFixedCost[r]!;
    if (tw > 1e-7) {
      if (hardTW) return Number.POSITIVE_INFINITY;
      c += this.penaltyTW * tw;
    }
    const excess = load - m.vCapacity[r]!;
    if (excess > 1e-9) {
      if (!m.hardCapacity) c += m.loadCost * excess;
      else if (this.penaltyLoad === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
      else c += this.penaltyLoad * excess;
    }
    return c;
  }

  /** Routes as plain arrays of task indices, for output and tests. */
  routes(): number[][] {
    return this.route.map((a, r) => Array.from(a.subarray(0, this.len[r]!)));
  }

  /** @internal used by RouteEvaluator */
  preStore(r: number): SegStore {
    return this.pre[r]!;
  }
  /** @internal used by RouteEvaluator */
  sufStore(r: number): SegStore {
    return this.suf[r]!;
  }
}

/**
 * Prices a candidate route assembled from pieces of existing routes: `begin(vehicle)`, then
 * `range(route, from, to)` and `task(t)` in order, then `finish()`. On uniform problems whole
 * prefixes and suffixes are joined in O(1); otherwise the stretch is walked stop by stop, placing
 * breaks on the way (each break's best gap found by a small dynamic programme over "breaks taken").
 */
export class RouteEvaluator {
  readonly tmpA = new Segment();
  readonly tmpB = new Segment();
  private readonly acc = new Segment();
  private v = 0;
  private count = 0;
  private atStart = false;
  private assign = 0;
  private forbidden = false;
  // Walk state: for k breaks taken, the time ready to leave the current place and the time warp.
  private readonly stT: Float64Array;
  private readonly stW: Float64Array;
  private readonly stOk: Uint8Array;
  private curLoc = 0;
  private dist = 0;
  private load = 0;
  private readonly stamp: Int32Array;
  private stampNow = 1;
  /** When >= 0, `probeStart` receives the earliest start found for this task. */
  probeTask = -1;
  probeStart = 0;
  /** Figures of the last finished route. */
  lastTimeWarp = 0;
  lastDist = 0;
  lastLoad = 0;
  lastAssign = 0;

  // Walk snapshots per route and position (state before the task at that position):
  // stride = 3 * (maxB + 1) + 3 numbers: times, warps, ok flags, then dist, load, assign.
  private readonly stride: number;
  private readonly snaps: Float64Array[] = [];
  /** Route totals under the walk: dist, load, assign, time warp. */
  private readonly totals: Float64Array;

  constructor(private readonly s: Solution) {
    const m = s.m;
    let maxB = 0;
    for (let v = 0; v < m.nVehicles; v++) maxB = Math.max(maxB, m.vBreakFirst[v + 1]! - m.vBreakFirst[v]!);
    this.stT = new Float64Array(maxB + 1);
    this.stW = new Float64Array(maxB + 1);
    this.stOk = new Uint8Array(maxB + 1);
    this.stamp = new Int32Array(m.nTasks);
    this.stride = 3 * (maxB + 1) + 3;
    this.totals = new Float64Array(m.nVehicles * 4);
    if (!m.uniform) for (let v = 0; v < m.nVehicles; v++) this.snaps.push(new Float64Array((m.nTasks + 2) * this.stride));
  }

  /** Records the walk state before position i of route r (walk mode). */
  snapshot(r: number, i: number): void {
    const a = this.snaps[r]!;
    const nS = this.stT.length;
    let o = i * this.stride;
    for (let k = 0; k < nS; k++) {
      a[o++] = this.stT[k]!;
      a[o++] = this.stW[k]!;
      a[o++] = this.stOk[k]!;
    }
    a[o++] = this.dist;
    a[o++] = this.load;
    a[o] = this.assign;
  }

  /** Records the totals of the route just finished (walk mode). */
  keepTotals(r: number): void {
    const o = r * 4;
    this.totals[o] = this.lastDist;
    this.totals[o + 1] = this.lastLoad;
    this.totals[o + 2] = this.lastAssign;
    this.totals[o + 3] = this.lastTimeWarp;
  }

  /**
   * Price of route r with task t inserted before position p (walk mode). Starts from the snapshot
   * at p and stops as soon as the schedule is back to what it was (nothing pushed further).
   */
  priceInsertWalk(r: number, p: number, t: number): number {
    const s = this.s;
    const m = s.m;
    const nV = m.nVehicles;
    if (m.compat !== null && m.compat[t * nV + r] === 0) return Number.POSITIVE_INFINITY;
    const pt = m.partner[t]!;
    if (pt >= 0 && s.routeOf[pt] === r) return Number.POSITIVE_INFINITY;
    const snaps = this.snaps[r]!;
    const nS = this.stT.length;
    const stride = this.stride;
    const route = s.route[r]!;
    let o = p * stride;
    for (let k = 0; k < nS; k++) {
      this.stT[k] = snaps[o++]!;
      this.stW[k] = snaps[o++]!;
      this.stOk[k] = snaps[o++]!;
    }
    this.dist = snaps[o++]!;
    this.load = snaps[o++]!;
    this.assign = snaps[o]!;
    this.v = r;
    this.count = p;
    this.forbidden = false;
    this.atStart = false;
    this.stampNow++;
    this.curLoc = p > 0 ? m.taskLoc[route[p - 1]!]! : m.vStartLoc[r]!;
    this.task(t);
    const n = s.len[r]!;
    for (let i = p; i < n; i++) {
      this.task(route[i]!);
      // Same times and warps as before the insertion: the rest of the route is unchanged.
      let same = true;
      let q = (i + 1) * stride;
      for (let k = 0; k < nS && same; k++, q += 3) {
        if (this.stOk[k] !== snaps[q + 2]) same = false;
        else if (this.stOk[k] === 1 && (Math.abs(this.stT[k]! - snaps[q]!) > 1e-9 || Math.abs(this.stW[k]! - snaps[q + 1]!) > 1e-9)) same = false;
      }
      if (same) {
        const base = (i + 1) * stride + 3 * nS;
        const tot = r * 4;
        return this.price(
          r,
          n + 1,
          this.totals[tot]! + this.dist - snaps[base]!,
          this.totals[tot + 3]!,
          this.totals[tot + 1]! + this.load - snaps[base + 1]!,
          this.totals[tot + 2]! + this.assign - snaps[base + 2]!,
        );
      }
    }
    return this.finish();
  }

  /** The price formula shared by finish() and the shortcut above. */
  private price(v: number, count: number, dist: number, tw: number, load: number, assign: number): number {
    const s = this.s;
    const m = s.m;
    if (this.forbidden) return Number.POSITIVE_INFINITY;
    if (count === 0) return 0;
    let c = m.travelCost * dist + assign + m.vFixedCost[v]!;
    if (tw > 1e-7) c += s.penaltyTW === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : s.penaltyTW * tw;
    const excess = load - m.vCapacity[v]!;
    if (excess > 1e-9) {
      if (m.hardCapacity) c += s.penaltyLoad === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : s.penaltyLoad * excess;
      else c += m.loadCost * excess;
    }
    return c;
  }

  begin(v: number): void {
    const m = this.s.m;
    this.v = v;
    this.count = 0;
    this.assign = 0;
    this.forbidden = false;
    if (m.uniform) {
      this.acc.setNode(m.vStartLoc[v]!, m.vShiftStart[v]!, m.vShiftEnd[v]!, 0, 0);
      this.atStart = true;
    } else {
      this.stampNow++;
      this.curLoc = m.vStartLoc[v]!;
      this.dist = 0;
      this.load = 0;
      this.stOk.fill(0);
      this.stT[0] = m.vShiftStart[v]!;
      this.stW[0] = 0;
      this.stOk[0] = 1;
    }
  }

  /** Appends tasks route[r][from .. to-1]. */
  range(r: number, from: number, to: number): void {
    if (to <= from) return;
    const s = this.s;
    if (s.m.uniform) {
      if (this.atStart && from === 0) {
        s.preStore(r).load_(to, this.acc);
        this.atStart = false;
        this.count += to;
        return;
      }
      if (to === s.len[r]!) {
        const suf = s.sufStore(r);
        const m = s.m;
        const time = m.time[m.vMode[this.v]!]!;
        this.acc.append(
          time[this.acc.last * m.nLocs + suf.first[from]!]!,
          suf.first[from]!,
          suf.last[from]!,
          suf.dur[from]!,
          suf.tw[from]!,
          suf.early[from]!,
          suf.late[from]!,
          suf.load[from]!,
          suf.dist[from]!,
        );
        this.atStart = false;
        this.count += to - from;
        return;
      }
    }
    const a = s.route[r]!;
    for (let i = from; i < to; i++) this.task(a[i]!);
  }

  /** Appends one task. */
  task(t: number): void {
    const m = this.s.m;
    const v = this.v;
    this.count++;
    this.atStart = false;
    const loc = m.taskLoc[t]!;
    if (m.uniform) {
      const time = m.time[m.vMode[v]!]!;
      this.acc.append(time[this.acc.last * m.nLocs + loc]!, loc, loc, m.service[t]!, 0, this.s.early[t]!, this.s.late[t]!, m.demand[t]!, 0);
      return;
    }
    const nV = m.nVehicles;
    if (m.compat !== null && m.compat[t * nV + v] === 0) this.forbidden = true;
    if (m.assignCost !== null) this.assign += m.assignCost[t * nV + v]!;
    const p = m.partner[t]!;
    if (p >= 0 && this.stamp[p] === this.stampNow) this.forbidden = true;
    this.stamp[t] = this.stampNow;
    this.gapBreaks();
    const tt = m.time[m.vMode[v]!]![this.curLoc * m.nLocs + loc]!;
    const e = this.s.early[t]!;
    const l = this.s.late[t]!;
    const sv = m.service[t]!;
    const nS = m.vBreakFirst[v + 1]! - m.vBreakFirst[v]!;
    let probe = Number.POSITIVE_INFINITY;
    for (let k = 0; k <= nS; k++) {
      if (this.stOk[k] === 0) continue;
      let a = this.stT[k]! + tt;
      if (a < e) a = e;
      if (a > l) {
        this.stW[k] = this.stW[k]! + a - l;
        a = l;
      }
      if (a < probe) probe = a;
      this.stT[k] = a + sv;
    }
    if (t === this.probeTask) this.probeStart = probe;
    this.dist += tt;
    this.load += m.demand[t]!;
    this.curLoc = loc;
  }

  /** Lets the walk take any pending break in the gap at the current place. */
  private gapBreaks(): void {
    const m = this.s.m;
    const b0 = m.vBreakFirst[this.v]!;
    const nS = m.vBreakFirst[this.v + 1]! - b0;
    for (let k = 0; k < nS; k++) {
      if (this.stOk[k] === 0) continue;
      let st = this.stT[k]!;
      let w = this.stW[k]!;
      const be = m.breakEarly[b0 + k]!;
      const bl = m.breakLate[b0 + k]!;
      if (st < be) st = be;
      if (st > bl) {
        w += st - bl;
        st = bl;
      }
      const end = st + m.breakDur[b0 + k]!;
      if (this.stOk[k + 1] === 0 || w < this.stW[k + 1]! - 1e-9 || (w <= this.stW[k + 1]! + 1e-9 && end < this.stT[k + 1]!)) {
        this.stOk[k + 1] = 1;
        this.stT[k + 1] = end;
        this.stW[k + 1] = w;
      }
    }
  }

  /** Closes the route at the vehicle's end and @returns its price (Infinity if forbidden). */
  finish(): number {
    const s = this.s;
    const m = s.m;
    const v = this.v;
    let tw: number;
    let dist: number;
    let load: number;
    if (m.uniform) {
      const acc = this.acc;
      const endLoc = m.vEndLoc[v]!;
      acc.append(m.time[m.vMode[v]!]![acc.last * m.nLocs + endLoc]!, endLoc, endLoc, 0, 0, m.vShiftStart[v]!, m.vShiftEnd[v]!, 0, 0);
      tw = acc.tw + Math.max(acc.early - acc.late, 0);
      dist = acc.dist;
      load = acc.load;
    } else {
      this.gapBreaks();
      const endLoc = m.vEndLoc[v]!;
      const tt = m.time[m.vMode[v]!]![this.curLoc * m.nLocs + endLoc]!;
      const nS = m.vBreakFirst[v + 1]! - m.vBreakFirst[v]!;
      const l = m.vShiftEnd[v]!;
      let a = this.stT[nS]! + tt;
      tw = this.stW[nS]!;
      if (a > l) tw += a - l;
      dist = this.dist + tt;
      load = this.load;
      if (this.count === 0) dist = 0;
    }
    this.lastTimeWarp = tw;
    this.lastDist = dist;
    this.lastLoad = load;
    this.lastAssign = this.assign;
    return this.price(v, this.count, dist, tw, load, this.assign);
  }
}
