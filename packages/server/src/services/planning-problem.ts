// A team's day as the planning engine's problem (tillit.problem/v1, shared/planning-format.md),
// and its current assignments as a plan (tillit.plan/v1). The board, the planning jobs and the
// edit checks all speak these two documents.
import { and, eq, gte, inArray, lt, lte, ne } from 'drizzle-orm';
import { addDays, fromMinutes, toMinutes } from '@tillit/domain';
import type { Db } from '../db/connection.js';
import { absences, clients, dayPlans, shifts, staff, teams, visits } from '../db/schema.js';

/** Service types that must never be dropped from a day (medication, meals, personal care). */
const mustServices = new Set(['personal_care', 'medication', 'meals']);

// Travel model for home care in a small town and villages (planning-format.md defaults).
const travel = { model: 'haversine', detourFactor: 1.3, speedKmh: { car: 35, bike: 14, walk: 4.5 }, parkingMin: { car: 2 } } as const;

export interface ProblemStaff {
  id: string; team: string; skills: string[]; languages: string[]; transport: string;
  start: { lat: number; lon: number }; end: { lat: number; lon: number };
  shift: { start: string; end: string };
  breaks: { earliest: string; latest: string; durationMin: number }[];
}
export interface ProblemVisit {
  id: string; client: string; team: string; location: { lat: number; lon: number };
  window: { start: string; end: string }; durationMin: number; skills: string[]; staffCount: number;
  languages: string[]; fixedContact?: string; knownStaff: Record<string, number>; priority: 'must' | 'normal';
}
export interface DayProblem {
  format: 'tillit.problem/v1';
  date: string;
  travel: typeof travel;
  staff: ProblemStaff[];
  visits: ProblemVisit[];
  [extra: string]: unknown;
}
export interface PlanStop { visit?: string; break?: true; start: string; end: string }
export interface DayPlan {
  format: 'tillit.plan/v1';
  date: string;
  routes: { staff: string; stops: PlanStop[] }[];
  unassigned: { visit: string; reason: string }[];
  metrics?: Record<string, unknown>;
}

/**
 * The break rule: nobody works more than 5 hours in a row (Arbetstidslagen, DOMAIN-FACTS
 * "Working time"), so a shift longer than 5 h has its break start between 3 h and 5 h in.
 */
export function breaksForShift(start: string, end: string, breakMin: number): ProblemStaff['breaks'] {
  const s = toMinutes(start);
  const e = toMinutes(end);
  if (breakMin <= 0 || e - s <= 300) return [];
  const earliest = s + 180;
  const latest = Math.min(s + 300, e - breakMin);
  return latest < earliest ? [] : [{ earliest: fromMinutes(earliest), latest: fromMinutes(latest), durationMin: breakMin }];
}

export interface DayData {
  problem: DayProblem;
  /** The visits of the day that the problem covers (planned ones), by id. */
  visitRows: Map<string, typeof visits.$inferSelect>;
  /** The plan as currently assigned. */
  currentPlan: DayPlan;
  /** Staff of the team absent on the day. */
  absentStaffIds: Set<string>;
  dayVersion: number;
  publishedAt: Date | null;
}

