// A search thread: receives a job from solve(), runs one seeded search and posts the best routes.
import { parentPort, workerData } from 'node:worker_threads';
import { runJob, type Job } from './run-job.js';

const job = workerData as Job;
const flag = new Int32Array(job.stopFlag);
const result = runJob(job, { get aborted() { return Atomics.load(flag, 0) === 1; } }, (p) => parentPort?.postMessage({ type: 'progress', progress: p }));
parentPort?.postMessage({ type: 'result', result });
