// Compiles a validated home-care problem to the solver's Model: one task per staff slot of a
// visit, one vehicle per staff member, a travel matrix per transport, hard rules as compat and
// soft preferences (fixed contact, known staff, language, previous plan) as assignment costs.
import type { Problem } from '../format/schema.js';
import { parseTime } from '../format/time.js';
import { travelFunction, type LatLon } from '../format/travel.js';
import { ModelBuilder, type Model } from './model.js';

export interface CompiledProblem {
  model: Model;
  problem: Problem;
  /** Visit index and staff slot (0 or 1) of each task. */
  taskVisit: Int32Array;
  taskSlot: Int32Array;
  /** First task of each visit (a double-staffed visit's second task follows it). */
  visitTask: Int32Array;
  /** Unique locations, as indexed by the model. */
  locations: LatLon[];
  transports: string[];
}

const MUST_DROP_COST = 1e7;

/** @returns whether staff member s may ever do visit v (team, skills, pinning; not time). */
export function qualifies(p: Problem, vi: number, si: number, slot: number): boolean {
  const v = p.visits[vi]!;
  const s = p.staff[si]!;
  if (v.pinnedStaff) return v.pinnedStaff[slot] === s.id;
  if (!p.crossTeam && v.team !== s.team) return false;
  return v.skills.every((k) => s.skills.includes(k));
}

/** @returns whether staff member s is on shift for some start in the visit's window. */
export function onShiftFor(p: Problem, vi: number, si: number): boolean {
  const v = p.visits[vi]!;
  const s = p.staff[si]!;
  const ws = parseTime(v.window.start)!;
  const we = parseTime(v.window.end)!;
  const ss = parseTime(s.shift.start)!;
  const se = parseTime(s.shift.end)!;
  return Math.max(ws, ss) <= we && Math.max(ws, ss) + v.durationMin <= se;
}

/**
 * @param p - a validated problem
 * @returns the model and the maps back from tasks to visits
 */