/** Load a team's day from the database as a problem and its current plan. */
export async function loadDay(db: Db, teamId: string, date: string): Promise<DayData> {
  const team = (await db.select().from(teams).where(eq(teams.id, teamId)))[0];
  if (!team) throw new Error(`team ${teamId} not found`);
  const people = await db.select().from(staff).where(eq(staff.teamId, teamId));
  const ids = people.map((p) => p.id);
  const dayShifts = ids.length === 0 ? [] : await db.select().from(shifts).where(and(inArray(shifts.staffId, ids), eq(shifts.date, date)));
  const away = ids.length === 0 ? [] : await db.select().from(absences)
    .where(and(inArray(absences.staffId, ids), lte(absences.fromDate, date), gte(absences.toDate, date)));
  const absentStaffIds = new Set(away.map((a) => a.staffId));
  const base = { lat: team.baseLat, lon: team.baseLon };
  const working = people.filter((p) => !absentStaffIds.has(p.id) && dayShifts.some((s) => s.staffId === p.id));
  const problemStaff: ProblemStaff[] = working.map((p) => {
    const sh = dayShifts.find((s) => s.staffId === p.id)!;
    return {
      id: p.id, team: teamId, skills: p.skills, languages: p.languages, transport: p.transport, start: base, end: base,
      shift: { start: sh.start, end: sh.end }, breaks: breaksForShift(sh.start, sh.end, sh.breakMin),
    };
  });

  const dayVisits = await db.select().from(visits)
    .where(and(eq(visits.teamId, teamId), eq(visits.date, date), ne(visits.status, 'cancelled')));
  const clientIds = [...new Set(dayVisits.map((v) => v.clientId))];
  const clientRows = clientIds.length === 0 ? [] : await db.select().from(clients).where(inArray(clients.id, clientIds));
  const clientById = new Map(clientRows.map((c) => [c.id, c]));
  // Who each client met in the 14 days before: the engine prefers familiar faces.
  const history = clientIds.length === 0 ? [] : await db.select({ clientId: visits.clientId, staffIds: visits.staffIds }).from(visits)
    .where(and(inArray(visits.clientId, clientIds), eq(visits.status, 'done'), gte(visits.date, addDays(date, -14)), lt(visits.date, date)));
  const known = new Map<string, Record<string, number>>();
  for (const h of history) {
    const k = known.get(h.clientId) ?? {};
    for (const s of h.staffIds) k[s] = (k[s] ?? 0) + 1;
    known.set(h.clientId, k);
  }
  const planned = dayVisits.filter((v) => v.status === 'planned');
  const problemVisits: ProblemVisit[] = planned.map((v) => {
    const c = clientById.get(v.clientId)!;
    return {
      id: v.id, client: v.clientId, team: teamId, location: { lat: c.lat, lon: c.lon },
      window: { start: v.windowStart, end: v.windowEnd }, durationMin: v.durationMin, skills: v.skills,
      staffCount: v.staffCount, languages: c.languages,
      ...(c.fixedContactStaffId ? { fixedContact: c.fixedContactStaffId } : {}),
      knownStaff: known.get(v.clientId) ?? {},
      priority: mustServices.has(v.serviceType) ? 'must' : 'normal',
    };
  });

  const day = (await db.select().from(dayPlans).where(and(eq(dayPlans.teamId, teamId), eq(dayPlans.date, date))))[0];
  const problem: DayProblem = { format: 'tillit.problem/v1', date, travel, staff: problemStaff, visits: problemVisits };
  return {
    problem,
    visitRows: new Map(planned.map((v) => [v.id, v])),
    currentPlan: currentPlanOf(date, planned, day?.breaks ?? {}, problemStaff),
    absentStaffIds,
    dayVersion: day?.version ?? 1,
    publishedAt: day?.publishedAt ?? null,
  };
}

/** The plan as the visits are assigned now; visits without a full assignment are unassigned. */
export function currentPlanOf(
  date: string,
  planned: (typeof visits.$inferSelect)[],
  breaks: Record<string, string[]>,
  problemStaff: ProblemStaff[],
): DayPlan {
  const routes = new Map<string, PlanStop[]>();
  const unassigned: DayPlan['unassigned'] = [];
  for (const v of planned) {
    if (!v.plannedStart || v.staffIds.length < v.staffCount) {
      unassigned.push({ visit: v.id, reason: 'not yet assigned' });
      continue;
    }
    const end = fromMinutes(toMinutes(v.plannedStart) + v.durationMin);
    for (const s of v.staffIds) {
      const list = routes.get(s) ?? [];
      list.push({ visit: v.id, start: v.plannedStart, end });
      routes.set(s, list);
    }
  }
  for (const s of problemStaff) {
    const starts = breaks[s.id] ?? [];
    starts.forEach((start, i) => {
      const b = s.breaks[i];
      if (!b) return;
      const list = routes.get(s.id) ?? [];
      list.push({ break: true, start, end: fromMinutes(toMinutes(start) + b.durationMin) });
      routes.set(s.id, list);
    });
  }
  return {
    format: 'tillit.plan/v1',
    date,
    routes: [...routes.entries()].map(([staffId, stops]) => ({
      staff: staffId,
      stops: stops.sort((a, b) => a.start.localeCompare(b.start) || (a.break ? 1 : -1)),
    })),
    unassigned,
  };
}
