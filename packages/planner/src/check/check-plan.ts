// The independent plan checker: given a problem and a plan, list every way the plan breaks the
// format's rules, in words and as a code with its parameters, and recompute the metrics. It shares
// only the format's travel model with the engine, never the solver's model or evaluator.
import type { Plan, Problem } from '../format/schema.js';
import { parseTime } from '../format/time.js';
import { travelFunction } from '../format/travel.js';
import { computeMetrics, type PlanMetrics } from './metrics.js';

/** Every kind of violation the checker reports; stable, so screens can say them in any language. */
export const violationCodes = [
  'date-mismatch', 'unknown-staff', 'duplicate-route', 'unknown-visit', 'travel-too-short',
  'outside-window', 'wrong-duration', 'missing-skill', 'other-team', 'pinned-staff', 'pinned-start',
  'extra-break', 'break-overlap', 'break-outside-window', 'break-duration', 'before-shift',
  'after-shift', 'break-not-taken', 'unassigned-unknown-visit', 'visit-lost', 'unassigned-without-reason',
  'planned-and-unassigned', 'staff-count', 'same-staff-twice', 'double-starts-differ',
] as const;
export type ViolationCode = (typeof violationCodes)[number];

/**
 * What a violation is about. Times are `HH:MM`; ids are the problem's. `after` is the visit the
 * staff member comes from (absent: from the shift start or a break, as `afterKind` says).
 */
export interface ViolationParams {
  staff?: string;
  visit?: string;
  date?: string;
  expectedDate?: string;
  start?: string;
  earliest?: string;
  travelMin?: number;
  after?: string;
  afterKind?: 'visit' | 'break' | 'shift-start';
  windowStart?: string;
  windowEnd?: string;
  durationMin?: number;
  expectedMin?: number;
  skills?: string[];
  team?: string;
  visitTeam?: string;
  pinnedStaff?: string[];
  pinnedStart?: string;
  freeFrom?: string;
  shiftStart?: string;
  shiftEnd?: string;
  back?: string;
  count?: number;
  needed?: number;
  starts?: { staff: string; start: string }[];
}

export interface Violation {
  code: ViolationCode;
  /** The violation in English words, as `tillit-plan check` prints it. */
  message: string;
  params: ViolationParams;
}

export interface CheckResult {
  valid: boolean;
  /** Every violation in words (the same sentences as `details[i].message`). */
  violations: string[];
  /** Every violation as a code with its parameters, in the same order as `violations`. */
  details: Violation[];
  metrics: PlanMetrics;
}

/**
 * @param p - a validated problem
 * @param plan - a validated plan
 * @returns whether the plan is valid, every violation, and the recomputed metrics
 */
