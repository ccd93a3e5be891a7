// The library's entry points: solve a home-care day or a Solomon instance within a time limit,
// on several threads (the main thread plus workers, each an independent seeded search), and
// return the best plan found.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { parseProblem, type Plan, type Problem } from './format/schema.js';
import { compileProblem, type CompiledProblem } from './model/from-problem.js';
import { parseSolomon, solomonModel, type SolomonInstance } from './model/solomon.js';
import { buildPlan } from './plan/build-plan.js';
import type { Progress } from './search/anneal.js';
import { Solution } from './search/solution.js';
import { combineByComponent } from './search/components.js';
import { setContinuityRaise } from './search/continuity.js';
import { runJob, type Job, type JobResult } from './run-job.js';
import type { Model } from './model/model.js';
import { InternalError } from './errors.js';

export type { Progress };

export interface SolveOptions {
  /** Wall-clock budget in milliseconds (default 10 000). */
  timeLimitMs?: number;
  /** Seed of the random source (default 1); the same seed and one thread repeat a run. */
  seed?: number;
  /** Search threads including the calling one (default: all cores, at most 4). */
  threads?: number;
  /** Called now and then with the best cost so far, elapsed time and iteration. */
  onProgress?: (p: Progress) => void;
  /** Aborting returns the best plan found so far. */
  signal?: AbortSignal;
}

export interface SolomonOptions extends SolveOptions {
  objective?: 'distance' | 'vehicles';
}

export interface VrptwSolution {
  format: 'tillit.vrptw-solution/v1';
  instance: string;
  vehicles: number;
  distance: number;
  routes: number[][];
  /** Milliseconds until the first feasible solution (extension, for benchmarks). */
  firstFeasibleMs?: number;
}

function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./worker-bootstrap.mjs', import.meta.url) : new URL('./worker.js', import.meta.url);
}

/**
 * Runs `job` on `threads` threads and @returns every thread's result. Without a signal the calling
 * thread searches too; with one, every search runs in a worker so that the caller's event loop
 * stays free to notice the abort.
 */
async function runThreads(job: Omit<Job, 'seed' | 'stopFlag'>, seed: number, threads: number, opt: SolveOptions, model: Model): Promise<JobResult[]> {
  const stopFlag = new SharedArrayBuffer(4);
  const flag = new Int32Array(stopFlag);
  const stop = (): void => {
    Atomics.store(flag, 0, 1);
  };
  if (opt.signal?.aborted) stop();
  opt.signal?.addEventListener('abort', stop);
  const inline = opt.signal === undefined;
  const workers: Promise<JobResult | null>[] = [];
  for (let i = inline ? 1 : 0; i < threads; i++) {
    const w = new Worker(workerUrl(), { workerData: { ...job, seed: seed + 7919 * i, penalisedFleet: i % 2 === 1, stopFlag } satisfies Job });
    const first = i === 0;
    workers.push(
      new Promise((resolve) => {
        let result: JobResult | null = null;
        w.on('message', (msg: { type: string; result?: JobResult; progress?: Progress }) => {
          if (msg.type === 'result' && msg.result) result = msg.result;
          else if (msg.type === 'progress' && first && msg.progress) opt.onProgress?.(msg.progress);
        });
        // A worker that fails only costs its share of the search; the others still answer.
        w.on('error', () => resolve(null));
        w.on('exit', () => resolve(result));
      }),
    );
  }
  let mine: JobResult[] = [];
  if (inline) {
    // Let workers start before this thread blocks on its own search.
    await new Promise((r) => setImmediate(r));
    const signal = { get aborted() { return Atomics.load(flag, 0) === 1; } };
    mine = [runJob({ ...job, seed, stopFlag }, signal, opt.onProgress, model)];
    stop();
  }
  const others = await Promise.all(workers);
  opt.signal?.removeEventListener('abort', stop);
  const all = [...mine, ...others.filter((r): r is JobResult => r !== null)];
  // Every worker failed (e.g. the worker file is missing): search here rather than fail.
  if (all.length === 0) all.push(runJob({ ...job, seed, stopFlag: new SharedArrayBuffer(4) }, { aborted: false }, opt.onProgress, model));
  return all;
}

/** Rebuilds a Solution from a thread's result. */
function restore(m: Model, r: JobResult): Solution {
  const s = new Solution(m);
  for (const [t, at] of r.starts) {
    s.early[t] = at;
    s.late[t] = at;
  }
  r.routes.forEach((tasks, v) => {
    s.setRouteRaw(v, tasks);
    s.updateRoute(v);
  });
  return s;
}

/**
 * Combines the threads' results: each independent component (a team that lends no staff) is taken
 * from the thread that priced it lowest, so two threads are worth more than the better of two runs.
 */
function bestOf(m: Model, results: JobResult[]): Solution {
  if (results.length === 0) throw new InternalError('no thread returned a solution');
  // Threads that raised the continuity weight further saw the target missed at the lower prices:
  // compare every thread's teams at the highest.
  setContinuityRaise(m, Math.max(0, ...results.map((r) => r.continuityRaise)));
  return combineByComponent(results.map((r) => restore(m, r)));
}

function threadCount(opt: SolveOptions): number {
  return Math.max(1, Math.min(opt.threads ?? Math.min(4, availableParallelism()), 16));
}

