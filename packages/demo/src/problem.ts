// One day of the demo as a planning problem in the `tillit.problem/v1` format
// (shared/planning-format.md), for the planning engine's home-care benchmark.
import type { ServiceType, Transport } from '@tillit/domain';
import { addDays, fromMinutes } from '@tillit/domain';
import { shiftBreak } from './assignment.js';
import { buildDemo, resolveOptions } from './generate.js';
import { TRAVEL } from './geography.js';
import type { DemoMunicipality } from './types.js';

/** A fixed Monday, so the benchmark problem never changes with the calendar. */
export const DEFAULT_PROBLEM_DATE = '2026-11-23';

interface LatLon {
  lat: number;
  lon: number;
}

export interface ProblemStaff {
  id: string;
  team: string;
  skills: string[];
  languages: string[];
  transport: Transport;
  start: LatLon;
  end: LatLon;
  shift: { start: string; end: string };
  breaks: { earliest: string; latest: string; durationMin: number }[];
}

export interface ProblemVisit {
  id: string;
  client: string;
  team: string;
  location: LatLon;
  window: { start: string; end: string };
  durationMin: number;
  skills: string[];
  staffCount: 1 | 2;
  languages: string[];
  fixedContact?: string;
  knownStaff: Record<string, number>;
  priority: 'must' | 'normal';
}

export interface HomeCareProblem {
  format: 'tillit.problem/v1';
  date: string;
  travel: {
    model: 'haversine';
    detourFactor: number;
    speedKmh: { car: number; bike: number; walk: number };
    parkingMin: { car: number };
  };
  staff: ProblemStaff[];
  visits: ProblemVisit[];
}

/** Medication, meals and personal care are never dropped (planning-format.md `priority`). */
const MUST: ReadonlySet<ServiceType> = new Set(['personal_care', 'medication', 'meals']);

/**
 * @param demo - a generated demo municipality
 * @param date - the day to plan; its planned visits and the 14 days before it are used
 * @returns every staff member on shift and not absent that day (day teams, the evening team and
 *   the service group) and every planned visit of that day
 */
export function problemFromDemo(demo: DemoMunicipality, date: string = demo.today): HomeCareProblem {
  const teams = new Map(demo.teams.map((t) => [t.id, t]));
  const staffById = new Map(demo.staff.map((s) => [s.id, s]));
  const absent = new Set(demo.absences.filter((a) => a.fromDate <= date && date <= a.toDate).map((a) => a.staffId));
  const staff: ProblemStaff[] = [];
  for (const shift of demo.shifts) {
    if (shift.date !== date || absent.has(shift.staffId)) continue;
    const s = staffById.get(shift.staffId);
    const team = s ? teams.get(s.teamId) : undefined;
    if (!s || !team) continue;
    const w = shiftBreak(shift);
    staff.push({
      id: s.id, team: team.id, skills: [...s.skills], languages: [...s.languages], transport: s.transport,
      start: { ...team.base }, end: { ...team.base }, shift: { start: shift.start, end: shift.end },
      breaks: w ? [{ earliest: fromMinutes(w.earliest), latest: fromMinutes(w.latest), durationMin: shift.breakMin }] : [],
    });
  }
  const present = new Set(staff.map((s) => s.id));
  const staffTeam = new Map(staff.map((s) => [s.id, s.team]));

  // knownStaff: visits each staff member made to the client in the 14 days before the date.
  const historyFrom = addDays(date, -14);
  const known = new Map<string, Record<string, number>>();
  for (const v of demo.visits) {
    if (v.status !== 'done' || v.date < historyFrom || v.date >= date) continue;
    const counts = known.get(v.clientId) ?? {};
    for (const id of v.staffIds) if (present.has(id)) counts[id] = (counts[id] ?? 0) + 1;
    known.set(v.clientId, counts);
  }
  const clients = new Map(demo.clients.map((c) => [c.id, c]));
  const visits: ProblemVisit[] = [];
  for (const v of demo.visits) {
    if (v.date !== date || v.status !== 'planned') continue;
    const c = clients.get(v.clientId);
    if (!c) continue;
    // The fixed contact works in the client's day team; for the evening team's and service group's
    // visits they are not a staff member the planner could choose, so they are left out there.
    const fixed = c.fixedContactStaffId;
    const fixedHere = fixed !== null && staffTeam.get(fixed) === v.teamId;
    visits.push({
      id: v.id, client: c.id, team: v.teamId, location: { ...c.location },
      window: { start: v.windowStart, end: v.windowEnd }, durationMin: v.durationMin,
      skills: [...v.skills], staffCount: v.staffCount === 2 ? 2 : 1, languages: [...c.languages],
      ...(fixedHere ? { fixedContact: fixed } : {}),
      knownStaff: { ...(known.get(c.id) ?? {}) },
      priority: MUST.has(v.serviceType) ? 'must' : 'normal',
    });
  }
  return {
    format: 'tillit.problem/v1',
    date,
    travel: {
      model: TRAVEL.model, detourFactor: TRAVEL.detourFactor,
      speedKmh: { ...TRAVEL.speedKmh }, parkingMin: { ...TRAVEL.parkingMin },
    },
    staff,
    visits,
  };
}

/**
 * @param options.seed - the demo seed
 * @param options.date - the day (default {@link DEFAULT_PROBLEM_DATE}); the demo is generated with it as today
 * @returns the default demo municipality's day as a `tillit.problem/v1` object (about 300 visits)
 */
export function homeCareProblem(options: { seed: number; date?: string }): HomeCareProblem {
  const date = options.date ?? DEFAULT_PROBLEM_DATE;
  return problemFromDemo(buildDemo(resolveOptions({ seed: options.seed, today: date }, date)), date);
}
