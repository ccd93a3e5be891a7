// The board's reads and writes. Every write names the day's version it started from; the server
// refuses it with 409 when another coordinator changed the day meanwhile (see useBoardWrite).
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get, request } from '../api/http.js';
import type { TeamDay } from '../api/types.js';
import { addDays } from '../calendar.js';
import type {
  CheckAnswer, DayPlanAnswer, PlanningJob, PlanningWeights, PlanningWeightsAnswer, ServiceGroup, SwapRequest, Violation, VisitChange,
} from './types.js';

const enc = encodeURIComponent;
const dayUrl = (teamId: string, date: string) => `/api/teams/${enc(teamId)}/days/${enc(date)}`;

export const planKey = (teamId: string, date: string) => ['day-plan', teamId, date] as const;
export const swapsKey = (teamId: string, date: string) => ['swap-requests', teamId, date] as const;
export const serviceKey = (teamId: string, date: string) => ['service-day', teamId, date] as const;

/** The service groups that visit the team's clients today: their staff as lanes on the same board. */
export function useServiceDay(teamId: string, date: string) {
  return useQuery({ queryKey: serviceKey(teamId, date), queryFn: () => get<{ groups: ServiceGroup[] }>(`${dayUrl(teamId, date)}/service`), staleTime: 5_000 });
}

export function useDayPlan(teamId: string, date: string) {
  return useQuery({ queryKey: planKey(teamId, date), queryFn: () => get<DayPlanAnswer>(`${dayUrl(teamId, date)}/plan`), staleTime: 5_000 });
}

export function useSwapRequests(teamId: string, date: string) {
  return useQuery({
    queryKey: swapsKey(teamId, date),
    queryFn: () => get<{ items: SwapRequest[] }>(`${dayUrl(teamId, date)}/swap-requests`),
    refetchInterval: 30_000,
  });
}

/**
 * Who each client met (done visits) in the 14 days before `date`, from the team's past days:
 * "someone the client knows" on the board. The plan answer does not carry the engine's
 * knownStaff yet (API-REQUESTS.md, board request 2), so the board reads the days themselves.
 * @returns client id -> staff ids, or null while loading
 */
export function useKnownStaff(teamId: string, date: string): Map<string, Set<string>> | null {
  const dates = Array.from({ length: 14 }, (_, i) => addDays(date, -(i + 1)));
  const days = useQueries({
    queries: dates.map((d) => ({
      queryKey: ['team-day', teamId, d],
      queryFn: () => get<TeamDay>(`${dayUrl(teamId, d)}`),
      staleTime: 10 * 60_000,
    })),
  });
  if (days.some((q) => q.isPending)) return null;
  const known = new Map<string, Set<string>>();
  for (const q of days) {
    for (const v of q.data?.visits ?? []) {
      if (v.status !== 'done') continue;
      const set = known.get(v.clientId) ?? new Set<string>();
      for (const s of v.staff) set.add(s.id);
      known.set(v.clientId, set);
    }
  }
  return known;
}

export function checkVisitChange(teamId: string, date: string, visitId: string, change: VisitChange): Promise<CheckAnswer> {
  return request<CheckAnswer>('POST', `${dayUrl(teamId, date)}/visits/${enc(visitId)}/check`, change);
}

export function usePlanningJob(jobId: string | null) {
  return useQuery({
    queryKey: ['planning-job', jobId],
    queryFn: () => get<PlanningJob>(`/api/planning-jobs/${enc(jobId!)}`),
    enabled: !!jobId,
    staleTime: 0,
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return s === 'done' || s === 'failed' || s === 'cancelled' ? false : 400;
    },
  });
}

const weightsUrl = (teamId: string) => `/api/teams/${enc(teamId)}/planning-weights`;
export const weightsKey = (teamId: string) => ['planning-weights', teamId] as const;

/** What the team's suggested plans weigh: its own weights or the defaults, and who may change them. */
export function usePlanningWeights(teamId: string) {
  return useQuery({ queryKey: weightsKey(teamId), queryFn: () => get<PlanningWeightsAnswer>(weightsUrl(teamId)) });
}

/** Set all the team's weights (`PUT`), or go back to the defaults (`DELETE`); the answer replaces the cached one. */
export function useChangePlanningWeights(teamId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (weights: PlanningWeights | 'defaults') =>
      weights === 'defaults' ? request<PlanningWeightsAnswer>('DELETE', weightsUrl(teamId)) : request<PlanningWeightsAnswer>('PUT', weightsUrl(teamId), weights),
    onSuccess: (answer) => qc.setQueryData(weightsKey(teamId), answer),
  });
}

/** The board's writes, one function each; all answer the day's new version (or nothing). */
export const boardApi = {
  patchVisit: (teamId: string, date: string, visitId: string, body: VisitChange & { version: number; locked?: boolean; acceptViolations?: boolean }) =>
    request<{ version: number; violations: string[]; details: Violation[] }>('PATCH', `${dayUrl(teamId, date)}/visits/${enc(visitId)}`, body),
  undo: (teamId: string, date: string, version: number) =>
    request<{ version: number; undone: string | null }>('POST', `${dayUrl(teamId, date)}/undo`, { version }),
  publish: (teamId: string, date: string, version: number) =>
    request<{ version: number; publishedAt: string }>('POST', `${dayUrl(teamId, date)}/publish`, { version }),
  recordAbsence: (teamId: string, body: { staffId: string; fromDate: string; toDate: string; reason: string }) =>
    request<{ id: string }>('POST', `/api/teams/${enc(teamId)}/absences`, body),
  startPlanning: (teamId: string, date: string) => request<{ jobId: string }>('POST', `${dayUrl(teamId, date)}/planning-jobs`),
  cancelPlanning: (jobId: string) => request<{ status: string }>('POST', `/api/planning-jobs/${enc(jobId)}/cancel`),
  applyPlanning: (jobId: string, version: number) =>
    request<{ version: number; moved: number; retimed: number; kept: number }>('POST', `/api/planning-jobs/${enc(jobId)}/apply`, { version }),
  decideSwap: (swapId: string, body: { decision: 'confirm' | 'decline'; version: number; toStaffId?: string }) =>
    request<{ version: number }>('POST', `/api/swap-requests/${enc(swapId)}/decision`, body),
};

/** What a failed board write means for the coordinator. */
export type WriteFailure =
  | { kind: 'conflict' }
  | { kind: 'rule'; violations: Violation[] }
  | { kind: 'other'; error: unknown };

export function writeFailure(error: unknown): WriteFailure {
  if (error instanceof ApiError && error.status === 409) return { kind: 'conflict' };
  if (error instanceof ApiError && error.status === 422) {
    const coded = (error.problem as { violations?: Violation[] }).violations;
    // An older server sends only the sentences; they are shown as they are.
    const violations = coded ?? (error.problem.errors ?? []).map((e) => ({ code: 'other', message: e.detail, params: {} }));
    return { kind: 'rule', violations };
  }
  return { kind: 'other', error };
}

/**
 * Run one board write; afterwards (success or not) reload the day, so a conflict shows the other
 * coordinator's change and a success shows the new figures.
 */
export function useBoardWrite<A>(teamId: string, date: string, fn: (arg: A) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: planKey(teamId, date) }),
        qc.invalidateQueries({ queryKey: ['team-day', teamId, date] }),
        qc.invalidateQueries({ queryKey: swapsKey(teamId, date) }),
        qc.invalidateQueries({ queryKey: serviceKey(teamId, date) }),
      ]);
    },
  });
}
