// Shapes of the morning board's API answers (packages/server/src/routes/team-day.ts).
// The checker's figures and violations are the planner's own types, imported type-only: `import
// type` is erased, so no planner code reaches the bundle.
import type { PlanMetrics, Violation as CheckerViolation } from '@tillit/planner';
import type { TeamDay } from '../api/types.js';

export interface PlanStop {
  visit?: string;
  break?: true;
  start: string;
  end: string;
}

export interface DayPlanDoc {
  format: 'tillit.plan/v1';
  date: string;
  routes: { staff: string; stops: PlanStop[] }[];
  unassigned: { visit: string; reason: string }[];
}

export type { PlanMetrics };

/**
 * One violation of the plan checker: a stable code and what it is about. A newer server may send a
 * code this board does not know yet; the board then shows the checker's sentence.
 */
export type Violation = Omit<CheckerViolation, 'code'> & { code: CheckerViolation['code'] | (string & {}) };

export interface PlanCheck {
  valid: boolean;
  violations: string[];
  /** The same violations as codes with parameters. */
  details: Violation[];
  metrics: Partial<PlanMetrics>;
}

export interface DayPlanAnswer {
  version: number;
  publishedAt: string | null;
  publishedVersion: number | null;
  plan: DayPlanDoc;
  check: PlanCheck;
  locked: string[];
  continuity14: { mean: number | null; median: number | null; clients: number };
  changesAfterPublish: number;
  /** The day's errand trips (a service group's day). */
  trips?: ErrandTripView[];
}

export interface CheckAnswer {
  newViolations: string[];
  newDetails: Violation[];
  before: Partial<PlanMetrics>;
  after: Partial<PlanMetrics>;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface PlanningJob {
  id: string;
  teamId: string;
  date: string;
  status: JobStatus;
  baseVersion: number;
  progress: { bestCost: number | null; elapsedMs: number; iteration: number; timeLimitMs: number } | null;
  error: string | null;
  check: PlanCheck | null;
}

export interface SwapRequest {
  id: string;
  visitId: string;
  fromStaffId: string;
  toStaffId: string | null;
  status: string;
  note: string | null;
}

/** A change to one visit: other people and/or another start. */
export interface VisitChange {
  staffIds?: string[];
  plannedStart?: string | null;
}

/** A service group that visits the team's clients on the day (GET .../days/:date/service). */
export interface ServiceGroup {
  team: { id: string; name: string };
  /** The service group's day version: edits of its visits name it. */
  version: number;
  staff: TeamDay['staff'];
  visits: TeamDay['visits'];
  /** Visits to other teams' clients: only when. */
  busy: { staffId: string; start: string; end: string }[];
  plan: DayPlanDoc;
  locked: string[];
  /** Errand trips with at least one of the team's clients (decision 0009). */
  trips?: ErrandTripView[];
}

/** One errand trip: one stop for the service staff, its deliveries in order. */
export interface ErrandTripView {
  id: string;
  staffId: string | null;
  start: string | null;
  durationMin: number;
  savedMin: number;
  kinds: ('shopping' | 'pharmacy')[];
  locked: boolean;
  stops: {
    /** Null for another team's client, who is not named. */
    visitId: string | null;
    errand: 'shopping' | 'pharmacy';
    offsetMin: number;
    start: string | null;
    client: { firstName: string; lastName: string } | null;
  }[];
}

/**
 * What a suggested plan weighs, each in minutes of travel (the planning engine's soft costs), and
 * the day's continuity target.
 */
export interface PlanningWeights {
  travelPerMin: number;
  notFixedContact: number;
  /** A share from 0 to 1 (0: no target); the board shows it as a whole percent. */
  continuityTarget: number;
  notKnownStaff: number;
  noFirstLanguage: number;
  noLanguage: number;
  unfairLoadPerMin: number;
  movedFromPrevious: number;
  slackMin: number;
  unassignedNormal: number;
}

/** GET/PUT/DELETE /api/teams/:teamId/planning-weights. */
export interface PlanningWeightsAnswer extends PlanningWeights {
  teamId: string;
  /** False while the team plans with the defaults. */
  own: boolean;
  updatedAt: string | null;
  updatedByName: string | null;
  defaults: PlanningWeights;
  /** The highest value each weight may take (the lowest is 0). */
  maxima: PlanningWeights;
  /** Whether the signed-in user may change them (the team's staff only read them). */
  canChange: boolean;
}
