// A team's day as the planning engine's problem (tillit.problem/v1, shared/planning-format.md),
// and its current assignments as a plan (tillit.plan/v1). The board, the planning jobs and the
// edit checks all speak these two documents.
import { and, eq, gte, inArray, lt, lte, ne } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import {
  addDays, bestTrip, breakWindow, fromMinutes, groupErrandTrips, layOutTrip, toMinutes,
  type ErrandKind, type ErrandRules, type ErrandTrip, type ErrandVisit, type Place,
} from '@tillit/domain';
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
  /** Optional field (decision 0009): this problem visit is an errand trip delivering these visits, in order. */
  errandTrip?: string[];
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

/** A shift's break as the problem states it: the domain's rule (nobody works more than 5 h in a row). */
export function breaksForShift(start: string, end: string, breakMin: number): ProblemStaff['breaks'] {
  const w = breakWindow(toMinutes(start), toMinutes(end), breakMin);
  return w ? [{ earliest: fromMinutes(w.earliest), latest: fromMinutes(w.latest), durationMin: breakMin }] : [];
}

// Errand trips (decision 0009). The shop and the pharmacy are taken to be at the service group's
// base: in Kalix, as in most small towns, the base, the grocery shop and the pharmacy are all in
// the town centre, a minute or two apart. Minutes: parking, queue and paying once per shop
// (15 at the grocery shop, 10 at the pharmacy), 10 at each home; four clients' bags fit a car.
const errandSharedMin: Record<ErrandKind, number> = { shopping: 15, pharmacy: 10 };
const errandHomeMin = 10;
const errandMaxClients = 4;

/** Car minutes by the problem's travel model (haversine × detour, rounded up, parking on arrival). */
function carMin(a: Place, b: Place): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  const km = 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h))) * travel.detourFactor;
  return Math.ceil((km / travel.speedKmh.car) * 60 + travel.parkingMin.car);
}

/** Minutes allowed, after a break, to drive from wherever it was taken back to the shop. */
const afterBreakDriveMin = 15;

/**
 * When some driver's day lets a trip of `durationMin` start: inside the shift with the drive to
 * the shop and back, and ending before the break's latest start or starting after its earliest
 * end (a trip is one stop, so no break fits inside it). The widest such window of any driver.
 */
function driversWindow(drivers: readonly ProblemStaff[], shop: Place): ErrandRules['startWindow'] {
  return (from, to, durationMin) => {
    let best: { start: number; end: number } | null = null;
    for (const d of drivers) {
      let spans = [{ start: toMinutes(d.shift.start) + carMin(d.start, shop), end: toMinutes(d.shift.end) - carMin(shop, d.end) - durationMin }];
      for (const b of d.breaks) {
        spans = spans.flatMap((w) => [
          { start: w.start, end: Math.min(w.end, toMinutes(b.latest) - durationMin) },
          { start: Math.max(w.start, toMinutes(b.earliest) + b.durationMin + afterBreakDriveMin), end: w.end },
        ]);
      }
      for (const w of spans) {
        const span = { start: Math.max(w.start, from), end: Math.min(w.end, to) };
        if (span.start <= span.end && (!best || span.end - span.start > best.end - best.start)) best = span;
      }
    }
    return best;
  };
}

/**
 * The errand rules of a service group whose shops are at `base`.
 * @param drivers - the day's working service staff with a car; given, new trips must fit one of their days
 */
export function errandRules(base: Place, drivers?: readonly ProblemStaff[]): ErrandRules {
  return {
    shops: { shopping: base, pharmacy: base }, sharedMin: errandSharedMin, homeMin: errandHomeMin, travelMin: carMin, maxClients: errandMaxClients,
    ...(drivers ? { startWindow: driversWindow(drivers, base) } : {}),
  };
}

/** One errand trip of a day: the domain's layout and a stable id (kept on its visits as `errand_trip`). */
export interface DayTrip extends ErrandTrip {
  id: string;
}

/** A trip's id from its members, so the same grouping gets the same id on every load. */
export function tripId(visitIds: readonly string[]): string {
  return `trip-${createHash('sha256').update([...visitIds].sort().join(',')).digest('hex').slice(0, 16)}`;
}

type VisitRow = typeof visits.$inferSelect;

/** What a plan stop is built from: a visit, or a trip as one visit. */
export interface PlanRow { id: string; plannedStart: string | null; staffIds: string[]; staffCount: number; durationMin: number; locked: boolean }

