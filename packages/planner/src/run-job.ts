// One search job, as run on the main thread or in a worker: build the model, search, and return
// plain data (routes and the common starts of double-staffed visits) that can cross threads.
import { compileProblem } from './model/from-problem.js';
import { parseSolomon, solomonModel } from './model/solomon.js';
import type { Problem } from './format/schema.js';
import type { Model } from './model/model.js';
import { search, type Progress } from './search/anneal.js';
import type { Solution } from './search/solution.js';

export interface Job {
  kind: 'homecare' | 'solomon';
  /** A validated problem (homecare) or the instance text (solomon). */
  input: Problem | string;
  seed: number;
  /** Absolute deadline, Date.now() milliseconds. */
  deadline: number;
  timeLimitMs: number;
  minimiseVehicles: boolean;
  /** Use penalised fleet minimisation (odd threads do, for a portfolio of two methods). */
  penalisedFleet?: boolean;
  initial?: number[][];
  initialStarts?: [number, number][];
  /** SharedArrayBuffer of one Int32: 1 means stop now. */
  stopFlag: SharedArrayBuffer;
}

export interface JobResult {
  routes: number[][];
  /** [task, start] for tasks whose window the search narrowed (double-staffed visits). */
  starts: [number, number][];
  cost: number;
  /** What the search added to the continuity weight (the day fell short of its target). */
  continuityRaise: number;
  iterations: number;
  firstFeasibleMs: number;
}

export function modelFor(job: Pick<Job, 'kind' | 'input' | 'minimiseVehicles'>): Model {
  if (job.kind === 'solomon') return solomonModel(parseSolomon(job.input as string), 0);
  return compileProblem(job.input as Problem).model;
}

/** @returns the narrowed starts of a solution, to carry it across threads. */
export function startsOf(s: Solution): [number, number][] {
  const out: [number, number][] = [];
  for (let t = 0; t < s.m.nTasks; t++) if (s.m.partner[t]! >= 0 && s.routeOf[t]! >= 0) out.push([t, s.early[t]!]);
  return out;
}

export function runJob(job: Job, signal: { readonly aborted: boolean }, onProgress?: (p: Progress) => void, model?: Model): JobResult {
  const m = model ?? modelFor(job);
  const timeLimitMs = Math.max(1, Math.min(job.timeLimitMs, job.deadline - Date.now()));
  const r = search(m, {
    timeLimitMs,
    seed: job.seed,
    signal,
    minimiseVehicles: job.minimiseVehicles,
    penalisedFleet: job.penalisedFleet === true,
    localSearch: job.kind === 'homecare',
    // A home-care day keeps its start temperature: its small teams are rugged (double-staffed
    // visits, a fixed contact against a language), and cooling left a team in a worse basin
    // (one team of seed 3: 76 % by the fixed contact instead of 95 %, 7 % dearer) in half the
    // runs; each team's best is kept anyway, and the final local search polishes it.
    ...(job.kind === 'homecare' ? { endTemperature: 0.3 } : {}),
    ...(job.initial ? { initial: job.initial } : {}),
    ...(job.initialStarts ? { initialStarts: job.initialStarts } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  return { routes: r.best.routes(), starts: startsOf(r.best), cost: r.best.total(), continuityRaise: m.continuity?.raised ?? 0, iterations: r.iterations, firstFeasibleMs: r.firstFeasibleMs };
}
