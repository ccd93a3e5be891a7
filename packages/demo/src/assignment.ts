// A simple, honest day plan for one team, built by cheapest insertion: the hardest visits first
// (double-staffed, then the least slack), each put where it adds the least travel in some staff
// member's day, with the fixed contact and staff the client knows preferred. It respects shifts,
// skills, windows, travel and a break; what fits nowhere stays unassigned. The planning engine
// (packages/planner) does better; this only has to be believable and valid.
import { breakWindow, type Coordinates, type Shift, type Skill, type Transport } from '@tillit/domain';
import { TRAVEL, haversineKm } from './geography.js';

/** Minutes of extra travel worth accepting to send the fixed contact. */
export const FIXED_CONTACT_BONUS = 30;
const PUSH_WEIGHT = 0.5;

export interface DayVisit {
  clientId: string;
  location: Coordinates;
  windowStart: number;
  windowEnd: number;
  durationMin: number;
  skills: readonly Skill[];
  staffCount: number;
  /**
   * Done by video. Planned like any visit at the client's home: the planning format has no
   * remote visits, and the demo's plans must be valid by the format's checker.
   */
  video: boolean;
  fixedContactId: string | null;
  /** How many visits each staff member made to this client before (a small preference). */
  known?: ReadonlyMap<string, number> | undefined;
}

export interface DayStaff {
  id: string;
  skills: readonly Skill[];
  transport: Transport;
  base: Coordinates;
  shift: Pick<Shift, 'start' | 'end' | 'breakMin'>;
}

export interface DayAssignment {
  /** Minute of day, or null when unassigned. */
  plannedStart: number | null;
  staffIds: string[];
}

/** Minutes since midnight of a well-formed `HH:MM` (the domain's `toMinutes`, without its check, for hot loops). */
export function minuteOf(hhmm: string): number {
  return ((hhmm.charCodeAt(0) - 48) * 10 + hhmm.charCodeAt(1) - 48) * 60 + (hhmm.charCodeAt(3) - 48) * 10 + hhmm.charCodeAt(4) - 48;
}

/** The shift's break window by the domain's rule (the one the planning problem states), or null. */
export function shiftBreak(shift: Pick<Shift, 'start' | 'end' | 'breakMin'>): { earliest: number; latest: number } | null {
  return breakWindow(minuteOf(shift.start), minuteOf(shift.end), shift.breakMin);
}

/** A stop in a staff member's day. `loc` indexes the travel cache; -1 means no travel (a break). */
interface Stop {
  visit: number;
  ws: number;
  we: number;
  dur: number;
  loc: number;
  start: number;
  /** Where the staff member is after this stop. */
  after: number;
}

interface Route {
  s: DayStaff;
  skills: Set<Skill>;
  speed: number;
  parking: number;
  shiftStart: number;
  shiftEnd: number;
  stops: Stop[];
}

/** Lazily filled distance cache over the base (index 0) and the visits' locations. */
class Distances {
  private readonly km: Float64Array;
  constructor(private readonly points: Coordinates[]) {
    this.km = new Float64Array(points.length * points.length).fill(-1);
  }
  /** Travel minutes as the planning format counts them: rounded up, parking on arrival. */
  minutes(a: number, b: number, r: Route): number {
    if (a === b) return 0;
    const k = a * this.points.length + b;
    let d = this.km[k] as number;
    if (d < 0) {
      d = haversineKm(this.points[a] as Coordinates, this.points[b] as Coordinates);
      this.km[k] = d;
      this.km[b * this.points.length + a] = d;
    }
    // Parking counts on every arrival, also at the same address (the format's checker counts it).
    return Math.ceil((d * TRAVEL.detourFactor / r.speed) * 60 + r.parking);
  }
}

/** How far the last feasible `tryInsert` pushed the stop after the inserted one (minutes). */
let pushed = 0;

/**
 * @returns the start of `ins` if inserting it at `pos` keeps the route feasible, else -1.
 * Later stops only move later; once a physical stop keeps its start, nothing after it changes.
 */