export interface DayData {
  problem: DayProblem;
  /** The visits of the day that the problem covers (planned ones), by id. */
  visitRows: Map<string, VisitRow>;
  /** The plan as currently assigned. */
  currentPlan: DayPlan;
  /** Staff of the team absent on the day. */
  absentStaffIds: Set<string>;
  dayVersion: number;
  publishedAt: Date | null;
  /** The day's errand trips, by id; each is one visit of the problem and one stop of the plan. */
  trips: Map<string, DayTrip>;
  /** The trip each member visit is on. */
  tripOf: Map<string, string>;
  /** The rows the plan is made of: visits outside trips, and one row per trip. */
  planRows: PlanRow[];
  /** What the problem is assembled from, to assemble it again with other trips (a suggestion's). */
  parts: DayParts;
}

interface DayParts {
  date: string;
  teamId: string;
  staff: ProblemStaff[];
  /** Every planned visit as the problem would have it alone. */
  single: Map<string, ProblemVisit>;
  rows: VisitRow[];
  breaks: Record<string, string[]>;
  rules: ErrandRules;
}

function errandVisitOf(v: VisitRow, single: ProblemVisit): ErrandVisit {
  return { id: v.id, errand: v.errand!, location: single.location, windowStart: v.windowStart, windowEnd: v.windowEnd, durationMin: v.durationMin };
}

/**
 * The trips stored on the day's visits (`errand_trip`): members in the order they are planned
 * (the delivery order), or the best order when not all are planned. A trip left with fewer than
 * two planned members, or whose windows no longer fit, is no trip: its visits stand alone.
 */
function storedTrips(parts: Omit<DayParts, 'breaks'>): DayTrip[] {
  const byTrip = new Map<string, VisitRow[]>();
  for (const v of parts.rows) if (v.errandTrip && v.errand) byTrip.set(v.errandTrip, [...(byTrip.get(v.errandTrip) ?? []), v]);
  const trips: DayTrip[] = [];
  for (const [id, members] of byTrip) {
    if (members.length < 2) continue;
    const evs = members.map((m) => errandVisitOf(m, parts.single.get(m.id)!));
    const timed = members.every((m) => m.plannedStart);
    const trip = timed
      ? layOutTrip([...members].sort((a, b) => a.plannedStart!.localeCompare(b.plannedStart!)).map((m) => evs.find((e) => e.id === m.id)!), parts.rules)
      : bestTrip(evs, parts.rules);
    if (trip) trips.push({ ...trip, id });
  }
  return trips;
}

/**
 * Group the day's errands into trips afresh for a suggestion, when a service worker with a car
 * works that day: every planned, unlocked errand visit may join a trip; a locked trip stays as it is.
 * @returns the trips the suggestion plans with (stored locked ones and new ones)
 */
export function freshTrips(day: DayData): DayTrip[] {
  const { parts } = day;
  const drivers = parts.staff.filter((s) => s.transport === 'car' && s.skills.includes('service'));
  const kept = [...day.trips.values()].filter((t) => t.visits.every((id) => day.visitRows.get(id)!.locked));
  if (drivers.length === 0) return kept;
  const inKept = new Set(kept.flatMap((t) => t.visits));
  const free = parts.rows.filter((v) => v.errand && !v.locked && v.staffCount === 1 && !inKept.has(v.id));
  const rules = errandRules(parts.rules.shops.shopping, drivers);
  const grouped = groupErrandTrips(free.map((v) => errandVisitOf(v, parts.single.get(v.id)!)), rules);
  return [...kept, ...grouped.map((t) => ({ ...t, id: tripId(t.visits) }))];
}

/** The trip as one problem visit: at the shop, in the trip's start window, as long as the trip. */
function tripVisit(trip: DayTrip, members: ProblemVisit[], shop: Place): ProblemVisit {
  const knownStaff: Record<string, number> = {};
  for (const m of members) for (const [s, n] of Object.entries(m.knownStaff)) knownStaff[s] = (knownStaff[s] ?? 0) + n;
  return {
    id: trip.id, client: members[0]!.client, team: members[0]!.team, location: shop,
    window: trip.window, durationMin: trip.durationMin, skills: [...new Set(members.flatMap((m) => m.skills))], staffCount: 1,
    languages: [], knownStaff, priority: members.some((m) => m.priority === 'must') ? 'must' : 'normal',
    errandTrip: trip.visits,
  };
}

/**
 * Assemble the day's problem and current plan with the given trips: each trip is one problem
 * visit, and one plan stop when all its members are with one person at the trip's layout.
 */
