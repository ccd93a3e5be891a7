// Shifts and absences. Healthy schedules as DOMAIN-FACTS describes them: one shift a day (no split
// shifts), day staff only work days and evening staff only evenings (no evening followed by a
// morning), every other weekend, at most six days in a row, so the 11 h daily and 36 h weekly rest
// of Arbetstidslagen and AB hold.
import type { Absence, AbsenceReason, Shift, Team } from '@tillit/domain';
import { addDays, daysBetween, isoWeekday, weekIndex } from '@tillit/domain';
import type { Organisation, StaffProfile } from './organisation.js';
import type { Rng } from './prng.js';

export const SHIFT_TIMES: Record<Team['kind'], { start: string; end: string; breakMin: number }> = {
  day: { start: '07:00', end: '16:00', breakMin: 30 },
  evening: { start: '15:00', end: '22:00', breakMin: 30 },
  service: { start: '08:00', end: '16:30', breakMin: 30 },
};

export interface Schedule {
  shifts: Shift[];
  absences: Absence[];
  /** date -> staff id -> that day's shift. */
  shiftOn: Map<string, Map<string, Shift>>;
  /** date -> staff ids absent that day. */
  absentOn: Map<string, Set<string>>;
  /** Staff absent today (the demo shows how the team covers). */
  absentToday: StaffProfile[];
}

/**
 * Whether a permanent or fixed-term staff member works on a date, from their rota. A two-week cycle:
 * the weekend week has one weekday off late in the week (Wed–Fri), the next week one early (Mon–Wed)
 * and the weekend off, so no run of work is longer than six days. Part-timers have one more day off.
 */
export function worksOnRota(p: StaffProfile, date: string, wd: number = isoWeekday(date)): boolean {
  if (p.team.kind === 'service') return wd <= 5 && !(p.partTime && wd === p.offSlot + 1);
  const week = weekIndex(date);
  const weekendWeek = (week + p.weekendParity) % 2 === 0;
  if (wd >= 6) return weekendWeek;
  const off = weekendWeek ? [3 + p.offSlot, ...(p.partTime ? [1 + (p.offSlot % 2)] : [])] : [1 + p.offSlot, ...(p.partTime ? [4 + (p.offSlot % 2)] : [])];
  return !off.includes(wd);
}

/**
 * @param rng - the random source
 * @param org - staff and teams
 * @param today - the demo's today
 * @param from - first date with shifts (today − history days)
 * @param to - last date with shifts (today + days ahead)
 */