function tryInsert(r: Route, ins: Stop, pos: number, dist: Distances): number {
  const stops = r.stops;
  let t = pos === 0 ? r.shiftStart : (stops[pos - 1] as Stop).start + (stops[pos - 1] as Stop).dur;
  let cur = pos === 0 ? 0 : (stops[pos - 1] as Stop).after;
  let insStart = -1;
  pushed = 0;
  for (let i = pos - 1; i < stops.length; i++) {
    const s = i === pos - 1 ? ins : (stops[i] as Stop);
    const travel = s.loc >= 0 ? dist.minutes(cur, s.loc, r) : 0;
    const start = Math.max(t + travel, s.ws);
    if (start > s.we) return -1;
    if (s === ins) insStart = start;
    else if (i === pos) pushed = start - s.start;
    if (s !== ins && s.loc >= 0 && start === s.start) return insStart;
    t = start + s.dur;
    if (s.loc >= 0) cur = s.loc;
  }
  return t + dist.minutes(cur, 0, r) <= r.shiftEnd ? insStart : -1;
}

function commit(r: Route, ins: Stop, pos: number, dist: Distances): void {
  r.stops.splice(pos, 0, ins);
  let t = pos === 0 ? r.shiftStart : (r.stops[pos - 1] as Stop).start + (r.stops[pos - 1] as Stop).dur;
  let cur = pos === 0 ? 0 : (r.stops[pos - 1] as Stop).after;
  for (let i = pos; i < r.stops.length; i++) {
    const s = r.stops[i] as Stop;
    s.start = Math.max(t + (s.loc >= 0 ? dist.minutes(cur, s.loc, r) : 0), s.ws);
    t = s.start + s.dur;
    if (s.loc >= 0) cur = s.loc;
    s.after = cur;
  }
}

/** Extra travel minutes of putting `loc` between the stops around `pos`. */
function detour(r: Route, loc: number, pos: number, dist: Distances): number {
  if (loc < 0) return 0;
  const prev = pos === 0 ? 0 : (r.stops[pos - 1] as Stop).after;
  let next = 0;
  for (let i = pos; i < r.stops.length; i++) {
    const l = (r.stops[i] as Stop).loc;
    if (l >= 0) {
      next = l;
      break;
    }
  }
  return dist.minutes(prev, loc, r) + dist.minutes(loc, next, r) - dist.minutes(prev, next, r);
}

interface Placement {
  r: Route;
  pos: number;
  start: number;
  cost: number;
}

/** The cheapest feasible place for a stop in one route, or null. */
function bestPlacement(r: Route, ins: Stop, dist: Distances): Placement | null {
  let best: Placement | null = null;
  const stops = r.stops;
  for (let pos = 0; pos <= stops.length; pos++) {
    if (pos > 0 && (stops[pos - 1] as Stop).start > ins.we) break;
    if (pos < stops.length && (stops[pos] as Stop).we < ins.ws) continue;
    const start = tryInsert(r, ins, pos, dist);
    if (start < 0) continue;
    // Extra travel, plus how much later the next stop starts: time given away is capacity lost.
    const cost = detour(r, ins.loc, pos, dist) + PUSH_WEIGHT * pushed;
    if (!best || cost < best.cost) best = { r, pos, start, cost };
  }
  return best;
}

/** Larger teams (the load-test scale) are planned in geographic groups of about this many staff. */
const MAX_GROUP = 24;

/**
 * Splits a large team's day into groups: visits by longitude, staff dealt out in turn, so the
 * insertion stays linear in the number of visits.
 */
function assignInGroups(visits: readonly DayVisit[], staff: readonly DayStaff[], breaks?: Map<string, number>): DayAssignment[] {
  const groups = Math.ceil(staff.length / 8);
  const byLon = visits.map((_, i) => i).sort((a, b) => (visits[a] as DayVisit).location.lon - (visits[b] as DayVisit).location.lon || a - b);
  const result: DayAssignment[] = visits.map(() => ({ plannedStart: null, staffIds: [] }));
  for (let g = 0; g < groups; g++) {
    const idx = byLon.slice(Math.floor((g * visits.length) / groups), Math.floor(((g + 1) * visits.length) / groups));
    const part = assignDay(idx.map((i) => visits[i] as DayVisit), staff.filter((_, k) => k % groups === g), breaks);
    idx.forEach((i, k) => (result[i] = part[k] as DayAssignment));
  }
  return result;
}

/**
 * @param visits - the team's visits of one day
 * @param staff - the team's staff on shift and not absent that day (all starting at the same base)
 * @param breaks - if given, receives each staff member's break start (minute of day)
 * @returns one assignment per visit, in the order given
 */
