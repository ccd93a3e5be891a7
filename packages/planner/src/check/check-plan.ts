// The independent plan checker: given a problem and a plan, list every way the plan breaks the
// format's rules, in words, and recompute the metrics. It shares only the format's travel model
// with the engine, never the solver's model or evaluator.
import type { Plan, Problem } from '../format/schema.js';
import { parseTime } from '../format/time.js';
import { travelFunction } from '../format/travel.js';
import { computeMetrics, type PlanMetrics } from './metrics.js';

export interface CheckResult {
  valid: boolean;
  violations: string[];
  metrics: PlanMetrics;
}

/**
 * @param p - a validated problem
 * @param plan - a validated plan
 * @returns whether the plan is valid, every violation, and the recomputed metrics
 */
export function checkPlan(p: Problem, plan: Plan): CheckResult {
  const out: string[] = [];
  const travel = travelFunction(p);
  const visitIdx = new Map(p.visits.map((v, i) => [v.id, i]));
  const staffById = new Map(p.staff.map((s) => [s.id, s]));
  if (plan.date !== p.date) out.push(`plan date ${plan.date} differs from the problem's ${p.date}`);
  const starts = new Map<string, { staff: string; start: number }[]>();
  const seenStaff = new Set<string>();
  for (const r of plan.routes) {
    const s = staffById.get(r.staff);
    if (!s) {
      out.push(`route for unknown staff "${r.staff}"`);
      continue;
    }
    if (seenStaff.has(s.id)) out.push(`staff ${s.id} has more than one route`);
    seenStaff.add(s.id);
    const shiftStart = parseTime(s.shift.start)!;
    const shiftEnd = parseTime(s.shift.end)!;
    let loc = s.start;
    let t = shiftStart;
    let where = 'the shift start';
    let breakNo = 0;
    const breaks = [...s.breaks].sort((a, b) => parseTime(a.earliest)! - parseTime(b.earliest)!);
    let visits = 0;
    for (const st of r.stops) {
      const a = parseTime(st.start)!;
      const b = parseTime(st.end)!;
      if ('visit' in st) {
        const vi = visitIdx.get(st.visit);
        if (vi === undefined) {
          out.push(`${s.id}: unknown visit "${st.visit}"`);
          continue;
        }
        visits++;
        const v = p.visits[vi]!;
        const tt = travel(loc, v.location, s.transport);
        if (a < t + tt) out.push(`${s.id}: visit ${v.id} starts ${st.start} but cannot arrive before ${fmt(t + tt)} (${tt} min travel after ${where})`);
        if (a < parseTime(v.window.start)! || a > parseTime(v.window.end)!) out.push(`${s.id}: visit ${v.id} starts ${st.start}, outside its window ${v.window.start}-${v.window.end}`);
        if (b - a !== v.durationMin) out.push(`${s.id}: visit ${v.id} lasts ${b - a} min, not ${v.durationMin}`);
        const missing = v.skills.filter((k) => !s.skills.includes(k));
        if (missing.length) out.push(`${s.id} lacks skill ${missing.map((k) => `'${k}'`).join(', ')} for visit ${v.id}`);
        if (!p.crossTeam && v.team !== s.team) out.push(`${s.id} (team ${s.team}) has visit ${v.id} of team ${v.team}`);
        if (v.pinnedStaff && !v.pinnedStaff.includes(s.id)) out.push(`visit ${v.id} is pinned to ${v.pinnedStaff.join(', ')}, not ${s.id}`);
        if (v.pinnedStart && a !== parseTime(v.pinnedStart)) out.push(`visit ${v.id} is pinned to start ${v.pinnedStart}, not ${st.start}`);
        (starts.get(v.id) ?? starts.set(v.id, []).get(v.id)!).push({ staff: s.id, start: a });
        loc = v.location;
        t = b;
        where = `visit ${v.id}`;
      } else {
        const br = breaks[breakNo++];
        if (!br) {
          out.push(`${s.id}: break at ${st.start} is not one of the staff member's breaks`);
          continue;
        }
        if (a < t) out.push(`${s.id}: break at ${st.start} overlaps ${where} (free from ${fmt(t)})`);
        if (a < parseTime(br.earliest)! || a > parseTime(br.latest)!) out.push(`${s.id}: break starts ${st.start}, outside ${br.earliest}-${br.latest}`);
        if (b - a !== br.durationMin) out.push(`${s.id}: break lasts ${b - a} min, not ${br.durationMin}`);
        t = Math.max(t, b);
        where = `the break`;
      }
    }
    if (a0(r.stops) !== null && a0(r.stops)! < shiftStart) out.push(`${s.id}: first stop before the shift starts ${s.shift.start}`);
    const back = t + travel(loc, s.end, s.transport);
    if (visits > 0 && back > shiftEnd) out.push(`${s.id}: back at the end at ${fmt(back)}, after the shift ends ${s.shift.end}`);
    if (visits > 0 && breakNo < breaks.length) out.push(`${s.id}: ${breaks.length - breakNo} break(s) not taken`);
  }
  const unassigned = new Map<string, string>();
  for (const u of plan.unassigned) {
    if (!visitIdx.has(u.visit)) out.push(`unassigned lists unknown visit "${u.visit}"`);
    unassigned.set(u.visit, u.reason);
  }
  for (const v of p.visits) {
    const st = starts.get(v.id) ?? [];
    if (st.length === 0) {
      if (!unassigned.has(v.id)) out.push(`visit ${v.id} is neither planned nor listed as unassigned`);
      else if (!unassigned.get(v.id)!.trim()) out.push(`visit ${v.id} is unassigned without a reason`);
      continue;
    }
    if (unassigned.has(v.id)) out.push(`visit ${v.id} is both planned and listed as unassigned`);
    if (st.length !== v.staffCount) out.push(`visit ${v.id} needs ${v.staffCount} staff but appears ${st.length} time(s)`);
    if (new Set(st.map((x) => x.staff)).size !== st.length) out.push(`visit ${v.id} lists the same staff member twice`);
    if (st.some((x) => x.start !== st[0]!.start)) out.push(`double-staffed visit ${v.id} has different starts: ${st.map((x) => `${x.staff} ${fmt(x.start)}`).join(', ')}`);
  }
  return { valid: out.length === 0, violations: out, metrics: computeMetrics(p, plan) };
}

function a0(stops: Plan['routes'][number]['stops']): number | null {
  return stops.length ? parseTime(stops[0]!.start) : null;
}

function fmt(min: number): string {
  const m = Math.round(min);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
