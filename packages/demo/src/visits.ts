// Visits for every day from the history to the days ahead: care-plan occurrences, staffed by the
// simple day plan. History days are done (real times, some late), a few missed or cancelled;
// today and later are planned.
import type { CarePlan, Decision, Visit } from '@tillit/domain';
import { addDays, decisionValidOn, fromMinutes, inIntervalWeek, isoWeekday, occurrencesOn, type CarePlanVisit, type VisitOccurrence } from '@tillit/domain';
import { assignDay, minuteOf, type DayStaff, type DayVisit } from './assignment.js';
import type { ClientProfile } from './clients.js';
import type { Organisation } from './organisation.js';
import type { Rng } from './prng.js';
import type { Schedule } from './schedule.js';

const MISSED_REASONS = [
  'Besöket föll bort i planeringen när en kollega blev sjuk.',
  'Bilen startade inte i kylan och ingen annan hann dit.',
  'Ingen öppnade; brukaren var hos grannen. Anhörig kontaktad.',
  'Personalen blev kvar hos en annan brukare som hade fallit.',
  'Fel tid i listan; besöket gjordes inte.',
];
/** Share of staffed visits that still did not happen (besides those no one could be planned for). */
const MISSED_SHARE = 0.01;
const NO_STAFF = 'Ingen personal med rätt kompetens var ledig inom tidsfönstret.';
const IN_HOSPITAL = 'Avbokat: brukaren är inlagd på Sunderby sjukhus.';
/** `HH:MM` for every minute of the day, shared by all visits. */
const CLOCK: readonly string[] = Array.from({ length: 1440 }, (_, m) => fromMinutes(m));

import type { DemoBreak } from './types.js';

export interface Stay {
  clientId: string;
  from: string;
  to: string;
}

export interface VisitInput {
  org: Organisation;
  clients: ClientProfile[];
  plans: Map<string, { carePlan: CarePlan; decisions: Decision[] }>;
  schedule: Schedule;
  today: string;
  from: string;
  to: string;
  hospitalStays: Stay[];
  /** If given, receives where each staff member's break lies in the demo's plans. */
  breaks?: DemoBreak[];
}

/** The team that does a visit: the service group for service, the evening team from 15:00, else the day team. */
function responsibleTeam(c: ClientProfile, occ: VisitOccurrence): string {
  if (occ.serviceType === 'service') return c.team.service.id;
  if (minuteOf(occ.windowStart) >= 15 * 60) return c.team.evening.id;
  return c.team.team.id;
}

/**
 * @param rng - the random source
 * @returns all visits, by date and then team
 */
