// The follow-up screens' server calls (issue 7): the board's possibly missed and late visits and
// settling them, deviations and their steps, lex Sarah, the learning view, the month's invoice run
// (finance) and the client's own invoices. Money is in öre (fields named …Ore).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, request } from '../api/http.js';

const enc = encodeURIComponent;

export interface VisitFlag {
  visitId: string;
  kind: 'possibly_missed' | 'late';
  clientId: string;
  clientName: string;
  title: string;
  date: string;
  windowStart: string;
  windowEnd: string;
  plannedStart: string | null;
  staff: string[];
  status: string;
  actualStart: string | null;
  detectedAt: string;
  settledAt: string | null;
  outcome: string | null;
  deviationId: string | null;
}

export type SettleInput =
  | { outcome: 'done'; actualStart: string; actualEnd: string }
  | { outcome: 'missed'; reason: string }
  | { outcome: 'late'; reason: string };

interface StepRecord { at: string; by: string }
export interface Deviation {
  id: string;
  clientId: string;
  clientName: string;
  teamId: string;
  teamName: string;
  visitId: string | null;
  type: string;
  severity: string;
  source: string;
  state: string;
  occurredAt: string;
  reportedAt: string;
  reportedByName: string;
  description: string;
  immediateActions: string;
  investigation: (StepRecord & { findings: string; cause: string }) | null;
  actions: (StepRecord & { actions: string }) | null;
  clientTold: (StepRecord & { how: string; toldAt: string; toldBy: string; summary: string }) | null;
  closed: (StepRecord & { comment: string }) | null;
  overdue: { step: string; dueAt: string; overdueHours: number } | null;
}
export interface LexSarahCase {
  id: string;
  state: string;
  reportedAt: string;
  report: { whatHappened: string; occurredAt: string; consequences: string; immediateActions: string; reporterName: string; reporterRole: string };
  investigation: Record<string, unknown> | null;
  decision: Record<string, unknown> | null;
  ivoNotification: Record<string, unknown> | null;
  closed: Record<string, unknown> | null;
  overdue: { step: string; dueOn: string } | null;
}
export interface DeviationDetail extends Deviation {
  events: { at: string; byName: string; step: string; data: Record<string, unknown> }[];
  lexSarah: LexSarahCase | null;
}
export type DeviationStepInput =
  | { step: 'investigated'; findings: string; cause: string }
  | { step: 'actions_decided'; actions: string }
  | { step: 'client_told'; how: string; toldAt: string; toldBy?: string; summary: string }
  | { step: 'closed'; comment: string };

export interface Learning {
  rows: { week: string; teamId: string; teamName: string; type: string; count: number }[];
  byType: Record<string, number>;
  byTeam: { teamId: string; teamName: string; count: number }[];
}

export interface RunSummary {
  runId: string;
  month: string;
  state: string;
  recomputed: boolean;
  computedAt: string;
  sentAt: string | null;
  invoiceCount: number;
  deliveredMin: number;
  missedMin: number;
  feeOre: number;
  creditOre: number;
  totalOre: number;
  totalIfMissedBilledOre: number;
}
export interface InvoiceSummary {
  id: string;
  number: string;
  clientId: string;
  month: string;
  state: string;
  language: string;
  recipient: { name: string; street: string; postalCode: string; city: string };
  deliveredMin: number;
  missedMin: number;
  tariffAmountOre: number;
  feeOre: number;
  limitedBy: string;
  creditOre: number;
  totalOre: number;
}
export interface InvoiceLine {
  kind: 'visit' | 'credit';
  visitId: string;
  date: string;
  start: string;
  staffNames: string[];
  minutes: number;
  amountOre: number | null;
  reason: string | null;
  creditMonth: string | null;
}
export interface InvoiceDetail extends InvoiceSummary {
  tariffPerHourOre: number;
  capOre: number;
  capacityOre: number | null;
  lines: InvoiceLine[];
}

