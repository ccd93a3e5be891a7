// The search loop: ruin and recreate under simulated annealing (SISR, Christiaens & Vanden
// Berghe 2020), with local search on the first and the final solution, and fleet minimisation for
// the vehicles objective. A day of teams that lend no staff to each other is searched as that
// many independent problems in one loop: each iteration works on one component (team), which is
// accepted at its own temperature and keeps its own best.
import type { Model } from '../model/model.js';
import { Solution } from './solution.js';
import { Random } from './random.js';
import { ruin, type RuinOptions } from './ruin.js';
import { recreate } from './recreate.js';
import { sortRemoved } from './sort-removed.js';
import { localSearch } from './local-search.js';
import { PenaltyManager } from './penalty.js';
import { ComponentIndex } from './components.js';
import { continuityCheckpoints, nextContinuityRaise, setContinuityRaise } from './continuity.js';

export interface Progress {
  /** Best total cost so far (travel plus soft costs plus penalties for unassigned visits). */
  bestCost: number;
  /** Tasks (visit staff slots, or Solomon customers) the best solution leaves out. */
  unassigned: number;
  elapsedMs: number;
  iteration: number;
}

export interface SearchOptions {
  timeLimitMs: number;
  seed: number;
  /** Stop after this many iterations even if time remains (tests). */
  maxIterations?: number;
  onProgress?: (p: Progress) => void;
  signal?: { readonly aborted: boolean };
  /** Minimise vehicles first (Solomon hierarchical objective). */
  minimiseVehicles?: boolean;
  /** Temperature at the start and the end, as a fraction of the mean cost per task. */
  startTemperature?: number;
  endTemperature?: number;
  ruin?: Partial<RuinOptions>;
  /** Starting routes (task lists per vehicle); tasks left out are inserted first. */
  initial?: number[][];
  /** Common starts [task, minute] of double-staffed tasks in `initial`. */
  initialStarts?: [number, number][];
  /** Local search on the starting solution and on the final best (default true). */
  localSearch?: boolean;
  /** Fleet minimisation by penalised time warp with adaptive weights instead of absence counters. */
  penalisedFleet?: boolean;
  /** Clock, injectable for tests. */
  now?: () => number;
}

export interface SearchResult {
  best: Solution;
  iterations: number;
  /** Milliseconds until the first solution with every must-task assigned. */
  firstFeasibleMs: number;
}

/**
 * Builds a first solution by inserting every task, hardest first.
 * @param m - the model
 * @param rnd - random source (for ties only)
 * @param initial - optional starting routes
 */
export function construct(m: Model, rnd: Random, initial?: number[][], initialStarts?: [number, number][]): Solution {
  const s = new Solution(m);
  if (initial) {
    for (const [t, at] of initialStarts ?? []) {
      s.early[t] = at;
      s.late[t] = at;
    }
    // Keep each starting route's tasks in order as long as the route stays feasible.
    initial.forEach((tasks, r) => {
      if (r >= m.nVehicles) return;
      for (const t of tasks) {
        if (s.routeOf[t]! >= 0) continue;
        s.insertRaw(t, r, s.len[r]!);
        s.updateRoute(r);
        if (s.cost[r] === Number.POSITIVE_INFINITY) {
          s.removeRaw(t);
          s.updateRoute(r);
        }
      }
    });
    // A double-staffed visit stays only if both its tasks did.
    for (let t = 0; t < m.nTasks; t++) {
      const pt = m.partner[t]!;
      if (pt >= 0 && s.routeOf[t]! >= 0 && s.routeOf[pt]! < 0) {
        const r = s.routeOf[t]!;
        s.removeRaw(t);
        s.updateRoute(r);
      }
    }
    for (let t = 0; t < m.nTasks; t++)
      if (s.routeOf[t]! < 0) {
        s.early[t] = m.early[t]!;
        s.late[t] = m.late[t]!;
      }
  }
  const todo = new Int32Array(m.nTasks);
  let n = 0;
  for (let t = 0; t < m.nTasks; t++) if (s.routeOf[t]! < 0) todo[n++] = t;
  // Hardest first: double-staffed, must, then narrow windows, then far away.
  const order = Array.from(todo.subarray(0, n)).sort((a, b) => hardness(m, b) - hardness(m, a));
  todo.set(order);
  recreate(s, todo, n, rnd, 0);
  return s;
}