export function buildSchedule(rng: Rng, org: Organisation, today: string, from: string, to: string): Schedule {
  const shifts: Shift[] = [];
  const shiftOn = new Map<string, Map<string, Shift>>();
  const absentOn = new Map<string, Set<string>>();
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    dates.push(d);
    shiftOn.set(d, new Map());
    absentOn.set(d, new Set());
  }
  const addShift = (p: StaffProfile, date: string) => {
    const day = shiftOn.get(date);
    if (!day || day.has(p.staff.id)) return;
    const t = SHIFT_TIMES[p.team.kind];
    const s: Shift = { id: rng.uuid(), staffId: p.staff.id, date, start: t.start, end: t.end, breakMin: t.breakMin };
    day.set(p.staff.id, s);
    shifts.push(s);
  };

  const profiles = [...org.profiles.values()];
  const regulars = profiles.filter((p) => !p.substitute);
  for (const date of dates) {
    const wd = isoWeekday(date);
    for (const p of regulars) if (worksOnRota(p, date, wd)) addShift(p, date);
  }

  // Absences: a few sick and child-care (VAB) days in the history, and someone sick today.
  const absences: Absence[] = [];
  const addAbsence = (p: StaffProfile, fromDate: string, toDate: string, reason: AbsenceReason) => {
    absences.push({ id: rng.uuid(), staffId: p.staff.id, fromDate, toDate, reason });
    for (let d = fromDate; d <= toDate; d = addDays(d, 1)) absentOn.get(d)?.add(p.staff.id);
  };
  const historyDates = dates.filter((d) => d < today);
  const spells = Math.round(regulars.length * 0.12);
  // The first two are a sick spell and a child-care day, so even a small demo shows both.
  const firstReasons: AbsenceReason[] = ['sick', 'child_care'];
  for (let i = 0; i < spells && historyDates.length > 0; i++) {
    const p = rng.pick(regulars);
    const worked = historyDates.filter((d) => shiftOn.get(d)?.has(p.staff.id));
    if (worked.length === 0) continue;
    const start = rng.pick(worked);
    const reason = firstReasons[0] ?? rng.weighted<AbsenceReason>([['sick', 6], ['child_care', 3], ['other', 1]]);
    let end = reason === 'sick' ? addDays(start, rng.int(0, 2)) : start;
    if (end >= today) end = addDays(today, -1);
    let overlaps = false;
    for (let d = start; d <= end; d = addDays(d, 1)) if (absentOn.get(d)?.has(p.staff.id)) overlaps = true;
    if (overlaps) continue;
    addAbsence(p, start, end, reason);
    firstReasons.shift();
  }
  // Today: one undersköterska of the first team in each district (never the two first of a team,
  // who are the coordinator and the staff demo logins).
  const absentToday: StaffProfile[] = [];
  for (const info of org.dayTeams) {
    if (info.index % 6 !== 0) continue;
    const team = org.staffByTeam.get(info.team.id) ?? [];
    const candidates = team.slice(2).filter((p) => !p.substitute && p.staff.title === 'underskoterska' && shiftOn.get(today)?.has(p.staff.id));
    const p = candidates[0];
    if (!p) continue;
    addAbsence(p, today, addDays(today, 1) <= to ? addDays(today, 1) : today, 'sick');
    absentToday.push(p);
  }

  // Hourly substitutes fill the gaps: a day when fewer than the usual number of colleagues are
  // at work (weekends, absences), and a day now and then besides.
  for (const p of profiles.filter((q) => q.substitute)) {
    const team = (org.staffByTeam.get(p.team.id) ?? []).filter((q) => !q.substitute);
    const usual = Math.max(2, Math.ceil(team.length * 0.75));
    for (const [i, date] of dates.entries()) {
      const wd = isoWeekday(date);
      if (p.team.kind === 'service' && wd >= 6) continue;
      // Never a seventh day in a row (36 h weekly rest); filling gaps stops after five, so a colleague's
      // sudden absence can still be covered.
      const workedRun = (n: number) => i >= n && dates.slice(i - n, i).every((d) => shiftOn.get(d)?.has(p.staff.id));
      if (workedRun(6)) continue;
      const atWork = (org.staffByTeam.get(p.team.id) ?? []).filter((q) => shiftOn.get(date)?.has(q.staff.id) && !absentOn.get(date)?.has(q.staff.id)).length;
      const needed = wd >= 6 && p.team.kind === 'day' ? Math.max(2, Math.ceil(team.length * 0.6)) : usual;
      const covering = team.some((q) => absentOn.get(date)?.has(q.staff.id) && shiftOn.get(date)?.has(q.staff.id));
      if (covering || (!workedRun(5) && (atWork < needed || rng.chance(0.15)))) addShift(p, date);
    }
  }
  // Whoever is sick today is covered by their team's substitute; if that would be a seventh day in a
  // row, the substitute had the first day of that run off instead.
  const removed = new Set<Shift>();
  for (const away of absentToday) {
    const sub = (org.staffByTeam.get(away.team.id) ?? []).find((q) => q.substitute);
    if (!sub || shiftOn.get(today)?.has(sub.staff.id)) continue;
    const weekBefore = addDays(today, -6);
    const dropped = shiftOn.get(weekBefore)?.get(sub.staff.id);
    const run = dates.slice(dates.indexOf(weekBefore), dates.indexOf(today));
    if (dropped && run.length === 6 && run.every((d) => shiftOn.get(d)?.has(sub.staff.id))) {
      shiftOn.get(weekBefore)?.delete(sub.staff.id);
      removed.add(dropped);
    }
    addShift(sub, today);
  }
  const result = removed.size > 0 ? shifts.filter((x) => !removed.has(x)) : shifts;
  result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { shifts: result, absences, shiftOn, absentOn, absentToday };
}