export function useVisitFlags(teamId: string, date: string) {
  return useQuery({
    queryKey: ['visit-flags', teamId, date],
    queryFn: () => get<{ date: string; items: VisitFlag[]; openEarlier: number }>(`/api/teams/${enc(teamId)}/days/${enc(date)}/missed-visit-flags`),
  });
}

export function useSettleVisit(teamId: string, date: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ visitId, body }: { visitId: string; body: SettleInput }) =>
      request<{ visitId: string; status: string; deviationId: string | null }>('POST', `/api/visits/${enc(visitId)}/settle`, body),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['visit-flags', teamId, date] });
      void qc.invalidateQueries({ queryKey: ['team-day', teamId, date] });
      // The morning board's day plan (board/api.ts planKey), so its timeline shows the new status.
      void qc.invalidateQueries({ queryKey: ['day-plan', teamId, date] });
    },
  });
}

export function useDeviations(state: string) {
  return useQuery({
    queryKey: ['deviations', state],
    queryFn: () => get<{ items: Deviation[] }>(`/api/deviations${state ? `?state=${enc(state)}` : ''}`),
  });
}

export function useDeviation(id: string | null) {
  return useQuery({
    queryKey: ['deviation', id],
    queryFn: () => get<DeviationDetail>(`/api/deviations/${enc(id!)}`),
    enabled: !!id,
  });
}

export function useOverdue(unitId: string | null) {
  return useQuery({
    queryKey: ['deviations-overdue', unitId],
    queryFn: () => get<{ deviations: Deviation[]; lexSarah: { id: string; deviationId: string; state: string; overdue: { step: string; dueOn: string } }[] }>(`/api/units/${enc(unitId!)}/deviations/overdue`),
    enabled: !!unitId,
  });
}

export function useLearning(unitId: string | null, from: string, to: string) {
  return useQuery({
    queryKey: ['deviations-learning', unitId, from, to],
    queryFn: () => get<Learning>(`/api/units/${enc(unitId!)}/deviations/learning?from=${enc(from)}&to=${enc(to)}`),
    enabled: !!unitId,
  });
}

function useDeviationWrite<T>(id: string, fn: (body: T) => Promise<{ id: string; state: string }>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['deviation', id] });
      void qc.invalidateQueries({ queryKey: ['deviations'] });
      void qc.invalidateQueries({ queryKey: ['deviations-overdue'] });
    },
  });
}

export function useDeviationStep(id: string) {
  return useDeviationWrite(id, (body: DeviationStepInput) => request<{ id: string; state: string }>('POST', `/api/deviations/${enc(id)}/steps`, body));
}

export function useLexSarahReport(id: string) {
  return useDeviationWrite(id, (body: LexSarahCase['report']) => request<{ id: string; state: string }>('POST', `/api/deviations/${enc(id)}/lex-sarah`, body));
}

export type LexSarahStepInput =
  | { step: 'investigated'; causes: string; consequences: string; clientView: string; actionsTaken: string }
  | { step: 'decided'; serious: boolean; notifyIvo: boolean; reasoning: string; decidedOn: string }
  | { step: 'ivo_notified'; notifiedOn: string; reference: string }
  | { step: 'closed'; comment: string };

export function useLexSarahStep(id: string) {
  return useDeviationWrite(id, (body: LexSarahStepInput) => request<{ id: string; state: string }>('POST', `/api/deviations/${enc(id)}/lex-sarah/steps`, body));
}

export function useInvoiceRun(month: string) {
  return useQuery({
    queryKey: ['invoice-run', month],
    queryFn: () => get<RunSummary & { invoices: InvoiceSummary[] }>(`/api/invoice-runs/${enc(month)}`),
    retry: false,
  });
}

export function useRunInvoices(month: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (send: boolean) => request<RunSummary>('POST', `/api/invoice-runs/${enc(month)}${send ? '/send' : ''}`),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['invoice-run', month] }),
  });
}

