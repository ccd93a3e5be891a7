// Visits are occurrences of care-plan visits, and shifts come from each person's rota. A team's
// day is generated the first time anyone opens it (today or later), so the system needs no nightly
// batch and any future day can be shown.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { addDays, daysBetween, decisionValidOn, occurrencesOn, rotaShiftsOn, type RotaShift } from '@tillit/domain';
import type { AppContext } from '../context.js';
import { carePlanVisits, carePlans, clients, decisions, generatedDays, rotaShifts, shifts, staff, visits } from '../db/schema.js';

/**
 * Make sure the visits of a team's days from..to exist. Days before `today` are history and are
 * never generated after the fact.
 */
export async function ensureDaysGenerated(ctx: AppContext, teamId: string, from: string, to: string, today: string): Promise<void> {
  const start = from < today ? today : from;
  if (start > to) return;
  const dates: string[] = [];
  for (let i = 0; i <= daysBetween(start, to); i++) dates.push(addDays(start, i));
  const done = await ctx.db.select({ date: generatedDays.date }).from(generatedDays)
    .where(and(eq(generatedDays.teamId, teamId), inArray(generatedDays.date, dates)));
  const doneSet = new Set(done.map((d) => d.date));
  const missing = dates.filter((d) => !doneSet.has(d));
  if (missing.length === 0) return;

  // The team's visits: care-plan visits it is named for, and its own clients' unnamed ones.
  const candidates = await ctx.db
    .select({ v: carePlanVisits, clientId: carePlans.clientId, clientTeam: clients.teamId })
    .from(carePlanVisits)
    .innerJoin(carePlans, eq(carePlans.id, carePlanVisits.carePlanId))
    .innerJoin(clients, eq(clients.id, carePlans.clientId))
    .where(or(eq(carePlanVisits.teamId, teamId), and(isNull(carePlanVisits.teamId), eq(clients.teamId, teamId))));
  const planVisits = candidates.map((c) => c.v);
  const errandOf = new Map(planVisits.map((v) => [v.id, v.errand]));
  const clientIds = [...new Set(candidates.map((c) => c.clientId))];
  const plans = clientIds.length === 0 ? [] : await ctx.db.select().from(carePlans).where(inArray(carePlans.clientId, clientIds));
  const decs = clientIds.length === 0 ? [] : await ctx.db.select().from(decisions).where(inArray(decisions.clientId, clientIds));
  const members = await ctx.db.select({ id: staff.id }).from(staff).where(eq(staff.teamId, teamId));
  const memberIds = members.map((m) => m.id);
  const rota = (memberIds.length === 0 ? [] : await ctx.db.select().from(rotaShifts).where(inArray(rotaShifts.staffId, memberIds))) as RotaShift[];
  const existingShifts = memberIds.length === 0 ? [] : await ctx.db.select({ staffId: shifts.staffId, date: shifts.date }).from(shifts)
    .where(and(inArray(shifts.staffId, memberIds), inArray(shifts.date, missing)));
  const hasShift = new Set(existingShifts.map((s) => `${s.staffId}:${s.date}`));

  await ctx.db.transaction(async (tx) => {
    for (const date of missing) {
      const rows = plans.flatMap((plan) => {
        // Care is due only while some decision for the client is valid.
        const valid = decs.some((d) => d.clientId === plan.clientId && decisionValidOn(d, date));
        if (!valid) return [];
        const occ = occurrencesOn({
          clientId: plan.clientId,
          visits: planVisits.filter((v) => v.carePlanId === plan.id).map((v) => ({
            id: v.id, title: v.title, serviceType: v.serviceType as never, weekdays: v.weekdays, windowStart: v.windowStart,
            windowEnd: v.windowEnd, durationMin: v.durationMin, tasks: v.tasks, skills: v.skills as never,
            staffCount: v.staffCount as 1 | 2, videoAllowed: v.videoAllowed, intervalWeeks: v.intervalWeeks, weekAnchor: v.weekAnchor,
          })),
        }, date, null);
        return occ.map((o) => ({
          id: randomUUID(), clientId: o.clientId, teamId, carePlanVisitId: o.carePlanVisitId, date, title: o.title,
          serviceType: o.serviceType, windowStart: o.windowStart, windowEnd: o.windowEnd, durationMin: o.durationMin,
          skills: o.skills, tasks: o.tasks, staffCount: o.staffCount, video: o.video, status: 'planned' as const,
          errand: errandOf.get(o.carePlanVisitId) ?? null,
        }));
      });
      if (rows.length > 0) await tx.insert(visits).values(rows).onConflictDoNothing();
      // Shifts entered by hand for the day win over the rota.
      const dayShifts = rotaShiftsOn(rota, date).filter((r) => !hasShift.has(`${r.staffId}:${date}`))
        .map((r) => ({ id: randomUUID(), staffId: r.staffId, date, start: r.start, end: r.end, breakMin: r.breakMin }));
      if (dayShifts.length > 0) await tx.insert(shifts).values(dayShifts);
      await tx.insert(generatedDays).values({ teamId, date }).onConflictDoNothing();
    }
  });
}

/** Make sure a client's days exist in every team that serves them (own team, evening, service). */
export async function ensureClientDaysGenerated(ctx: AppContext, clientId: string, clientTeamId: string, from: string, to: string, today: string): Promise<void> {
  const serving = await ctx.db.selectDistinct({ teamId: carePlanVisits.teamId }).from(carePlanVisits)
    .innerJoin(carePlans, eq(carePlans.id, carePlanVisits.carePlanId)).where(eq(carePlans.clientId, clientId));
  const teamIds = new Set([clientTeamId, ...serving.map((s) => s.teamId).filter((t): t is string => t !== null)]);
  for (const t of teamIds) await ensureDaysGenerated(ctx, t, from, to, today);
}