function hardness(m: Model, t: number): number {
  const width = m.late[t]! - m.early[t]!;
  const far = m.time[0]![(m.vStartLoc[0] ?? 0) * m.nLocs + m.taskLoc[t]!]!;
  return (width === 0 ? 1e10 : 0) + (m.partner[t]! >= 0 ? 1e9 : 0) + (m.mustAssign[t] === 1 && !m.uniform ? 1e8 : 0) - width * 10 + far;
}

function mustMissing(s: Solution): number {
  let n = 0;
  for (let t = 0; t < s.m.nTasks; t++) if (s.routeOf[t]! < 0 && s.m.mustAssign[t] === 1) n++;
  return n;
}

/**
 * Runs the search until the time limit, the iteration limit or cancellation.
 * @returns the best solution found (every route feasible; some tasks possibly unassigned)
 */
export function search(m: Model, opt: SearchOptions): SearchResult {
  const now = opt.now ?? (() => performance.now());
  const t0 = now();
  // Keep a little time for the final local search.
  const deadline = t0 + opt.timeLimitMs * (opt.localSearch !== false ? 0.97 : 1);
  const rnd = new Random(opt.seed);
  const ruinOpt: RuinOptions = { avgRemoved: 10, maxString: 10, splitRate: 0.5, ...opt.ruin };
  const cur = construct(m, rnd, opt.initial, opt.initialStarts);
  let firstFeasibleMs = mustMissing(cur) === 0 ? now() - t0 : -1;
  if (opt.localSearch !== false) localSearch(cur, rnd, { deadline: t0 + opt.timeLimitMs * 0.3 });
  const best = new Solution(m);
  best.copyFrom(cur);
  let iterations = 0;
  let bestCost = best.total();
  const report = (): void => opt.onProgress?.({ bestCost, unassigned: best.unassignedCount(), elapsedMs: now() - t0, iteration: iterations });
  report();

  if (opt.minimiseVehicles) {
    const fleetDeadline = t0 + opt.timeLimitMs * 0.75;
    const budget = opt.maxIterations ?? Number.POSITIVE_INFINITY;
    iterations += opt.penalisedFleet
      ? minimiseFleetPenalised(cur, best, rnd, ruinOpt, fleetDeadline, now, opt.signal, budget)
      : minimiseFleet(cur, best, rnd, ruinOpt, fleetDeadline, now, opt.signal, budget);
    cur.copyFrom(best);
    for (let r = 0; r < m.nVehicles; r++) {
      const on = best.len[r]! > 0 ? 1 : 0;
      cur.enabled[r] = on;
      best.enabled[r] = on;
    }
    bestCost = best.total();
    report();
  }

  const cand = new Solution(m);
  cand.copyFrom(cur);
  const comps = new ComponentIndex(m);
  const compCur = Float64Array.from({ length: comps.count }, (_, c) => comps.cost(cur, c));
  const compBest = Float64Array.from({ length: comps.count }, (_, c) => comps.cost(best, c));
  const removed = new Int32Array(m.nTasks);
  const ruined = new Uint8Array(m.nVehicles);
  const touched = new Uint8Array(m.nVehicles);
  // Temperature scale of each component: its route costs per task, leaving out the (huge) price
  // of unassigned tasks. A dense walking team and a rural car team differ several-fold here.
  let routeCost = 0;
  for (let r = 0; r < m.nVehicles; r++) routeCost += cur.cost[r]!;
  const scale = Math.max(1e-9, routeCost / Math.max(1, m.nTasks));
  const compScale = Float64Array.from({ length: comps.count }, (_, c) => {
    let x = 0;
    for (const r of comps.vehicles[c]!) x += cur.cost[r]!;
    return x > 0 ? x / Math.max(1, comps.tasks[c]!.length) : scale;
  });
  // Temperatures below are fractions of the scale; each component multiplies by its own.
  const T0 = opt.startTemperature ?? 0.3;
  const T1 = opt.endTemperature ?? 0.005;
  let lastReport = now();
  const maxIt = opt.maxIterations ?? Number.POSITIVE_INFINITY;
  const blinkRate = 0.01;
  // Work is shared between components by their size (tasks^1.5: a larger team needs both more
  // iterations and longer ones): each iteration works on the component furthest behind its
  // share, so a small team gets as many iterations as it would alone with its share of the time,
  // however large the rest of the day is. Work is counted, not timed (an iteration's insertions
  // scan about tasks + vehicles places each), so a run with an iteration limit repeats exactly.
  const share = Float64Array.from({ length: comps.count }, (_, c) => (comps.vehicles[c]!.length > 0 ? comps.tasks[c]!.length ** 1.5 : 0));
  const spent = new Float64Array(comps.count);
  let checkpoint = 0;
  // Nothing to move: no tasks, or no staff to give them to.
  const idle = m.nTasks === 0 || m.nVehicles === 0 || share.every((x) => x === 0);
  for (;;) {
    if (iterations >= maxIt || idle) break;
    if ((iterations & 15) === 0) {
      const tnow = now();
      if (tnow >= deadline || opt.signal?.aborted) break;
      if (tnow - lastReport > 250) {
        lastReport = tnow;
        report();
      }
    }
    iterations++;
    let c = -1;
    for (let k = 0; k < comps.count; k++) if (share[k]! > 0 && (c < 0 || spent[k]! * share[c]! < spent[c]! * share[k]!)) c = k;
    const tasks = comps.tasks[c]!;
    const frac = Math.min(1, (now() - t0) / opt.timeLimitMs);
    const T = T0 * Math.pow(T1 / T0, frac);
    if (m.continuity && checkpoint < continuityCheckpoints.length && Math.max(frac, iterations / maxIt) >= continuityCheckpoints[checkpoint]!) {
      checkpoint++;
      const raise = nextContinuityRaise(best);
      if (raise !== m.continuity.raised) {
        // New prices: every route is priced again, and a component whose current plan is now
        // better than its best becomes the best.
        setContinuityRaise(m, raise);
        for (let r = 0; r < m.nVehicles; r++) {
          cur.updateRoute(r);
          cand.updateRoute(r);
          best.updateRoute(r);
        }
        for (let k = 0; k < comps.count; k++) {
          compCur[k] = comps.cost(cur, k);
          compBest[k] = comps.cost(best, k);
          if (compCur[k]! < compBest[k]! - 1e-9) {
            comps.copy(best, cur, k);
            compBest[k] = compCur[k]!;
          }
        }
        bestCost = best.total();
      }
    }
    // Ruin and recreate on cand (a copy of cur on the routes that matter).
    // While must-tasks are out, often ruin around one of them to make room where it is needed.
    let seedTask = -1;
    if (!m.uniform && rnd.next() < 0.5) {
      let k = 0;
      for (const t of tasks) if (cand.routeOf[t]! < 0 && m.mustAssign[t] === 1 && rnd.int(++k) === 0) seedTask = t;
    }
    let nRem = ruin(cand, rnd, ruinOpt, removed, ruined, seedTask, { tasks, vehicles: comps.vehicles[c]! });
    for (let r = 0; r < m.nVehicles; r++) touched[r] = ruined[r]!;
    // The component's tasks still unassigned in cur get another chance each iteration.
    for (const t of tasks) {
      if (cand.routeOf[t]! < 0) {
        let seen = false;
        for (let i = 0; i < nRem; i++) if (removed[i] === t) seen = true;
        if (!seen) removed[nRem++] = t;
      }
    }
    sortRemoved(cand, removed, nRem, rnd);
    const before = snapshotLens(cand);
    recreate(cand, removed, nRem, rnd, blinkRate);
    markChanged(cand, before, touched);
    // Components are independent, so each is accepted or refused on its own, at its own temperature.
    const cc = comps.cost(cand, c);
    if (cc < compCur[c]! - T * compScale[c]! * Math.log(rnd.next() + 1e-300)) {
      comps.copy(cur, cand, c, touched);
      compCur[c] = cc;
      // Keep each component's best on its own: one team's worse moment must not hide another's best.
      if (cc < compBest[c]! - 1e-9) {
        comps.copy(best, cur, c);
        // The best's total changes by this component's gain alone: no need to price the whole day.
        bestCost += cc - compBest[c]!;
        compBest[c] = cc;
        if (firstFeasibleMs < 0 && mustMissing(best) === 0) firstFeasibleMs = now() - t0;
      }
    } else comps.copy(cand, cur, c, touched);
    spent[c] = spent[c]! + tasks.length + nRem * (tasks.length + comps.vehicles[c]!.length);
  }
  if (opt.localSearch !== false) {
    localSearch(best, rnd, { maxPasses: 5, deadline: t0 + opt.timeLimitMs });
    bestCost = best.total();
  }
  report();
  return { best, iterations, firstFeasibleMs };
}