export function assignDay(visits: readonly DayVisit[], staff: readonly DayStaff[], breaks?: Map<string, number>): DayAssignment[] {
  if (staff.length > MAX_GROUP) return assignInGroups(visits, staff, breaks);
  const result: DayAssignment[] = visits.map(() => ({ plannedStart: null, staffIds: [] }));
  const first = staff[0];
  if (!first) return result;
  const dist = new Distances([first.base, ...visits.map((v) => v.location)]);
  const routes: Route[] = staff.map((s) => {
    const w = shiftBreak(s.shift);
    const r: Route = {
      s, skills: new Set(s.skills), speed: TRAVEL.speedKmh[s.transport], parking: s.transport === 'car' ? TRAVEL.parkingMin.car : 0,
      shiftStart: minuteOf(s.shift.start), shiftEnd: minuteOf(s.shift.end), stops: [],
    };
    // The break is a stop taken where the staff member is (no travel).
    if (w) commit(r, { visit: -1, ws: w.earliest, we: w.latest, dur: s.shift.breakMin, loc: -1, start: 0, after: 0 }, 0, dist);
    return r;
  });
  const stopOf = (i: number, ws: number, we: number): Stop => {
    const v = visits[i] as DayVisit;
    return { visit: i, ws, we, dur: v.durationMin, loc: i + 1, start: 0, after: 0 };
  };
  const preference = (r: Route, v: DayVisit) =>
    (r.s.id === v.fixedContactId ? FIXED_CONTACT_BONUS : 0) + 4 * Math.min(5, v.known?.get(r.s.id) ?? 0) - 3 * r.stops.length;
  const able = (r: Route, v: DayVisit) => v.skills.every((k) => r.skills.has(k));

  // Hardest first: double staffing, then the least slack in the window, then the earliest.
  const order = visits.map((_, i) => i).sort((a, b) => {
    const x = visits[a] as DayVisit;
    const y = visits[b] as DayVisit;
    const slack = (v: DayVisit) => v.windowEnd - v.windowStart;
    return y.staffCount - x.staffCount || x.windowStart - y.windowStart || slack(x) - slack(y) || a - b;
  });
  for (const i of order) {
    const v = visits[i] as DayVisit;
    const candidates = routes.filter((r) => able(r, v));
    // One probe stop per visit for all the trial insertions; committed stops are fresh objects.
    const probe = stopOf(i, v.windowStart, v.windowEnd);
    if (v.staffCount < 2) {
      let best: Placement | null = null;
      let bestScore = Infinity;
      for (const r of candidates) {
        const p = bestPlacement(r, probe, dist);
        if (!p) continue;
        const score = p.cost - preference(r, v);
        if (score < bestScore) [best, bestScore] = [p, score];
      }
      if (!best) continue;
      commit(best.r, stopOf(i, v.windowStart, v.windowEnd), best.pos, dist);
      result[i] = { plannedStart: best.start, staffIds: [best.r.s.id] };
      continue;
    }
    // Double staffing: two different staff who start at the same minute. Try the few earliest
    // starts any one of them could make, pinned, until two fit.
    const earliest = new Set<number>();
    for (const r of candidates) {
      const p = bestPlacement(r, probe, dist);
      if (p) earliest.add(p.start);
    }
    const times = [...earliest].sort((a, b) => a - b).slice(0, 6);
    for (const t of times) {
      const fits: { p: Placement; score: number }[] = [];
      probe.ws = t;
      probe.we = t;
      for (const r of candidates) {
        const p = bestPlacement(r, probe, dist);
        if (p) fits.push({ p, score: p.cost - preference(r, v) });
      }
      if (fits.length < 2) continue;
      fits.sort((a, b) => a.score - b.score);
      const [a, b] = fits as unknown as [{ p: Placement }, { p: Placement }];
      commit(a.p.r, stopOf(i, t, t), a.p.pos, dist);
      commit(b.p.r, stopOf(i, t, t), b.p.pos, dist);
      result[i] = { plannedStart: t, staffIds: [a.p.r.s.id, b.p.r.s.id] };
      break;
    }
  }
  // Insertions push later stops later, so the starts are read off the finished routes.
  for (const r of routes) {
    for (const s of r.stops) {
      if (s.visit >= 0) (result[s.visit] as DayAssignment).plannedStart = s.start;
      else breaks?.set(r.s.id, s.start);
    }
  }
  return result;
}