export function checkPlan(p: Problem, plan: Plan): CheckResult {
  const out: Violation[] = [];
  const add = (code: ViolationCode, message: string, params: ViolationParams) => out.push({ code, message, params });
  const travel = travelFunction(p);
  const visitIdx = new Map(p.visits.map((v, i) => [v.id, i]));
  const staffById = new Map(p.staff.map((s) => [s.id, s]));
  if (plan.date !== p.date) add('date-mismatch', `plan date ${plan.date} differs from the problem's ${p.date}`, { date: plan.date, expectedDate: p.date });
  const starts = new Map<string, { staff: string; start: number }[]>();
  const seenStaff = new Set<string>();
  for (const r of plan.routes) {
    const s = staffById.get(r.staff);
    if (!s) {
      add('unknown-staff', `route for unknown staff "${r.staff}"`, { staff: r.staff });
      continue;
    }
    if (seenStaff.has(s.id)) add('duplicate-route', `staff ${s.id} has more than one route`, { staff: s.id });
    seenStaff.add(s.id);
    const shiftStart = parseTime(s.shift.start)!;
    const shiftEnd = parseTime(s.shift.end)!;
    let loc = s.start;
    let t = shiftStart;
    let where = 'the shift start';
    let from: Pick<ViolationParams, 'after' | 'afterKind'> = { afterKind: 'shift-start' };
    let breakNo = 0;
    const breaks = [...s.breaks].sort((a, b) => parseTime(a.earliest)! - parseTime(b.earliest)!);
    let visits = 0;
    for (const st of r.stops) {
      const a = parseTime(st.start)!;
      const b = parseTime(st.end)!;
      if ('visit' in st) {
        const vi = visitIdx.get(st.visit);
        if (vi === undefined) {
          add('unknown-visit', `${s.id}: unknown visit "${st.visit}"`, { staff: s.id, visit: st.visit });
          continue;
        }
        visits++;
        const v = p.visits[vi]!;
        const at = { staff: s.id, visit: v.id, start: st.start };
        const tt = travel(loc, v.location, s.transport);
        if (a < t + tt) add('travel-too-short', `${s.id}: visit ${v.id} starts ${st.start} but cannot arrive before ${fmt(t + tt)} (${tt} min travel after ${where})`, { ...at, earliest: fmt(t + tt), travelMin: tt, ...from });
        if (a < parseTime(v.window.start)! || a > parseTime(v.window.end)!) add('outside-window', `${s.id}: visit ${v.id} starts ${st.start}, outside its window ${v.window.start}-${v.window.end}`, { ...at, windowStart: v.window.start, windowEnd: v.window.end });
        if (b - a !== v.durationMin) add('wrong-duration', `${s.id}: visit ${v.id} lasts ${b - a} min, not ${v.durationMin}`, { ...at, durationMin: b - a, expectedMin: v.durationMin });
        const missing = v.skills.filter((k) => !s.skills.includes(k));
        if (missing.length) add('missing-skill', `${s.id} lacks skill ${missing.map((k) => `'${k}'`).join(', ')} for visit ${v.id}`, { ...at, skills: missing });
        if (!p.crossTeam && v.team !== s.team) add('other-team', `${s.id} (team ${s.team}) has visit ${v.id} of team ${v.team}`, { ...at, team: s.team, visitTeam: v.team });
        if (v.pinnedStaff && !v.pinnedStaff.includes(s.id)) add('pinned-staff', `visit ${v.id} is pinned to ${v.pinnedStaff.join(', ')}, not ${s.id}`, { ...at, pinnedStaff: v.pinnedStaff });
        if (v.pinnedStart && a !== parseTime(v.pinnedStart)) add('pinned-start', `visit ${v.id} is pinned to start ${v.pinnedStart}, not ${st.start}`, { ...at, pinnedStart: v.pinnedStart });
        (starts.get(v.id) ?? starts.set(v.id, []).get(v.id)!).push({ staff: s.id, start: a });
        loc = v.location;
        t = b;
        where = `visit ${v.id}`;
        from = { after: v.id, afterKind: 'visit' };
      } else {
        const br = breaks[breakNo++];
        const at = { staff: s.id, start: st.start };
        if (!br) {
          add('extra-break', `${s.id}: break at ${st.start} is not one of the staff member's breaks`, at);
          continue;
        }
        if (a < t) add('break-overlap', `${s.id}: break at ${st.start} overlaps ${where} (free from ${fmt(t)})`, { ...at, freeFrom: fmt(t), ...from });
        if (a < parseTime(br.earliest)! || a > parseTime(br.latest)!) add('break-outside-window', `${s.id}: break starts ${st.start}, outside ${br.earliest}-${br.latest}`, { ...at, windowStart: br.earliest, windowEnd: br.latest });
        if (b - a !== br.durationMin) add('break-duration', `${s.id}: break lasts ${b - a} min, not ${br.durationMin}`, { ...at, durationMin: b - a, expectedMin: br.durationMin });
        t = Math.max(t, b);
        where = `the break`;
        from = { afterKind: 'break' };
      }
    }
    if (a0(r.stops) !== null && a0(r.stops)! < shiftStart) add('before-shift', `${s.id}: first stop before the shift starts ${s.shift.start}`, { staff: s.id, start: r.stops[0]!.start, shiftStart: s.shift.start });
    const back = t + travel(loc, s.end, s.transport);
    if (visits > 0 && back > shiftEnd) add('after-shift', `${s.id}: back at the end at ${fmt(back)}, after the shift ends ${s.shift.end}`, { staff: s.id, back: fmt(back), shiftEnd: s.shift.end });
    if (visits > 0 && breakNo < breaks.length) add('break-not-taken', `${s.id}: ${breaks.length - breakNo} break(s) not taken`, { staff: s.id, count: breaks.length - breakNo });
  }
  const unassigned = new Map<string, string>();
  for (const u of plan.unassigned) {
    if (!visitIdx.has(u.visit)) add('unassigned-unknown-visit', `unassigned lists unknown visit "${u.visit}"`, { visit: u.visit });
    unassigned.set(u.visit, u.reason);
  }
  for (const v of p.visits) {
    const st = starts.get(v.id) ?? [];
    if (st.length === 0) {
      if (!unassigned.has(v.id)) add('visit-lost', `visit ${v.id} is neither planned nor listed as unassigned`, { visit: v.id });
      else if (!unassigned.get(v.id)!.trim()) add('unassigned-without-reason', `visit ${v.id} is unassigned without a reason`, { visit: v.id });
      continue;
    }
    if (unassigned.has(v.id)) add('planned-and-unassigned', `visit ${v.id} is both planned and listed as unassigned`, { visit: v.id });
    if (st.length !== v.staffCount) add('staff-count', `visit ${v.id} needs ${v.staffCount} staff but appears ${st.length} time(s)`, { visit: v.id, needed: v.staffCount, count: st.length });
    if (new Set(st.map((x) => x.staff)).size !== st.length) add('same-staff-twice', `visit ${v.id} lists the same staff member twice`, { visit: v.id });
    if (st.some((x) => x.start !== st[0]!.start)) {
      add('double-starts-differ', `double-staffed visit ${v.id} has different starts: ${st.map((x) => `${x.staff} ${fmt(x.start)}`).join(', ')}`, { visit: v.id, starts: st.map((x) => ({ staff: x.staff, start: fmt(x.start) })) });
    }
  }
  return { valid: out.length === 0, violations: out.map((v) => v.message), details: out, metrics: computeMetrics(p, plan) };
}

function a0(stops: Plan['routes'][number]['stops']): number | null {
  return stops.length ? parseTime(stops[0]!.start) : null;
}

function fmt(min: number): string {
  const m = Math.round(min);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