const lensScratch: number[] = [];
function snapshotLens(s: Solution): number[] {
  lensScratch.length = 0;
  for (let r = 0; r < s.m.nVehicles; r++) lensScratch.push(s.len[r]!);
  return lensScratch;
}

/** Recreate only inserts, so a route changed exactly when its length did (or it was ruined). */
function markChanged(s: Solution, before: number[], touched: Uint8Array): void {
  for (let r = 0; r < s.m.nVehicles; r++) if (s.len[r] !== before[r]) touched[r] = 1;
}

/**
 * Fleet minimisation (SISR section 5): switch off a short route's vehicle, then ruin and recreate
 * until its tasks fit elsewhere, preferring fewer unassigned tasks and then tasks that were left
 * out less often. Each success is kept in `best`.
 * @returns iterations used
 */
function minimiseFleet(
  cur: Solution,
  best: Solution,
  rnd: Random,
  ruinOpt: RuinOptions,
  deadline: number,
  now: () => number,
  signal: { readonly aborted: boolean } | undefined,
  maxIt: number,
  seedOutRate = 0.5,
): number {
  const m = cur.m;
  const absent = new Float64Array(m.nTasks);
  const removed = new Int32Array(m.nTasks);
  const ruined = new Uint8Array(m.nVehicles);
  const touched = new Uint8Array(m.nVehicles);
  const cand = new Solution(m);
  let it = 0;
  for (let r = 0; r < m.nVehicles; r++) if (cur.len[r] === 0) cur.enabled[r] = 0;
  while (now() < deadline && !signal?.aborted && it < maxIt) {
    // Switch off the route with the fewest tasks.
    let victim = -1;
    for (let r = 0; r < m.nVehicles; r++)
      if (cur.enabled[r] === 1 && cur.len[r]! > 0 && (victim < 0 || cur.len[r]! < cur.len[victim]!)) victim = r;
    if (victim < 0 || cur.routeCount() <= 1) break;
    const tasks = Array.from(cur.route[victim]!.subarray(0, cur.len[victim]!));
    for (const t of tasks) cur.removeRaw(t);
    cur.updateRoute(victim);
    cur.enabled[victim] = 0;
    absent.fill(0);
    let curMissing = cur.unassignedCount();
    cand.copyFrom(cur);
    while (curMissing > 0 && now() < deadline && !signal?.aborted && it < maxIt) {
      for (let i = 0; i < 16 && curMissing > 0; i++) {
        it++;
        // Often ruin around a task that is out, to make room where it is needed.
        let seedTask = -1;
        if (rnd.next() < seedOutRate) {
          let k = 0;
          for (let t = 0; t < m.nTasks; t++) if (cand.routeOf[t]! < 0 && rnd.int(++k) === 0) seedTask = t;
        }
        let nRem = ruin(cand, rnd, ruinOpt, removed, ruined, seedTask);
        for (let r = 0; r < m.nVehicles; r++) touched[r] = ruined[r]!;
        for (let t = 0; t < m.nTasks; t++) if (cand.routeOf[t]! < 0 && !contains(removed, nRem, t)) removed[nRem++] = t;
        // Half the time, tasks left out most often go back first.
        if (rnd.next() < 0.5) sortByAbsence(removed, nRem, absent, rnd);
        else sortRemoved(cand, removed, nRem, rnd);
        const before = snapshotLens(cand);
        recreate(cand, removed, nRem, rnd, 0.01);
        markChanged(cand, before, touched);
        // Compare both solutions' absent tasks under the same counters.
        let missing = 0;
        let abs = 0;
        let curAbs = 0;
        for (let t = 0; t < m.nTasks; t++) {
          if (cand.routeOf[t]! < 0) {
            missing++;
            abs += absent[t]!;
          }
          if (cur.routeOf[t]! < 0) curAbs += absent[t]!;
        }
        if (missing < curMissing || (missing === curMissing && abs < curAbs)) {
          for (let r = 0; r < m.nVehicles; r++) if (touched[r] === 1) cur.copyRouteFrom(cand, r);
          curMissing = missing;
        } else {
          for (let r = 0; r < m.nVehicles; r++) if (touched[r] === 1) cand.copyRouteFrom(cur, r);
        }
        // Tasks that stay out grow harder to leave out next time.
        for (let t = 0; t < m.nTasks; t++) if (cur.routeOf[t]! < 0) absent[t] = absent[t]! + 1;
      }
    }
    if (curMissing === 0) best.copyFrom(cur);
    else break;
  }
  return it;
}

