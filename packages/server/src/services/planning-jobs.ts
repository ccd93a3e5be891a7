// Suggesting a plan for a team's day: a job row the page can poll, a queue that any worker
// process takes it from, the engine in a worker thread, progress and cancellation through the row.
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { planningJobs, visits } from '../db/schema.js';
import type { JobQueue } from '../jobs/queue.js';
import type { PlanningWorkerInput, PlanningWorkerMessage } from '../jobs/planning-worker.js';
import { loadDay, suggestionDay, withTrips, type DayData, type DayProblem } from './planning-problem.js';
import { weightsOfTeam, type PlanningWeights } from './planning-weights.js';

export const planningQueue = 'plan-day';

export interface PlanningSettings {
  /** Search time for a first suggestion of a day. */
  timeLimitMs: number;
  /**
   * Search time for a replan, when most of the day is already assigned (after an absence): the
   * previous plan is a good start and the team is waiting, so it answers in about a second.
   */
  replanTimeLimitMs?: number;
  /** Search threads inside the worker. */
  threads: number;
}

/**
 * The problem for a suggestion: locked visits are pinned to their person and time, the current
 * assignments are the previous plan to stay close to (a replan moves as little as it can), and
 * the soft costs are the team's planning weights.
 */
export function suggestionProblem(
  problem: DayProblem,
  lockedVisits: Map<string, { staffIds: string[]; plannedStart: string }>,
  previous: unknown,
  weights: PlanningWeights,
): DayProblem {
  const staffIds = new Set(problem.staff.map((s) => s.id));
  return {
    ...problem,
    weights,
    visits: problem.visits.map((v) => {
      const lock = lockedVisits.get(v.id);
      // A lock on someone who is not working today cannot hold; the visit is planned afresh.
      if (!lock || !lock.staffIds.every((s) => staffIds.has(s)) || lock.staffIds.length !== v.staffCount) return v;
      return { ...v, pinnedStaff: lock.staffIds, pinnedStart: lock.plannedStart };
    }),
    previousPlan: previous,
  };
}

/**
 * The planned visits of errand trips already under way (decision 0009): a delivery of the trip is
 * done or missed, so its driver has shopped for all of them and carries the rest. Neither a
 * suggestion nor applying one may give these to someone else or another time.
 */
export async function visitsOnTripsUnderWay(db: Db, teamId: string, date: string): Promise<Set<string>> {
  const rows = await db.select({ id: visits.id, status: visits.status, trip: visits.errandTrip }).from(visits)
    .where(and(eq(visits.teamId, teamId), eq(visits.date, date), isNotNull(visits.errandTrip), inArray(visits.status, ['planned', 'done', 'missed'])));
  const started = new Set(rows.filter((r) => r.status !== 'planned').map((r) => r.trip));
  return new Set(rows.filter((r) => r.status === 'planned' && started.has(r.trip)).map((r) => r.id));
}

/** The day with the given visits locked where they are, so a suggestion pins them (a trip under way). */
export function withVisitsLocked(day: DayData, ids: ReadonlySet<string>): DayData {
  if (ids.size === 0) return day;
  const rows = day.parts.rows.map((r) => (ids.has(r.id) ? { ...r, locked: true } : r));
  return withTrips({ ...day, parts: { ...day.parts, rows }, visitRows: new Map(rows.map((r) => [r.id, r])) }, [...day.trips.values()]);
}

function workerScript(): { url: URL; execArgv: string[] } {
  return import.meta.url.endsWith('.ts')
    ? { url: new URL('../jobs/planning-worker-bootstrap.mjs', import.meta.url), execArgv: ['--conditions=source'] }
    : { url: new URL('../jobs/planning-worker.js', import.meta.url), execArgv: [] };
}

/** Run the engine in a worker thread; `onProgress` may return true to cancel. */
export function runPlanningWorker(
  input: PlanningWorkerInput,
  onProgress: (p: Extract<PlanningWorkerMessage, { type: 'progress' }>) => Promise<boolean>,
): Promise<{ plan: unknown; progress: Extract<PlanningWorkerMessage, { type: 'done' }>['progress'] }> {
  const { url, execArgv } = workerScript();
  const worker = new Worker(url, { workerData: input, execArgv });
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: PlanningWorkerMessage) => {
      if (m.type === 'progress') {
        void onProgress(m).then((cancel) => {
          if (cancel) worker.postMessage('cancel');
        });
      } else if (m.type === 'done') {
        settled = true;
        resolve({ plan: m.plan, progress: m.progress });
        void worker.terminate();
      } else {
        settled = true;
        reject(new Error(m.message));
        void worker.terminate();
      }
    });
    worker.on('error', (e) => {
      if (!settled) reject(e);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`planning worker stopped with code ${code}`));
    });
  });
}