/** Starting routes and double-visit starts from the problem's previous plan. */
function initialFromPrevious(cp: CompiledProblem): { initial: number[][]; initialStarts: [number, number][] } | null {
  const p = cp.problem;
  if (!p.previousPlan) return null;
  const staffIdx = new Map(p.staff.map((s, i) => [s.id, i]));
  const visitIdx = new Map(p.visits.map((v, i) => [v.id, i]));
  const initial: number[][] = p.staff.map(() => []);
  const initialStarts: [number, number][] = [];
  const used = new Set<number>();
  const startOf = new Map<number, string>();
  for (const r of p.previousPlan.routes) {
    const si = staffIdx.get(r.staff);
    if (si === undefined) continue;
    for (const st of r.stops) {
      if (!('visit' in st)) continue;
      const vi = visitIdx.get(st.visit);
      if (vi === undefined) continue;
      let t = cp.visitTask[vi]!;
      if (used.has(t)) t++;
      if (used.has(t) || cp.taskVisit[t] !== vi) continue;
      used.add(t);
      initial[si]!.push(t);
      if (cp.model.partner[t]! >= 0) {
        const prev = startOf.get(vi);
        if (prev === undefined || prev === st.start) {
          startOf.set(vi, st.start);
          const [h, mm] = st.start.split(':').map(Number) as [number, number];
          initialStarts.push([t, h * 60 + mm]);
        }
      }
    }
  }
  return { initial, initialStarts };
}

/**
 * Plans a home-care day.
 * @param problem - a tillit.problem/v1 document (validated here; an InputError names bad fields)
 * @param opt - time limit, seed, threads, progress callback and cancellation
 * @returns a valid tillit.plan/v1 (visits that fit nowhere are listed as unassigned with a reason)
 */
export async function solve(problem: unknown, opt: SolveOptions = {}): Promise<Plan> {
  const p: Problem = parseProblem(problem);
  const cp = compileProblem(p);
  const prev = initialFromPrevious(cp);
  const timeLimitMs = opt.timeLimitMs ?? 10_000;
  const job: Omit<Job, 'seed' | 'stopFlag'> = {
    kind: 'homecare',
    input: p,
    deadline: Date.now() + timeLimitMs,
    timeLimitMs,
    minimiseVehicles: false,
    ...(prev ?? {}),
  };
  // Short replans are not worth a thread's start-up time.
  const threads = timeLimitMs < 1500 ? 1 : threadCount(opt);
  const results = await runThreads(job, opt.seed ?? 1, threads, opt, cp.model);
  return buildPlan(cp, bestOf(cp.model, results));
}

/**
 * Solves a Solomon VRPTW instance.
 * @param instance - the instance text (or a parsed instance)
 * @param opt - objective (distance, or vehicles first), time limit, seed, threads, progress, cancellation
 * @returns the solution with customer numbers as in the file
 */
export async function solveSolomon(instance: string | SolomonInstance, opt: SolomonOptions = {}): Promise<VrptwSolution> {
  const inst = typeof instance === 'string' ? parseSolomon(instance) : instance;
  const text = typeof instance === 'string' ? instance : toSolomonText(inst);
  const m = solomonModel(inst, 0);
  const timeLimitMs = opt.timeLimitMs ?? 10_000;
  const job: Omit<Job, 'seed' | 'stopFlag'> = {
    kind: 'solomon',
    input: text,
    deadline: Date.now() + timeLimitMs,
    timeLimitMs,
    minimiseVehicles: opt.objective === 'vehicles',
  };
  const results = await runThreads(job, opt.seed ?? 1, threadCount(opt), opt, m);
  // Vehicles objective: fewest routes first, then distance.
  const scored = results.map((r) => ({ r, n: r.routes.filter((x) => x.length > 0).length }));
  const minN = Math.min(...scored.map((x) => x.n));
  const pool = opt.objective === 'vehicles' ? scored.filter((x) => x.n === minN).map((x) => x.r) : results;
  const best = bestOf(m, pool);
  const routes = best.routes().filter((r) => r.length > 0);
  const c = inst.customers;
  let distance = 0;
  for (const r of routes) {
    let prev = 0;
    for (const t of r) {
      distance += Math.hypot(c[prev]!.x - c[t + 1]!.x, c[prev]!.y - c[t + 1]!.y);
      prev = t + 1;
    }
    distance += Math.hypot(c[prev]!.x - c[0]!.x, c[prev]!.y - c[0]!.y);
  }
  const ff = results.map((r) => r.firstFeasibleMs).filter((x) => x >= 0);
  return {
    format: 'tillit.vrptw-solution/v1',
    instance: inst.name,
    vehicles: routes.length,
    distance: Math.round(distance * 100) / 100,
    routes: routes.map((r) => r.map((t) => c[t + 1]!.id)),
    ...(ff.length ? { firstFeasibleMs: Math.min(...ff) } : {}),
  };
}

function toSolomonText(inst: SolomonInstance): string {
  const rows = inst.customers.map((k) => `${k.id} ${k.x} ${k.y} ${k.demand} ${k.ready} ${k.due} ${k.service}`);
  return [inst.name, 'VEHICLE', 'NUMBER CAPACITY', `${inst.vehicles} ${inst.capacity}`, 'CUSTOMER', 'CUST NO.', ...rows].join('\n');
}