export function compileProblem(p: Problem): CompiledProblem {
  const w = p.weights;
  const locIndex = new Map<string, number>();
  const locations: LatLon[] = [];
  const locOf = (l: LatLon): number => {
    const k = `${l.lat},${l.lon}`;
    let i = locIndex.get(k);
    if (i === undefined) {
      i = locations.length;
      locIndex.set(k, i);
      locations.push({ lat: l.lat, lon: l.lon });
    }
    return i;
  };
  if (p.travel.model === 'matrix') p.travel.locations.forEach(locOf);
  for (const s of p.staff) {
    locOf(s.start);
    locOf(s.end);
  }
  for (const v of p.visits) locOf(v.location);
  const transports = [...new Set(p.staff.map((s) => s.transport))];
  if (transports.length === 0) transports.push('car');
  const travel = travelFunction(p);
  const n = locations.length;
  const time = transports.map((tr) => {
    const m = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) m[i * n + j] = Math.ceil(travel(locations[i]!, locations[j]!, tr) - 1e-9);
    return m;
  });
  const b = new ModelBuilder(n, time);
  b.travelCost = w.travelPerMin;
  b.hardCapacity = false;
  b.loadCost = w.unfairLoadPerMin;

  const taskVisit: number[] = [];
  const taskSlot: number[] = [];
  const visitTask = new Int32Array(p.visits.length);
  p.visits.forEach((v, vi) => {
    let e = parseTime(v.window.start)!;
    let l = parseTime(v.window.end)!;
    if (v.pinnedStart) e = l = parseTime(v.pinnedStart)!;
    // A must-visit left out costs the same whether one or two staff would have done it (each of a
    // pair's tasks carries half), so the search leaves out one double-staffed visit rather than
    // two clients' single visits when the day cannot hold them all.
    const drop = v.priority === 'must' ? MUST_DROP_COST / v.staffCount : w.unassignedNormal + 10 * v.durationMin;
    visitTask[vi] = taskVisit.length;
    const first = b.addTask({ loc: locOf(v.location), early: e, late: l, service: v.durationMin + w.slackMin, demand: v.durationMin, dropCost: drop, must: v.priority === 'must' });
    taskVisit.push(vi);
    taskSlot.push(0);
    if (v.staffCount === 2) {
      // Air between visits (weights.slackMin) is planned as a few extra minutes after each visit.
      const second = b.addTask({ loc: locOf(v.location), early: e, late: l, service: v.durationMin + w.slackMin, demand: v.durationMin, dropCost: drop, must: v.priority === 'must' });
      taskVisit.push(vi);
      taskSlot.push(1);
      b.linkPartners(first, second);
    }
  });

  // Fair share of the work: each staff member's part of the team's visit minutes, by shift length.
  const teamWork = new Map<string, number>();
  const teamShift = new Map<string, number>();
  for (const v of p.visits) teamWork.set(v.team, (teamWork.get(v.team) ?? 0) + v.durationMin * v.staffCount);
  for (const s of p.staff) teamShift.set(s.team, (teamShift.get(s.team) ?? 0) + parseTime(s.shift.end)! - parseTime(s.shift.start)!);
  p.staff.forEach((s) => {
    const len = parseTime(s.shift.end)! - parseTime(s.shift.start)!;
    const share = ((teamWork.get(s.team) ?? 0) * len) / Math.max(1, teamShift.get(s.team) ?? 1);
    b.addVehicle({
      startLoc: locOf(s.start),
      endLoc: locOf(s.end),
      shiftStart: parseTime(s.shift.start)!,
      shiftEnd: parseTime(s.shift.end)!,
      capacity: Math.ceil(share * 1.1),
      mode: transports.indexOf(s.transport),
      breaks: s.breaks.map((br) => ({ early: parseTime(br.earliest)!, late: parseTime(br.latest)!, duration: br.durationMin })),
    });
  });

  const prevStaff = new Map<string, Set<string>>();
  for (const r of p.previousPlan?.routes ?? [])
    for (const st of r.stops) if ('visit' in st) (prevStaff.get(st.visit) ?? prevStaff.set(st.visit, new Set()).get(st.visit)!).add(r.staff);

  b.setCompat((t, si) => qualifies(p, taskVisit[t]!, si, taskSlot[t]!) && onShiftFor(p, taskVisit[t]!, si));
  // How many times a task pays the fixed-contact weight on staff member si.
  const fixedContactShare = (t: number, si: number): number => {
    const v = p.visits[taskVisit[t]!]!;
    if (!v.fixedContact) return 0;
    const isFixedContact = v.fixedContact === p.staff[si]!.id;
    if (v.staffCount === 2) return isFixedContact ? -0.5 : 0.5;
    return isFixedContact ? 0 : 1;
  };
  b.setAssignCost((t, si) => {
    const v = p.visits[taskVisit[t]!]!;
    const s = p.staff[si]!;
    let c = 0;
    // The fixed contact and a language are wanted once per visit, not once per staff slot. A
    // double-staffed visit's slots share the price, so that the pair pays the full weight only
    // when neither staff member is the fixed contact (exact: at most one of them can be), and
    // half of it when one of them lacks the client's language. Charging each slot in full made
    // a double visit cost a fixed contact's weight even when they did it, which made dropping
    // such a visit look cheaper than dropping one without a fixed contact.
    const pair = v.staffCount === 2;
    c += fixedContactShare(t, si) * w.notFixedContact;
    if (v.fixedContact !== s.id) c += w.notKnownStaff * (1 - Math.min(1, (v.knownStaff[s.id] ?? 0) / 5));
    if (v.languages.length > 0 && !s.languages.includes(v.languages[0]!))
      c += (pair ? 0.5 : 1) * (v.languages.some((l) => s.languages.includes(l)) ? w.noFirstLanguage : w.noLanguage);
    const prev = prevStaff.get(v.id);
    if (prev && !prev.has(s.id)) c += w.movedFromPrevious;
    return c;
  });
  // The day's continuity target counts the visits whose fixed contact could do them at all (as
  // the metrics do: qualified, and on shift for some start in the window).
  const staffIdx = new Map(p.staff.map((s, i) => [s.id, i]));
  b.setContinuity(
    (t) => {
      const vi = taskVisit[t]!;
      const fc = p.visits[vi]!.fixedContact;
      const si = fc ? staffIdx.get(fc) : undefined;
      return si !== undefined && qualifies(p, vi, si, taskSlot[t]!) && onShiftFor(p, vi, si) ? si : -1;
    },
    fixedContactShare,
    w.notFixedContact,
    w.continuityTarget,
  );
  b.nNeighbours = 30;
  const model = b.build();
  return { model, problem: p, taskVisit: Int32Array.from(taskVisit), taskSlot: Int32Array.from(taskSlot), visitTask, locations, transports };
}
