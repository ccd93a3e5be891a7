// Turns a solved Solution into a tillit.plan/v1 document: start times for every stop, breaks
// placed in the gap the evaluator chose, reasons for unassigned visits, and the metrics.
import type { CompiledProblem } from '../model/from-problem.js';
import { qualifies, onShiftFor } from '../model/from-problem.js';
import type { Plan, PlanStop } from '../format/schema.js';
import { formatTime } from '../format/time.js';
import { InternalError } from '../errors.js';
import type { Solution } from '../search/solution.js';
import { computeMetrics } from '../check/metrics.js';

interface Timed {
  task: number;
  start: number;
}

/**
 * Earliest-start schedule of route r with its breaks, by the same rule as the evaluator
 * (per number of breaks taken, keep the state with least lateness, then earliest).
 * @returns visit starts and break starts, or null when the route is late somewhere
 */
export function scheduleRoute(s: Solution, r: number): { visits: Timed[]; breaks: { gap: number; start: number }[] } | null {
  const m = s.m;
  const b0 = m.vBreakFirst[r]!;
  const nB = m.vBreakFirst[r + 1]! - b0;
  interface State {
    t: number;
    late: number;
    starts: number[];
    breaks: { gap: number; start: number }[];
  }
  let states: (State | null)[] = Array.from({ length: nB + 1 }, () => null);
  states[0] = { t: m.vShiftStart[r]!, late: 0, starts: [], breaks: [] };
  const time = m.time[m.vMode[r]!]!;
  const n = s.len[r]!;
  let loc = m.vStartLoc[r]!;
  const takeBreaks = (gap: number): void => {
    for (let k = 0; k < nB; k++) {
      const st = states[k];
      if (!st) continue;
      let start = Math.max(st.t, m.breakEarly[b0 + k]!);
      let late = st.late;
      if (start > m.breakLate[b0 + k]!) {
        late += start - m.breakLate[b0 + k]!;
        start = m.breakLate[b0 + k]!;
      }
      const end = start + m.breakDur[b0 + k]!;
      const cur = states[k + 1];
      if (!cur || late < cur.late - 1e-9 || (late <= cur.late + 1e-9 && end < cur.t))
        states[k + 1] = { t: end, late, starts: [...st.starts], breaks: [...st.breaks, { gap, start }] };
    }
  };
  for (let i = 0; i < n; i++) {
    const task = s.route[r]![i]!;
    takeBreaks(i);
    const tt = time[loc * m.nLocs + m.taskLoc[task]!]!;
    states = states.map((st) => {
      if (!st) return null;
      let a = Math.max(st.t + tt, s.early[task]!);
      let late = st.late;
      if (a > s.late[task]!) {
        late += a - s.late[task]!;
        a = s.late[task]!;
      }
      return { t: a + m.service[task]!, late, starts: [...st.starts, a], breaks: st.breaks };
    });
    loc = m.taskLoc[task]!;
  }
  takeBreaks(n);
  const fin = states[nB];
  if (!fin) return null;
  const back = fin.t + time[loc * m.nLocs + m.vEndLoc[r]!]!;
  if (fin.late > 1e-9 || back > m.vShiftEnd[r]! + 1e-9) return null;
  return { visits: fin.starts.map((start, i) => ({ task: s.route[r]![i]!, start })), breaks: fin.breaks };
}

/** @returns a sentence saying why visit vi could not be planned. */
export function reasonUnassigned(cp: CompiledProblem, vi: number): string {
  const p = cp.problem;
  const v = p.visits[vi]!;
  const win = `${v.window.start}-${v.window.end}`;
  const inTeam = p.staff.map((_, si) => si).filter((si) => p.crossTeam || p.staff[si]!.team === v.team || v.pinnedStaff);
  if (inTeam.length === 0) return `no staff in team '${v.team}'`;
  const skilled = inTeam.filter((si) => qualifies(p, vi, si, 0) || qualifies(p, vi, si, 1));
  const skills = v.skills.map((k) => `'${k}'`).join(', ');
  if (skilled.length === 0)
    return v.pinnedStaff ? `the pinned staff ${v.pinnedStaff.join(', ')} cannot do it` : `no staff in team '${v.team}' has skill ${skills || '(none)'}`;
  const onShift = skilled.filter((si) => onShiftFor(p, vi, si));
  if (onShift.length === 0) return `no staff with skill ${skills || '(none)'} is on shift ${win}`;
  if (v.staffCount === 2 && onShift.length < 2) return `needs two staff at once but only ${p.staff[onShift[0]!]!.id} is qualified and on shift ${win}`;
  return `no qualified staff is free ${win}: the day is full (${onShift.map((si) => p.staff[si]!.id).join(', ')} are busy)`;
}

/**
 * @param cp - the compiled problem
 * @param s - a solution whose routes are all feasible
 * @returns the plan, with metrics recomputed from it
 */
export function buildPlan(cp: CompiledProblem, s: Solution): Plan {
  const p = cp.problem;
  const routes: Plan['routes'] = [];
  const assigned = new Uint8Array(p.visits.length);
  for (let r = 0; r < p.staff.length; r++) {
    const sched = scheduleRoute(s, r);
    if (!sched) {
      // An idle staff member whose breaks cannot be placed simply gets no route.
      if (s.len[r] === 0) continue;
      throw new InternalError(`route of ${p.staff[r]!.id} is not feasible`);
    }
    const stops: PlanStop[] = [];
    const breakAt = (gap: number): void => {
      sched.breaks.forEach((b, k) => {
        if (b.gap === gap) {
          const dur = s.m.breakDur[s.m.vBreakFirst[r]! + k]!;
          stops.push({ break: true, start: formatTime(b.start), end: formatTime(b.start + dur) });
        }
      });
    };
    sched.visits.forEach((tv, i) => {
      breakAt(i);
      const v = p.visits[cp.taskVisit[tv.task]!]!;
      assigned[cp.taskVisit[tv.task]!] = 1;
      stops.push({ visit: v.id, start: formatTime(tv.start), end: formatTime(tv.start + v.durationMin) });
    });
    breakAt(sched.visits.length);
    if (sched.visits.length > 0 || stops.length > 0) routes.push({ staff: p.staff[r]!.id, stops });
  }
  const unassigned = p.visits.flatMap((v, vi) => (assigned[vi] ? [] : [{ visit: v.id, reason: reasonUnassigned(cp, vi) }]));
  const plan: Plan = { format: 'tillit.plan/v1', date: p.date, routes, unassigned, metrics: {} };
  plan.metrics = { ...computeMetrics(p, plan) };
  return plan;
}