/** Create the job row and queue it. @returns the job id */
export async function createPlanningJob(db: Db, queue: JobQueue, teamId: string, date: string, baseVersion: number, userId: string): Promise<string> {
  const id = randomUUID();
  await db.insert(planningJobs).values({ id, teamId, date, status: 'queued', baseVersion, createdBy: userId });
  await queue.send(planningQueue, { jobId: id });
  return id;
}

/**
 * The worker side: take one job, solve, and record progress, result or failure on its row.
 * @param run - the engine; tests pass a stand-in to see the problem it is given
 */
export async function runPlanningJob(db: Db, jobId: string, settings: PlanningSettings, run: typeof runPlanningWorker = runPlanningWorker): Promise<void> {
  const job = (await db.select().from(planningJobs).where(eq(planningJobs.id, jobId)))[0];
  if (!job || job.status !== 'queued') return;
  if (job.cancelRequested) {
    await db.update(planningJobs).set({ status: 'cancelled', finishedAt: new Date() }).where(eq(planningJobs.id, jobId));
    return;
  }
  await db.update(planningJobs).set({ status: 'running', progress: { bestCost: null, elapsedMs: 0, iteration: 0, timeLimitMs: settings.timeLimitMs } })
    .where(and(eq(planningJobs.id, jobId), eq(planningJobs.status, 'queued')));
  try {
    // Errands are grouped into car trips afresh; each trip is one visit of the problem, and a trip
    // under way stays with its driver as it is (decision 0009).
    const underWay = await visitsOnTripsUnderWay(db, job.teamId, job.date);
    const { day, locked } = suggestionDay(withVisitsLocked(await loadDay(db, job.teamId, job.date), underWay));
    // A day's problem is one team's: its staff and the visits it makes, also to other teams'
    // clients (the evening team, the service group). The routes weighed are that team's, so its
    // weights apply, not those of the clients' teams.
    const { weights } = await weightsOfTeam(db, job.teamId);
    const problem = suggestionProblem(day.problem, locked, day.currentPlan.routes.length > 0 ? day.currentPlan : undefined, weights);
    let cancelled = false;
    const assigned = day.currentPlan.routes.reduce((n, r) => n + r.stops.filter((s) => s.visit).length, 0);
    const isReplan = assigned > 0 && assigned >= day.problem.visits.length / 2;
    const timeLimitMs = isReplan ? Math.min(settings.timeLimitMs, settings.replanTimeLimitMs ?? 800) : settings.timeLimitMs;
    const { plan, progress } = await run({ problem, timeLimitMs, seed: 1, threads: settings.threads }, async (p) => {
      const row = (await db.select({ cancel: planningJobs.cancelRequested }).from(planningJobs).where(eq(planningJobs.id, jobId)))[0];
      await db.update(planningJobs).set({ progress: { bestCost: p.bestCost, elapsedMs: p.elapsedMs, iteration: p.iteration, timeLimitMs } })
        .where(eq(planningJobs.id, jobId));
      cancelled = row?.cancel ?? false;
      return cancelled;
    });
    const final = (await db.select({ cancel: planningJobs.cancelRequested }).from(planningJobs).where(eq(planningJobs.id, jobId)))[0];
    // A cancelled search still returns its best plan so far; the coordinator may use it.
    await db.update(planningJobs).set({
      status: cancelled || final?.cancel ? 'cancelled' : 'done', finishedAt: new Date(),
      // The trips the plan was made with go with it (an optional field of the plan), so checking and using it see the same trips.
      result: { ...(plan as Record<string, unknown>), ...(day.trips.size > 0 ? { errandTrips: [...day.trips.values()] } : {}) },
      // The search's last figures, so the page shows where it ended even between progress ticks.
      ...(progress ? { progress: { ...progress, timeLimitMs } } : {}),
    }).where(eq(planningJobs.id, jobId));
  } catch (e) {
    await db.update(planningJobs).set({ status: 'failed', error: e instanceof Error ? e.message : String(e), finishedAt: new Date() })
      .where(eq(planningJobs.id, jobId));
  }
}