export function assembleDay(parts: DayParts, trips: readonly DayTrip[]): Pick<DayData, 'problem' | 'currentPlan' | 'trips' | 'tripOf' | 'planRows'> {
  const rowById = new Map(parts.rows.map((r) => [r.id, r]));
  const tripOf = new Map<string, string>();
  for (const t of trips) for (const v of t.visits) tripOf.set(v, t.id);
  const problemVisits: ProblemVisit[] = [];
  const planRows: PlanRow[] = [];
  for (const v of parts.rows) {
    if (tripOf.has(v.id)) continue;
    problemVisits.push(parts.single.get(v.id)!);
    planRows.push(v);
  }
  for (const t of trips) {
    const members = t.visits.map((id) => rowById.get(id)!);
    problemVisits.push(tripVisit(t, t.visits.map((id) => parts.single.get(id)!), parts.rules.shops[t.kinds[0]!]));
    planRows.push(tripRow(t, members));
  }
  const problem: DayProblem = { format: 'tillit.problem/v1', date: parts.date, travel, staff: parts.staff, visits: problemVisits };
  return {
    problem, trips: new Map(trips.map((t) => [t.id, t])), tripOf, planRows,
    currentPlan: currentPlanOf(parts.date, planRows, parts.breaks, parts.staff),
  };
}

/** A trip as the plan sees it: planned when every member is with the same one person at the trip's offsets. */
export function tripRow(t: DayTrip, members: Pick<VisitRow, 'plannedStart' | 'staffIds' | 'locked'>[]): PlanRow {
  const first = members[0]!;
  const start = first.plannedStart ? toMinutes(first.plannedStart) - t.offsets[0]! : null;
  const together = start !== null && first.staffIds.length === 1 && members.every((m, i) =>
    m.plannedStart !== null && toMinutes(m.plannedStart) === start + t.offsets[i]! && m.staffIds.length === 1 && m.staffIds[0] === first.staffIds[0]);
  return {
    id: t.id, plannedStart: together ? fromMinutes(start) : null, staffIds: together ? first.staffIds : [], staffCount: 1,
    durationMin: t.durationMin, locked: members.every((m) => m.locked),
  };
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
  const single = new Map<string, ProblemVisit>(planned.map((v) => {
    const c = clientById.get(v.clientId)!;
    return [v.id, {
      id: v.id, client: v.clientId, team: teamId, location: { lat: c.lat, lon: c.lon },
      window: { start: v.windowStart, end: v.windowEnd }, durationMin: v.durationMin, skills: v.skills,
      staffCount: v.staffCount, languages: c.languages,
      ...(c.fixedContactStaffId ? { fixedContact: c.fixedContactStaffId } : {}),
      knownStaff: known.get(v.clientId) ?? {},
      priority: mustServices.has(v.serviceType) ? 'must' : 'normal',
    }];
  }));

  const day = (await db.select().from(dayPlans).where(and(eq(dayPlans.teamId, teamId), eq(dayPlans.date, date))))[0];
  const parts: DayParts = { date, teamId, staff: problemStaff, single, rows: planned, breaks: day?.breaks ?? {}, rules: errandRules(base) };
  return {
    ...assembleDay(parts, storedTrips(parts)),
    parts,
    visitRows: new Map(planned.map((v) => [v.id, v])),
    absentStaffIds,
    dayVersion: day?.version ?? 1,
    publishedAt: day?.publishedAt ?? null,
  };
}

/** The plan as the visits are assigned now; visits without a full assignment are unassigned. */
export function currentPlanOf(
  date: string,
  planned: readonly PlanRow[],
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

/** The day with other trips (a suggestion's); trips with a member no longer planned are left out. */
export function withTrips(day: DayData, trips: readonly DayTrip[]): DayData {
  const live = trips.filter((t) => t.visits.every((id) => day.visitRows.has(id)));
  return { ...day, ...assembleDay(day.parts, live) };
}

/**
 * The day as a suggestion plans it: the errands grouped afresh (freshTrips), locked visits and
 * locked trips pinned by their problem visit.
 */
export function suggestionDay(day: DayData): { day: DayData; locked: Map<string, { staffIds: string[]; plannedStart: string }> } {
  const fresh = withTrips(day, freshTrips(day));
  const locked = new Map<string, { staffIds: string[]; plannedStart: string }>();
  for (const r of fresh.planRows) if (r.locked && r.plannedStart) locked.set(r.id, { staffIds: r.staffIds, plannedStart: r.plannedStart });
  return { day: fresh, locked };
}

/** The trips a suggested plan was made with (its optional `errandTrips` field). */
export function tripsOfPlan(plan: unknown): DayTrip[] {
  const trips = (plan as { errandTrips?: unknown }).errandTrips;
  return Array.isArray(trips) ? (trips as DayTrip[]) : [];
}
