// The soft figures of a plan, recomputed from the problem and the plan alone (no solver state),
// so the engine's report and an outside check agree.
import type { Plan, Problem } from '../format/schema.js';
import { parseTime } from '../format/time.js';
import { travelFunction } from '../format/travel.js';

export interface PlanMetrics {
  /** Total travel minutes over all routes, start to end. */
  travelMin: number;
  assigned: number;
  unassigned: number;
  mustUnassigned: number;
  /** Share of assigned visits with a fixed contact that the fixed contact does. */
  byFixedContact: number;
  /** Share done by the fixed contact among visits the fixed contact could do at all (on shift for the window, holding the skills). */
  byFixedContactWhereAble: number;
  /** Share of assigned visits done (also) by the fixed contact or by staff who know the client. */
  byKnownStaff: number;
  /** Share with a staff member speaking the client's first language, among visits where such a speaker is on shift with the skills. */
  firstLanguageMatch: number;
  /** Share with any shared language, among assigned visits with languages. */
  languageMatch: number;
  /** Mean and maximum number of different staff each client meets today. */
  distinctStaffPerClientMean: number;
  distinctStaffPerClientMax: number;
  /** Air between consecutive visits of a route: next start − (previous end + travel), breaks excluded. */
  slackMinMin: number;
  slackMeanMin: number;
  /** Visit minutes per working staff member: spread (standard deviation) and maximum. */
  workMinStdDev: number;
  workMinMax: number;
  /** Staff on shift in the problem who have no visit in the plan (not counted in the work spread). */
  staffWithoutVisits: number;
}

function able(p: Problem, visitIdx: number, staffId: string): boolean {
  const v = p.visits[visitIdx]!;
  const s = p.staff.find((x) => x.id === staffId);
  if (!s) return false;
  if (!p.crossTeam && s.team !== v.team) return false;
  if (!v.skills.every((k) => s.skills.includes(k))) return false;
  const ws = parseTime(v.window.start)!;
  const we = parseTime(v.window.end)!;
  const start = Math.max(ws, parseTime(s.shift.start)!);
  return start <= we && start + v.durationMin <= parseTime(s.shift.end)!;
}

const round = (x: number, d = 4): number => Math.round(x * 10 ** d) / 10 ** d;

/** @returns the plan's metrics; visits or staff the problem does not know are skipped. */
export function computeMetrics(p: Problem, plan: Plan): PlanMetrics {
  const travel = travelFunction(p);
  const visitIdx = new Map(p.visits.map((v, i) => [v.id, i]));
  const staffById = new Map(p.staff.map((s) => [s.id, s]));
  const doneBy = new Map<number, string[]>();
  let travelMin = 0;
  const slacks: number[] = [];
  const work: number[] = [];
  const working = new Set<string>();
  for (const r of plan.routes) {
    const s = staffById.get(r.staff);
    if (!s) continue;
    let loc = s.start;
    let prevEnd: number | null = null;
    let breakMin = 0;
    let w = 0;
    let visits = 0;
    for (const st of r.stops) {
      if (!('visit' in st)) {
        breakMin += (parseTime(st.end) ?? 0) - (parseTime(st.start) ?? 0);
        continue;
      }
      const vi = visitIdx.get(st.visit);
      if (vi === undefined) continue;
      const v = p.visits[vi]!;
      const tt = travel(loc, v.location, s.transport);
      travelMin += tt;
      const start = parseTime(st.start) ?? 0;
      if (prevEnd !== null) slacks.push(start - (prevEnd + breakMin + tt));
      prevEnd = parseTime(st.end) ?? start;
      breakMin = 0;
      loc = v.location;
      w += v.durationMin;
      visits++;
      (doneBy.get(vi) ?? doneBy.set(vi, []).get(vi)!).push(s.id);
    }
    if (visits > 0) {
      travelMin += travel(loc, s.end, s.transport);
      work.push(w);
      working.add(s.id);
    }
  }
  let fcHave = 0, fcDone = 0, fcAble = 0, fcAbleDone = 0, known = 0, lang1Able = 0, lang1 = 0, langHave = 0, lang = 0;
  let mustUnassigned = 0;
  const clientStaff = new Map<string, Set<string>>();
  p.visits.forEach((v, vi) => {
    const by = doneBy.get(vi);
    if (v.fixedContact && able(p, vi, v.fixedContact)) {
      fcAble++;
      if (by?.includes(v.fixedContact)) fcAbleDone++;
    }
    if (!by) {
      if (v.priority === 'must') mustUnassigned++;
      return;
    }
    const set = clientStaff.get(v.client) ?? clientStaff.set(v.client, new Set()).get(v.client)!;
    by.forEach((id) => set.add(id));
    if (v.fixedContact) {
      fcHave++;
      if (by.includes(v.fixedContact)) fcDone++;
    }
    if (by.some((id) => id === v.fixedContact || (v.knownStaff[id] ?? 0) > 0)) known++;
    if (v.languages.length > 0) {
      langHave++;
      if (by.some((id) => v.languages.some((l) => staffById.get(id)?.languages.includes(l)))) lang++;
      const first = v.languages[0]!;
      if (p.staff.some((s) => s.languages.includes(first) && able(p, vi, s.id))) {
        lang1Able++;
        if (by.some((id) => staffById.get(id)?.languages.includes(first))) lang1++;
      }
    }
  });
  const assigned = doneBy.size;
  const counts = [...clientStaff.values()].map((x) => x.size);
  const mean = work.length ? work.reduce((a, b) => a + b, 0) / work.length : 0;
  return {
    travelMin,
    assigned,
    unassigned: p.visits.length - assigned,
    mustUnassigned,
    byFixedContact: round(fcHave ? fcDone / fcHave : 1),
    byFixedContactWhereAble: round(fcAble ? fcAbleDone / fcAble : 1),
    byKnownStaff: round(assigned ? known / assigned : 1),
    firstLanguageMatch: round(lang1Able ? lang1 / lang1Able : 1),
    languageMatch: round(langHave ? lang / langHave : 1),
    distinctStaffPerClientMean: round(counts.length ? counts.reduce((a, b) => a + b, 0) / counts.length : 0, 3),
    distinctStaffPerClientMax: counts.length ? Math.max(...counts) : 0,
    slackMinMin: slacks.length ? Math.min(...slacks) : 0,
    slackMeanMin: round(slacks.length ? slacks.reduce((a, b) => a + b, 0) / slacks.length : 0, 2),
    workMinStdDev: round(work.length ? Math.sqrt(work.reduce((a, b) => a + (b - mean) ** 2, 0) / work.length) : 0, 2),
    workMinMax: work.length ? Math.max(...work) : 0,
    staffWithoutVisits: p.staff.filter((s) => !working.has(s.id)).length,
  };
}