export function buildVisits(rng: Rng, input: VisitInput): Visit[] {
  const { org, clients, plans, schedule, today } = input;
  const known = new Map<string, Map<string, number>>();
  const teamsById = new Map(org.teams.map((t) => [t.id, t]));
  const visits: Visit[] = [];
  const staysOf = new Map<string, Stay[]>();
  for (const s of input.hospitalStays) staysOf.set(s.clientId, [...(staysOf.get(s.clientId) ?? []), s]);

  // A plan's occurrences depend on the weekday, and on the week for visits every other week or
  // rarer: each client's seven weekdays are worked out once as if weekly, and the week is checked per date.
  const weekly = new Map<string, VisitOccurrence[][]>();
  const planVisit = new Map<string, CarePlanVisit>();
  for (const c of clients) {
    const plan = plans.get(c.client.id);
    if (!plan) continue;
    for (const v of plan.carePlan.visits) planVisit.set(v.id, v);
    const everyWeek = { ...plan.carePlan, visits: plan.carePlan.visits.map((v) => ({ ...v, intervalWeeks: 1 })) };
    const days: VisitOccurrence[][] = [];
    for (let k = 0; k < 7; k++) {
      const date = addDays(input.from, k);
      days[isoWeekday(date)] = occurrencesOn(everyWeek, date, null);
    }
    weekly.set(c.client.id, days);
  }
  for (let date = input.from; date <= input.to; date = addDays(date, 1)) {
    const byTeam = new Map<string, { c: ClientProfile; occ: VisitOccurrence; cancelled: boolean }[]>();
    const weekday = isoWeekday(date);
    for (const c of clients) {
      const plan = plans.get(c.client.id);
      if (!plan || !plan.decisions.some((d) => decisionValidOn(d, date))) continue;
      const stays = staysOf.get(c.client.id);
      const cancelled = stays !== undefined && stays.some((s) => s.from <= date && date <= s.to);
      for (const occ of weekly.get(c.client.id)?.[weekday] ?? []) {
        if (!inIntervalWeek(planVisit.get(occ.carePlanVisitId)!, date)) continue;
        const teamId = responsibleTeam(c, occ);
        const list = byTeam.get(teamId);
        const item = { c, occ, cancelled };
        if (list) list.push(item);
        else byTeam.set(teamId, [item]);
      }
    }
    const shifts = schedule.shiftOn.get(date) ?? new Map();
    const absent = schedule.absentOn.get(date) ?? new Set<string>();
    for (const [teamId, items] of byTeam) {
      const team = teamsById.get(teamId);
      if (!team) continue;
      const staff: DayStaff[] = [];
      for (const p of org.staffByTeam.get(teamId) ?? []) {
        const shift = shifts.get(p.staff.id);
        if (!shift || absent.has(p.staff.id)) continue;
        staff.push({ id: p.staff.id, skills: p.staff.skills, transport: p.staff.transport, base: team.base, shift });
      }
      // A substitute at work stands in for colleagues who are away: they take over those clients first.
      const here = new Set(staff.map((x) => x.id));
      const standIn = (org.staffByTeam.get(teamId) ?? []).find((p) => p.substitute && here.has(p.staff.id))?.staff.id ?? null;
      const active = items.filter((x) => !x.cancelled);
      const dayVisits: DayVisit[] = active.map(({ c, occ }) => ({
        clientId: c.client.id, location: c.client.location, windowStart: minuteOf(occ.windowStart), windowEnd: minuteOf(occ.windowEnd),
        durationMin: occ.durationMin, skills: occ.skills, staffCount: occ.staffCount, video: occ.video, fixedContactId: c.client.fixedContactStaffId !== null && here.has(c.client.fixedContactStaffId) ? c.client.fixedContactStaffId : standIn,
        known: known.get(c.client.id),
      }));
      const dayBreaks = new Map<string, number>();
      const assignments = assignDay(dayVisits, staff, dayBreaks);
      for (const [staffId, start] of dayBreaks) input.breaks?.push({ staffId, date, start: CLOCK[start] as string });
      let a = 0;
      for (const { c, occ, cancelled } of items) {
        // One object shape for every visit keeps a million of them cheap.
        const v: Visit = {
          id: rng.uuid(), clientId: c.client.id, teamId, carePlanVisitId: occ.carePlanVisitId, date, title: occ.title,
          serviceType: occ.serviceType, windowStart: occ.windowStart, windowEnd: occ.windowEnd, durationMin: occ.durationMin,
          skills: occ.skills, tasks: occ.tasks, staffCount: occ.staffCount, video: occ.video,
          status: 'planned', plannedStart: null, staffIds: [], actualStart: null, actualEnd: null, missedReason: null,
        };
        visits.push(v);
        if (cancelled) {
          v.status = 'cancelled';
          v.missedReason = IN_HOSPITAL;
          continue;
        }
        const asg = assignments[a++] as { plannedStart: number | null; staffIds: string[] };
        v.plannedStart = asg.plannedStart === null ? null : (CLOCK[asg.plannedStart] as string);
        v.staffIds = asg.staffIds;
        if (date >= today) continue;
        if (asg.plannedStart === null || rng.chance(MISSED_SHARE)) {
          v.status = 'missed';
          v.missedReason = asg.plannedStart === null ? NO_STAFF : rng.pick(MISSED_REASONS);
          continue;
        }
        // Real times: mostly a few minutes around the plan, now and then late past the window.
        const late = rng.chance(0.04);
        const windowEnd = minuteOf(occ.windowEnd);
        let start = late ? windowEnd + rng.int(5, 35) : Math.min(windowEnd, asg.plannedStart + rng.int(-5, 12));
        start = Math.min(Math.max(start, 0), 1439 - occ.durationMin - 15);
        const end = Math.min(1439, start + Math.max(5, occ.durationMin + rng.int(-5, 10)));
        v.status = 'done';
        v.actualStart = CLOCK[start] as string;
        v.actualEnd = CLOCK[end] as string;
        for (const s of asg.staffIds) {
          let m = known.get(c.client.id);
          if (!m) known.set(c.client.id, (m = new Map()));
          m.set(s, (m.get(s) ?? 0) + 1);
        }
      }
    }
  }
  return visits;
}
