// The morning board's timeline: one lane per staff member with visits, breaks and the gaps
// between them, the visits that lost their person, and the day's figures that the plan answer
// does not carry (breaks kept, air between visits per person). Pure: data in, lanes out.
import type { TeamDay } from '../api/types.js';
import type { DayPlanDoc, ErrandTripView } from './types.js';

export type DayVisit = TeamDay['visits'][number];
export type DayStaff = TeamDay['staff'][number];

/** "08:30" -> 510 */
export function toMin(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/** 510 -> "08:30" */
export function fromMin(min: number): string {
  const m = Math.max(0, Math.min(24 * 60 - 1, Math.round(min)));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Snap minutes to the board's 5-minute grid. */
export const snap5 = (min: number): number => Math.round(min / 5) * 5;

export type LaneItem =
  | { kind: 'visit'; visit: DayVisit; start: number; end: number }
  /** An errand trip: one block for all its deliveries; `members` are the team's own visits on it, in order. */
  | { kind: 'trip'; trip: ErrandTripView; members: DayVisit[]; start: number; end: number }
  /** A service staff member's visit to another team's client: only when, never who. */
  | { kind: 'busy'; start: number; end: number }
  | { kind: 'break'; start: number; end: number }
  | { kind: 'gap'; start: number; end: number; between: boolean };

export interface Lane {
  staff: DayStaff;
  state: 'working' | 'absent' | 'off';
  items: LaneItem[];
  /** Visit minutes. */
  workMin: number;
  /** Minutes between consecutive visits (travel and air together), breaks left out. */
  gapsBetween: number[];
  /** Whether the shift needs a break (longer than 5 h with break minutes) and whether one is planned. */
  breakNeeded: boolean;
  breakPlanned: boolean;
}

export interface BusyTime {
  staffId: string;
  start: string;
  end: string;
}

export interface Unstaffed {
  visit: DayVisit;
  reason: 'absent' | 'notAssigned' | 'missingSecond' | 'notWorking';
  /** The absent person(s) the visit had. */
  lost: DayStaff[];
}

export interface Timeline {
  lanes: Lane[];
  unstaffed: Unstaffed[];
  /** Shown range in minutes after midnight. */
  from: number;
  to: number;
}

/** Where a visit lies on the timeline: done visits at their real time, others at the planned one. */
export function visitTimes(v: DayVisit): { start: number; end: number } {
  const s = v.status === 'done' && v.actualStart ? v.actualStart : v.plannedStart ?? v.windowStart;
  const start = toMin(s);
  const end = v.status === 'done' && v.actualEnd ? toMin(v.actualEnd) : start + v.durationMin;
  return { start, end: Math.max(end, start + 5) };
}

/**
 * @param day - the team's day (staff, visits)
 * @param plan - the current plan, for the breaks
 * @param busy - times the staff are busy with visits not shown (a service group's other clients)
 * @returns lanes for everyone with a shift or a visit, and the visits without their person
 */
export function buildTimeline(day: Pick<TeamDay, 'staff' | 'visits'>, plan: DayPlanDoc | null, busy: readonly BusyTime[] = [], trips: readonly ErrandTripView[] = []): Timeline {
  // A planned trip is one block on its person's lane; its visits are not shown on their own.
  const placed = trips.filter((t) => t.staffId && t.start);
  const onTrip = new Set(placed.flatMap((t) => t.stops.map((s) => s.visitId).filter((id): id is string => id !== null)));
  const visits = day.visits.filter((v) => v.status !== 'cancelled' && !onTrip.has(v.id));
  const byVisitId = new Map(day.visits.map((v) => [v.id, v]));
  const breaksByStaff = new Map<string, { start: number; end: number }[]>();
  for (const r of plan?.routes ?? []) {
    for (const s of r.stops) {
      if (s.break) (breaksByStaff.get(r.staff) ?? breaksByStaff.set(r.staff, []).get(r.staff)!).push({ start: toMin(s.start), end: toMin(s.end) });
    }
  }
  const lanes: Lane[] = [];
  const unstaffed: Unstaffed[] = [];
  const stateOf = (s: DayStaff): Lane['state'] => (s.absence ? 'absent' : s.shift ? 'working' : 'off');
  const byId = new Map(day.staff.map((s) => [s.id, s]));
  for (const s of day.staff) {
    const state = stateOf(s);
    const mine = visits.filter((v) => v.staff.some((p) => p.id === s.id));
    if (state === 'off' && mine.length === 0) continue;
    const items: LaneItem[] = [];
    // An absent person's visits are listed among those without staff, not on their lane.
    const shown = state === 'absent' ? [] : mine;
    for (const v of shown) items.push({ kind: 'visit', visit: v, ...visitTimes(v) });
    const myTrips = state === 'absent' ? [] : placed.filter((t) => t.staffId === s.id);
    for (const t of myTrips) {
      const members = t.stops.map((x) => (x.visitId ? byVisitId.get(x.visitId) : undefined)).filter((v): v is DayVisit => !!v);
      items.push({ kind: 'trip', trip: t, members, start: toMin(t.start!), end: toMin(t.start!) + t.durationMin });
    }
    const breaks = state === 'absent' ? [] : breaksByStaff.get(s.id) ?? [];
    for (const b of breaks) items.push({ kind: 'break', ...b });
    if (state !== 'absent') for (const b of busy) if (b.staffId === s.id) items.push({ kind: 'busy', start: toMin(b.start), end: toMin(b.end) });
    items.sort((a, b) => a.start - b.start);
    const withGaps: LaneItem[] = [];
    const gapsBetween: number[] = [];
    let cursor = s.shift && state === 'working' ? toMin(s.shift.start) : null;
    let lastVisitEnd: number | null = null;
    let breakSince = 0;
    for (const it of items) {
      if (cursor !== null && it.start > cursor) withGaps.push({ kind: 'gap', start: cursor, end: it.start, between: lastVisitEnd !== null });
      withGaps.push(it);
      if (it.kind === 'visit' || it.kind === 'busy' || it.kind === 'trip') {
        if (lastVisitEnd !== null) gapsBetween.push(it.start - lastVisitEnd - breakSince);
        lastVisitEnd = it.end;
        breakSince = 0;
      } else if (it.kind === 'break') {
        breakSince += it.end - it.start;
      }
      cursor = Math.max(cursor ?? it.end, it.end);
    }
    if (s.shift && state === 'working' && cursor !== null && cursor < toMin(s.shift.end)) {
      withGaps.push({ kind: 'gap', start: cursor, end: toMin(s.shift.end), between: false });
    }
    const shiftLen = s.shift ? toMin(s.shift.end) - toMin(s.shift.start) : 0;
    lanes.push({
      staff: s,
      state,
      items: withGaps,
      workMin: shown.reduce((a, v) => a + v.durationMin, 0) + myTrips.reduce((a, t) => a + t.durationMin, 0),
      gapsBetween,
      breakNeeded: state === 'working' && !!s.shift && s.shift.breakMin > 0 && shiftLen > 300,
      breakPlanned: breaks.length > 0,
    });
  }
  for (const v of visits) {
    if (v.status !== 'planned') continue;
    const lost = v.staff.map((p) => byId.get(p.id)).filter((p): p is DayStaff => !!p && p.absence !== null);
    const notWorking = v.staff.map((p) => byId.get(p.id)).filter((p): p is DayStaff => !!p && !p.absence && !p.shift);
    if (lost.length > 0) unstaffed.push({ visit: v, reason: 'absent', lost });
    else if (notWorking.length > 0) unstaffed.push({ visit: v, reason: 'notWorking', lost: notWorking });
    else if (v.staff.length === 0 || !v.plannedStart) unstaffed.push({ visit: v, reason: 'notAssigned', lost: [] });
    else if (v.staff.length < v.staffCount) unstaffed.push({ visit: v, reason: 'missingSecond', lost: [] });
  }
  // Working people first, in shift order; then absent; then anyone off with visits.
  const rank = { working: 0, absent: 1, off: 2 } as const;
  lanes.sort((a, b) => rank[a.state] - rank[b.state] || (a.staff.shift?.start ?? '').localeCompare(b.staff.shift?.start ?? '') || a.staff.firstName.localeCompare(b.staff.firstName));
  const edges: number[] = [];
  for (const l of lanes) {
    if (l.staff.shift) edges.push(toMin(l.staff.shift.start), toMin(l.staff.shift.end));
    for (const it of l.items) edges.push(it.start, it.end);
  }
  for (const u of unstaffed) edges.push(toMin(u.visit.windowStart), toMin(u.visit.windowEnd));
  const from = edges.length ? Math.floor(Math.min(...edges) / 60) * 60 : 7 * 60;
  const to = edges.length ? Math.ceil(Math.max(...edges) / 60) * 60 : 17 * 60;
  return { lanes, unstaffed, from, to: Math.max(to, from + 60) };
}

/**
 * The people a dragged visit gets: dropping it on another lane gives that person the place of
 * the one it was dragged from; dropped from the unstaffed list, the person joins those it has.
 */
export function staffAfterMove(visit: Pick<DayVisit, 'staff' | 'staffCount'>, fromStaffId: string | null, toStaffId: string, absentIds: ReadonlySet<string> = new Set()): string[] {
  const current = visit.staff.map((p) => p.id).filter((id) => !absentIds.has(id) || id === fromStaffId);
  if (current.includes(toStaffId) && fromStaffId !== toStaffId) return current.filter((id) => id !== fromStaffId);
  if (fromStaffId && current.includes(fromStaffId)) return current.map((id) => (id === fromStaffId ? toStaffId : id));
  const kept = current.filter((id) => !absentIds.has(id));
  return [...kept, toStaffId].slice(-visit.staffCount);
}