export const invoiceCsvUrl = (month: string) => `/api/invoice-runs/${enc(month)}/csv`;
export const invoicePdfUrl = (clientId: string, month: string) => `/api/clients/${enc(clientId)}/invoices/${enc(month)}/pdf`;

export function useClientInvoices(clientId: string | null) {
  return useQuery({
    queryKey: ['client-invoices', clientId],
    queryFn: () => get<{ items: InvoiceSummary[] }>(`/api/clients/${enc(clientId!)}/invoices`),
    enabled: !!clientId,
  });
}

export function useClientInvoice(clientId: string | null, month: string | null) {
  return useQuery({
    queryKey: ['client-invoice', clientId, month],
    queryFn: () => get<InvoiceDetail>(`/api/clients/${enc(clientId!)}/invoices/${enc(month!)}`),
    enabled: !!clientId && !!month,
  });
}

export type ImprovementState = 'planned' | 'doing' | 'studied' | 'acted';
export interface Improvement {
  id: string;
  unitId: string;
  teamId: string | null;
  deviationType: string | null;
  title: string;
  cause: string;
  change: string;
  prediction: string;
  measure: string;
  studyOn: string;
  state: ImprovementState;
  studyDue: boolean;
  doing: { startedOn: string; notes: string } | null;
  study: { result: string; studiedOn: string } | null;
  act: { decision: 'adopt' | 'adapt' | 'abandon'; notes: string } | null;
}
export interface ImprovementPlanInput {
  id?: string;
  title: string;
  cause: string;
  change: string;
  prediction: string;
  measure: string;
  deviationType: string | null;
  teamId: string | null;
  studyOn: string;
}
export type ImprovementStepInput =
  | { step: 'doing'; startedOn: string; notes: string }
  | { step: 'studied'; result: string }
  | { step: 'acted'; decision: 'adopt' | 'adapt' | 'abandon'; notes: string };

export function useImprovements(unitId: string | null) {
  return useQuery({
    queryKey: ['improvements', unitId],
    queryFn: () => get<{ items: Improvement[] }>(`/api/units/${enc(unitId!)}/improvements`),
    enabled: !!unitId,
  });
}

export function usePlanImprovement(unitId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ImprovementPlanInput) => request<{ id: string }>('POST', `/api/units/${enc(unitId)}/improvements`, body),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['improvements', unitId] }),
  });
}

export function useImprovementStep(unitId: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ImprovementStepInput) => request<{ id: string; state: string }>('POST', `/api/improvements/${enc(id)}/steps`, body),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['improvements', unitId] }),
  });
}

type StepHours = { investigated: number; actions_decided: number; client_told: number; closed: number };
export interface FollowUpSettings {
  missedVisits: { possiblyMissedAfterMin: number; lateAfterMin: number };
  deviationDeadlines: { low: StepHours; moderate: StepHours; serious: StepHours };
  lexSarahDeadlines: { investigateWithinDays: number; notifyIvoWithinDays: number };
  followUpDeviationShare: number;
}

export function useFollowUpSettings(unitId: string | null) {
  return useQuery({
    queryKey: ['follow-up-settings', unitId],
    queryFn: () => get<FollowUpSettings & { unitId: string; own: boolean; updatedAt: string | null; defaults: FollowUpSettings }>(`/api/units/${enc(unitId!)}/follow-up-settings`),
    enabled: !!unitId,
  });
}

export function useSaveFollowUpSettings(unitId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpSettings) => request<FollowUpSettings & { own: boolean }>('PUT', `/api/units/${enc(unitId)}/follow-up-settings`, body),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['follow-up-settings', unitId] });
      void qc.invalidateQueries({ queryKey: ['deviations'] });
      void qc.invalidateQueries({ queryKey: ['deviations-overdue'] });
    },
  });
}
