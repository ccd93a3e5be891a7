// The planning engine in a worker thread, so a search never blocks the server's event loop.
// Receives a problem, posts progress and then the plan; a 'cancel' message returns the best so far.
import { parentPort, workerData } from 'node:worker_threads';
import { solve } from '@tillit/planner';

export interface PlanningWorkerInput {
  problem: unknown;
  timeLimitMs: number;
  seed: number;
  threads: number;
}

export type PlanningWorkerMessage =
  | { type: 'progress'; bestCost: number; elapsedMs: number; iteration: number }
  | { type: 'done'; plan: unknown; progress: { bestCost: number; elapsedMs: number; iteration: number } | null }
  | { type: 'error'; message: string };

const input = workerData as PlanningWorkerInput;
const controller = new AbortController();
parentPort?.on('message', (m: unknown) => {
  if (m === 'cancel') controller.abort();
});

let lastPost = 0;
let latest: { bestCost: number; elapsedMs: number; iteration: number } | null = null;
solve(input.problem as never, {
  timeLimitMs: input.timeLimitMs,
  seed: input.seed,
  threads: input.threads,
  signal: controller.signal,
  onProgress: (p) => {
    latest = { bestCost: p.bestCost, elapsedMs: p.elapsedMs, iteration: p.iteration };
    const now = Date.now();
    // At most a few messages a second: the page polls, it does not need every improvement.
    if (now - lastPost < 200) return;
    lastPost = now;
    parentPort?.postMessage({ type: 'progress', bestCost: p.bestCost, elapsedMs: p.elapsedMs, iteration: p.iteration } satisfies PlanningWorkerMessage);
  },
})
  .then((plan) => parentPort?.postMessage({ type: 'done', plan, progress: latest } satisfies PlanningWorkerMessage))
  .catch((e: unknown) => parentPort?.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies PlanningWorkerMessage));
