// Ruin: remove a few strings of consecutive tasks from routes near a random seed task (the
// "adjacent string removal" of Christiaens & Vanden Berghe 2020, SISR). Removing tasks that are
// close in space and in sequence leaves room that recreate can fill in a better way.
import type { Solution } from './solution.js';
import type { Random } from './random.js';

export interface RuinOptions {
  /** Average number of tasks removed. */
  avgRemoved: number;
  /** Longest string removed from one route. */
  maxString: number;
  /** Probability that a string keeps a run of tasks in its middle ("split string"). */
  splitRate: number;
}

/**
 * Removes strings around a random seed and writes the removed tasks to `out`.
 * @returns how many tasks were removed
 */
export function ruin(s: Solution, rnd: Random, opt: RuinOptions, out: Int32Array, ruined: Uint8Array, seedTask = -1, within?: { tasks: Int32Array; vehicles: Int32Array }): number {
  const m = s.m;
  const nV = m.nVehicles;
  let nRemoved = 0;
  ruined.fill(0);
  let used = 0;
  let totalLen = 0;
  const nR = within ? within.vehicles.length : nV;
  for (let i = 0; i < nR; i++) {
    const r = within ? within.vehicles[i]! : i;
    if (s.len[r]! > 0) {
      used++;
      totalLen += s.len[r]!;
    }
  }
  if (used === 0) return 0;
  const lsMax = Math.max(1, Math.min(opt.maxString, totalLen / used));
  const ksMax = (4 * opt.avgRemoved) / (1 + lsMax) - 1;
  const ks = Math.max(1, Math.floor(rnd.next() * ksMax) + 1);
  // Seed: a random assigned task (of the given component), or the given (unassigned) task whose
  // neighbourhood needs room.
  let seed = seedTask;
  if (seed < 0) {
    const pool = within?.tasks;
    const n = pool ? pool.length : m.nTasks;
    let i = rnd.int(n);
    seed = pool ? pool[i]! : i;
    for (let tries = 0; tries < n && s.routeOf[seed]! < 0; tries++) {
      i = (i + 1) % n;
      seed = pool ? pool[i]! : i;
    }
    if (s.routeOf[seed]! < 0) return 0;
  }
  let strings = 0;
  const k = m.nNeighbours;
  for (let i = -1; i < k && strings < ks; i++) {
    const c = i < 0 ? seed : m.neighbours[seed * k + i]!;
    // Stay in the seed's component (team): a change there is then judged on its own.
    if (m.taskComponent[c] !== m.taskComponent[seed]) break;
    const r = s.routeOf[c]!;
    if (r < 0 || ruined[r] === 1) continue;
    const n = s.len[r]!;
    const lMax = Math.min(n, lsMax);
    const l = Math.floor(rnd.next() * lMax) + 1;
    const a = s.route[r]!;
    const pc = s.posOf[c]!;
    if (rnd.next() < opt.splitRate && l < n) {
      // Split string: remove l tasks out of a string of l + kept, keeping a middle run.
      let kept = 1;
      while (l + kept < n && rnd.next() < 0.5) kept++;
      const span = l + kept;
      const lo = Math.max(0, pc - span + 1);
      const hi = Math.min(pc, n - span);
      const start = lo + rnd.int(hi - lo + 1);
      const keepFrom = start + rnd.int(l + 1);
      for (let p = start; p < start + span; p++) {
        if (p >= keepFrom && p < keepFrom + kept) continue;
        out[nRemoved++] = a[p]!;
      }
    } else {
      const lo = Math.max(0, pc - l + 1);
      const hi = Math.min(pc, n - l);
      const start = lo + rnd.int(hi - lo + 1);
      for (let p = start; p < start + l; p++) out[nRemoved++] = a[p]!;
    }
    ruined[r] = 1;
    strings++;
  }
  // A synchronised pair leaves together so that recreate can choose a new common start.
  const n0 = nRemoved;
  for (let i = 0; i < n0; i++) {
    const p = m.partner[out[i]!]!;
    if (p >= 0 && s.routeOf[p]! >= 0) {
      let seen = false;
      for (let j = 0; j < nRemoved; j++) if (out[j] === p) seen = true;
      if (!seen) {
        out[nRemoved++] = p;
        ruined[s.routeOf[p]!] = 1;
      }
    }
  }
  for (let i = 0; i < nRemoved; i++) s.removeRaw(out[i]!);
  for (let r = 0; r < nV; r++) if (ruined[r] === 1) s.updateRoute(r);
  return nRemoved;
}