function contains(a: Int32Array, n: number, t: number): boolean {
  for (let i = 0; i < n; i++) if (a[i] === t) return true;
  return false;
}

function sortByAbsence(tasks: Int32Array, n: number, absent: Float64Array, rnd: Random): void {
  const arr = Array.from(tasks.subarray(0, n), (t) => ({ t, k: -absent[t]! - rnd.next() }));
  arr.sort((a, b) => a.k - b.k);
  arr.forEach((x, i) => (tasks[i] = x.t));
}

/**
 * Fleet minimisation in penalised space: switch off the shortest route, insert its tasks where
 * they cost least even if late or over capacity, then ruin and recreate under penalties that adapt
 * to keep about 30 % of candidates feasible, until the solution is feasible again.
 * @returns iterations used
 */
function minimiseFleetPenalised(
  cur: Solution,
  best: Solution,
  rnd: Random,
  ruinOpt: RuinOptions,
  deadline: number,
  now: () => number,
  signal: { readonly aborted: boolean } | undefined,
  maxIt: number,
): number {
  const m = cur.m;
  const removed = new Int32Array(m.nTasks);
  const ruined = new Uint8Array(m.nVehicles);
  const touched = new Uint8Array(m.nVehicles);
  const cand = new Solution(m);
  let routeCost = 0;
  for (let r = 0; r < m.nVehicles; r++) routeCost += cur.cost[r]!;
  const scale = Math.max(1e-6, routeCost / Math.max(1, m.nTasks));
  const pm = new PenaltyManager(scale, scale);
  let it = 0;
  const all = new Int32Array(m.nTasks);
  for (let r = 0; r < m.nVehicles; r++) if (cur.len[r] === 0) cur.enabled[r] = 0;
  while (now() < deadline && !signal?.aborted && it < maxIt) {
    let victim = -1;
    for (let r = 0; r < m.nVehicles; r++)
      if (cur.enabled[r] === 1 && cur.len[r]! > 0 && (victim < 0 || cur.len[r]! < cur.len[victim]!)) victim = r;
    if (victim < 0 || cur.routeCount() <= 1) break;
    const tasks = Array.from(cur.route[victim]!.subarray(0, cur.len[victim]!));
    for (const t of tasks) cur.removeRaw(t);
    cur.enabled[victim] = 0;
    cur.penaltyTW = pm.tw;
    cur.penaltyLoad = pm.load;
    cur.updateAll();
    let n = 0;
    for (const t of tasks) all[n++] = t;
    sortRemoved(cur, all, n, rnd);
    recreate(cur, all, n, rnd, 0);
    cand.copyFrom(cur);
    let curCost = cur.total();
    while (!(cur.feasible() && cur.unassignedCount() === 0) && now() < deadline && !signal?.aborted && it < maxIt) {
      it++;
      let nRem = ruin(cand, rnd, ruinOpt, removed, ruined);
      for (let r = 0; r < m.nVehicles; r++) touched[r] = ruined[r]!;
      for (let t = 0; t < m.nTasks; t++) if (cand.routeOf[t]! < 0 && !contains(removed, nRem, t)) removed[nRem++] = t;
      sortRemoved(cand, removed, nRem, rnd);
      const before = snapshotLens(cand);
      recreate(cand, removed, nRem, rnd, 0.01);
      markChanged(cand, before, touched);
      const candCost = cand.total();
      if (candCost < curCost - 0.05 * scale * Math.log(rnd.next() + 1e-300)) {
        for (let r = 0; r < m.nVehicles; r++) if (touched[r] === 1) cur.copyRouteFrom(cand, r);
        curCost = candCost;
      } else {
        for (let r = 0; r < m.nVehicles; r++) if (touched[r] === 1) cand.copyRouteFrom(cur, r);
      }
      if (pm.record(cand.feasible())) {
        cur.penaltyTW = cand.penaltyTW = pm.tw;
        cur.penaltyLoad = cand.penaltyLoad = pm.load;
        cur.updateAll();
        cand.updateAll();
        curCost = cur.total();
      }
    }
    if (cur.feasible() && cur.unassignedCount() === 0) {
      cur.penaltyTW = cur.penaltyLoad = Number.POSITIVE_INFINITY;
      cur.updateAll();
      best.copyFrom(cur);
    } else break;
  }
  cur.penaltyTW = cur.penaltyLoad = Number.POSITIVE_INFINITY;
  cur.updateAll();
  return it;
}
