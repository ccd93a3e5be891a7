// The morning board's API: the day's plan with its figures, checked edits with versions and
// locks, undo, publish, suggested plans as jobs, and staff recording visits and swapping them.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gte, inArray, lt, lte, ne } from 'drizzle-orm';
import { z } from 'zod';
import { checkPlan, parsePlan, parseProblem, violationCodes, type Violation } from '@tillit/planner';
import {
  addDays, clientAccess, continuity, DomainError, errandKinds, fromMinutes, id, isoDate, timeOfDay, toMinutes,
} from '@tillit/domain';
import type { AppContext } from '../context.js';
import { localDate } from '../context.js';
import { absences, appliedMutations, clients, dayPlans, planChanges, planningJobs, shifts, staff, swapRequests, teams, visits } from '../db/schema.js';
import { accessFacts, authorizeTeam, filterAndLogClients, loadClientScopes } from '../access/guard.js';
import { forbidden, HttpProblem, notFound } from '../errors/problem.js';
import { sessionOf } from '../app.js';
import { ensureDaysGenerated } from '../services/visit-generation.js';
import { currentPlanOf, loadDay, tripsOfPlan, withTrips, type DayPlan, type DayProblem, type DayTrip } from '../services/planning-problem.js';
import { bumpVersion, ensureDayPlan, recordChange } from '../services/day-plan.js';
import { createPlanningJob, visitsOnTripsUnderWay } from '../services/planning-jobs.js';
import { notifyDayChanges, recordPublishedBaseline } from '../services/change-notifications.js';
import { type Api, errors, problemSchema } from './api.js';
import { teamStaffOnDay, toVisitView, visitView } from './views.js';

const dayParams = z.object({ teamId: id, date: isoDate });
const hhmm = z.string();
/** One violation of the engine's checker: a stable code, the English sentence, and what it is about. */
const violationSchema = z.object({
  code: z.enum(violationCodes),
  message: z.string(),
  params: z.object({
    staff: z.string(), visit: z.string(), date: z.string(), expectedDate: z.string(), start: hhmm, earliest: hhmm,
    travelMin: z.number(), after: z.string(), afterKind: z.enum(['visit', 'break', 'shift-start']),
    windowStart: hhmm, windowEnd: hhmm, durationMin: z.number(), expectedMin: z.number(), skills: z.array(z.string()),
    team: z.string(), visitTeam: z.string(), pinnedStaff: z.array(z.string()), pinnedStart: hhmm, freeFrom: hhmm,
    shiftStart: hhmm, shiftEnd: hhmm, back: hhmm, count: z.number(), needed: z.number(),
    starts: z.array(z.object({ staff: z.string(), start: hhmm })),
  }).partial(),
});
const checkSchema = z.object({
  valid: z.boolean(),
  /** Every violation in English words. */
  violations: z.array(z.string()),
  /** The same violations as codes with parameters, in the same order. */
  details: z.array(violationSchema),
  metrics: z.record(z.string(), z.unknown()),
});
const conflict = { 409: problemSchema.extend({ current: z.unknown().optional() }) };

/** Check a plan against its day with the engine's independent checker. */
function check(problem: DayProblem, plan: DayPlan) {
  const p = parseProblem(problem);
  const r = checkPlan(p, parsePlan(plan));
  return { valid: r.valid, violations: r.violations, details: r.details, metrics: r.metrics as unknown as Record<string, unknown> };
}

/** The violations of `after` that `before` did not have. */
function newViolations(before: { violations: string[] }, after: { details: Violation[] }): Violation[] {
  const had = new Set(before.violations);
  return after.details.filter((d) => !had.has(d.message));
}

const addMinutes = (time: string, min: number) => fromMinutes(toMinutes(time) + min);

/** How a visit the viewer may not see is named in a violation (the board says its own words for it). */
export const otherTeamsVisit = "another team's visit";

/**
 * Violations as a team's coordinator may see them on a service group's day (the check covers the
 * service staff's whole day): the service group's visits to other teams' clients, and trips of only
 * such visits, are named "another team's visit" in the parameters and the sentence, never by id.
 * @param day - the service group's day
 * @param teamId - the viewer's team; its clients' visits keep their ids
 */
function asSeenBy(violations: Violation[], day: Day, teamId: string, clientTeam: ReadonlyMap<string, string>): Violation[] {
  const mine = (vid: string) => {
    const trip = day.trips.get(vid);
    if (trip) return trip.visits.some(mine);
    const v = day.visitRows.get(vid);
    return v !== undefined && clientTeam.get(v.clientId) === teamId;
  };
  const hidden = new Set([...day.visitRows.keys(), ...day.trips.keys()].filter((vid) => !mine(vid)));
  if (hidden.size === 0) return violations;
  const name = (vid: string | undefined) => (vid !== undefined && hidden.has(vid) ? otherTeamsVisit : vid);
  return violations.map((d) => ({
    ...d,
    message: d.message.replace(/trip-[0-9a-f]{16}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (x) => name(x)!),
    params: { ...d.params, ...(d.params.visit !== undefined ? { visit: name(d.params.visit) } : {}), ...(d.params.after !== undefined ? { after: name(d.params.after) } : {}) },
  }));
}

/** An errand trip as the board shows it: one stop, its deliveries in order (decision 0009). */
const tripView = z.object({
  id: z.string(), staffId: id.nullable(), start: hhmm.nullable(), durationMin: z.number(), savedMin: z.number(),
  kinds: z.array(z.enum(errandKinds)), locked: z.boolean(),
  stops: z.array(z.object({
    /** Null for a visit the viewer is not shown (another team's client), who is not named either. */
    visitId: id.nullable(), errand: z.enum(errandKinds), offsetMin: z.number(), start: hhmm.nullable(),
    client: z.object({ firstName: z.string(), lastName: z.string() }).nullable(),
  })),
});

type Day = Awaited<ReturnType<typeof loadDay>>;

/** The errand trip a visit is on, if any (decision 0009). */
function tripOfVisit(day: Day, visitId: string): DayTrip | undefined {
  const t = day.tripOf.get(visitId);
  return t ? day.trips.get(t) : undefined;
}

/**
 * Where each visit moved with `visitId` goes: the visit itself, or every member of its trip, the
 * trip keeping its layout so that `visitId` starts at `plannedStart`.
 */
function movedWith(day: Day, visitId: string, plannedStart: string | null): { id: string; plannedStart: string | null }[] {
  const trip = tripOfVisit(day, visitId);
  if (!trip) return [{ id: visitId, plannedStart }];
  const own = trip.offsets[trip.visits.indexOf(visitId)]!;
  return trip.visits.map((id, i) => ({ id, plannedStart: plannedStart === null ? null : addMinutes(plannedStart, trip.offsets[i]! - own) }));
}

/**
 * The day's trips with at least one visit in `shown`, for the board: the shown visits' clients by
 * name, the others as nobody in particular.
 */
function tripViews(day: Day, shown: ReadonlySet<string>, clientOf: (visitId: string) => { firstName: string; lastName: string }): z.infer<typeof tripView>[] {
  return [...day.trips.values()].filter((t) => t.visits.some((vid) => shown.has(vid))).map((t) => {
    const stop = day.planRows.find((r) => r.id === t.id)!;
    return {
      id: t.id, staffId: stop.staffIds[0] ?? null, start: stop.plannedStart, durationMin: t.durationMin, savedMin: t.savedMin, kinds: t.kinds,
      locked: stop.locked,
      stops: t.visits.map((vid, i) => {
        const mine = shown.has(vid);
        const c = mine ? clientOf(vid) : null;
        return {
          visitId: mine ? vid : null, errand: day.visitRows.get(vid)!.errand!, offsetMin: t.offsets[i]!,
          start: stop.plannedStart ? addMinutes(stop.plannedStart, t.offsets[i]!) : null,
          client: c ? { firstName: c.firstName, lastName: c.lastName } : null,
        };
      }),
    };
  });
}

/** The day's plan with one visit (or its whole trip) moved, for checking before or after saving. */
function withVisit(day: Day, visitId: string, staffIds: string[], plannedStart: string | null, breaks: Record<string, string[]>): DayPlan {
  const trip = tripOfVisit(day, visitId);
  const start = trip ? movedWith(day, visitId, plannedStart)[0]!.plannedStart : plannedStart;
  const rowId = trip ? trip.id : visitId;
  const rows = day.planRows.map((r) => (r.id === rowId
    ? { ...r, staffIds, plannedStart: trip && start !== null ? addMinutes(start, -trip.offsets[0]!) : start }
    : r));
  return currentPlanOf(day.problem.date, rows, breaks, day.problem.staff);
}

export function teamDayRoutes(api: Api, ctx: AppContext): void {
  const notify = { holdMinutes: ctx.config.notifyHoldMinutes, quietHours: ctx.config.quietHours, timeZone: ctx.config.timeZone };
  /** After a change to a published day, queue what clients would notice, in the same transaction. */
  const tellClients = (tx: Parameters<Parameters<AppContext['db']['transaction']>[0]>[0], teamId: string, date: string, published: boolean) =>
    published ? notifyDayChanges(tx, teamId, date, ctx.now(), notify) : Promise.resolve(0);

  /** The day's planned visit, or why it cannot be moved (unknown: 404; done, missed or cancelled: 409). */
  async function plannedVisit(day: Day, teamId: string, date: string, visitId: string) {
    const v = day.visitRows.get(visitId);
    if (v) return v;
    const row = (await ctx.db.select().from(visits).where(and(eq(visits.id, visitId), eq(visits.teamId, teamId), eq(visits.date, date))))[0];
    if (!row) throw notFound('The visit');
    throw new DomainError('conflict', `This visit is ${row.status}; only planned visits can be moved.`, '/params/visitId');
  }

  /** The service groups that visit this team's clients on the day. */
  async function serviceTeamsOf(teamId: string, date: string): Promise<{ id: string; name: string }[]> {
    return ctx.db.selectDistinct({ id: teams.id, name: teams.name }).from(visits)
      .innerJoin(clients, eq(clients.id, visits.clientId)).innerJoin(teams, eq(teams.id, visits.teamId))
      .where(and(eq(clients.teamId, teamId), eq(visits.date, date), eq(teams.kind, 'service')));
  }

  /**
   * The day a board edit applies to: the team's own, or, for a service group's visit to one of the
   * team's clients, the service group's day (the team plans its clients' service visits with the
   * service staff on the same board; the check covers the service staff's whole day).
   */
  async function dayOfVisit(teamId: string, date: string, visitId: string): Promise<{ dayTeamId: string; day: Day }> {
    const own = await loadDay(ctx.db, teamId, date);
    if (own.visitRows.has(visitId)) return { dayTeamId: teamId, day: own };
    const service = (await ctx.db.select({ teamId: visits.teamId }).from(visits)
      .innerJoin(clients, eq(clients.id, visits.clientId)).innerJoin(teams, eq(teams.id, visits.teamId))
      .where(and(eq(visits.id, visitId), eq(visits.date, date), eq(clients.teamId, teamId), eq(teams.kind, 'service'))))[0];
    if (!service) return { dayTeamId: teamId, day: own };
    await ensureDaysGenerated(ctx, service.teamId, date, date, today());
    return { dayTeamId: service.teamId, day: await loadDay(ctx.db, service.teamId, date) };
  }

  const today = () => localDate(ctx.now(), ctx.config.timeZone);

  /** A check's violations as `teamId` may see them: all on its own day, asSeenBy on a service group's. */
  async function seenBy(teamId: string, dayTeamId: string, day: Day, violations: Violation[]): Promise<Violation[]> {
    if (dayTeamId === teamId || violations.length === 0) return violations;
    const ids = [...new Set([...day.visitRows.values()].map((v) => v.clientId))];
    const rows = await ctx.db.select({ id: clients.id, teamId: clients.teamId }).from(clients).where(inArray(clients.id, ids));
    return asSeenBy(violations, day, teamId, new Map(rows.map((r) => [r.id, r.teamId])));
  }

  api.get('/api/teams/:teamId/days/:date/plan', {
    schema: {
      tags: ['team day'],
      summary: "The day's plan of record: version, publication, locks, the checker's verdict and the day's figures",
      params: dayParams,
      response: {
        200: z.object({
          version: z.number(), publishedAt: z.string().nullable(), publishedVersion: z.number().nullable(),
          plan: z.unknown(), check: checkSchema,
          locked: z.array(id),
          continuity14: z.object({ mean: z.number().nullable(), median: z.number().nullable(), clients: z.number() }),
          /** Per visit: how many visits each staff member made to its client in the 14 days before. */
          knownStaff: z.record(z.string(), z.record(z.string(), z.number())),
          changesAfterPublish: z.number(),
          /** The day's errand trips (a service group's day), each one stop of the plan. */
          trips: z.array(tripView),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { teamId, date } = request.params;
    await authorizeTeam(ctx, actor, teamId, 'read');
    await ensureDaysGenerated(ctx, teamId, date, date, today());
    const day = await loadDay(ctx.db, teamId, date);
    const dp = await ensureDayPlan(ctx.db, teamId, date);
    const shownClients = await filterAndLogClients(ctx, request, actor, [...new Set([...day.visitRows.values()].map((v) => v.clientId))], 'visits');
    const tripClientIds = [...new Set([...day.tripOf.keys()].map((vid) => day.visitRows.get(vid)!.clientId).filter((c) => shownClients.has(c)))];
    const tripClients = new Map((tripClientIds.length === 0 ? [] : await ctx.db.select().from(clients).where(inArray(clients.id, tripClientIds))).map((c) => [c.id, c]));
    const trips = tripViews(day, new Set([...day.tripOf.keys()].filter((vid) => shownClients.has(day.visitRows.get(vid)!.clientId))), (vid) => tripClients.get(day.visitRows.get(vid)!.clientId)!);
    // Distinct staff per client over the 14 days before: Socialstyrelsen's measure, team scope.
    const teamClients = await ctx.db.select({ clientId: clients.id, birthYear: clients.birthYear }).from(clients).where(eq(clients.teamId, teamId));
    const past = await ctx.db.select().from(visits).where(and(eq(visits.teamId, teamId), gte(visits.date, addDays(date, -14)), lt(visits.date, date)));
    const c = continuity(teamClients, past.map((v) => ({
      clientId: v.clientId, date: v.date, start: v.actualStart ?? v.plannedStart ?? v.windowStart, status: v.status, staffIds: v.staffIds,
    })), addDays(date, -14), true);
    const changes = await ctx.db.select({ id: planChanges.id }).from(planChanges)
      .where(and(eq(planChanges.teamId, teamId), eq(planChanges.date, date), eq(planChanges.afterPublish, true)));
    return {
      version: dp.version, publishedAt: dp.publishedAt?.toISOString() ?? null, publishedVersion: dp.publishedVersion,
      plan: day.currentPlan, check: check(day.problem, day.currentPlan),
      locked: [...day.visitRows.values()].filter((v) => v.locked).map((v) => v.id),
      continuity14: { mean: c.mean, median: c.median, clients: c.eligibleClients },
      knownStaff: Object.fromEntries(day.problem.visits.map((v) => [v.id, v.knownStaff])),
      changesAfterPublish: changes.length,
      trips,
    };
  });

  const dayStaffView = z.object({
    id, firstName: z.string(), lastName: z.string(), title: z.string(), skills: z.array(z.string()), languages: z.array(z.string()),
    shift: z.object({ start: z.string(), end: z.string(), breakMin: z.number() }).nullable(),
    absence: z.object({ reason: z.string(), fromDate: z.string(), toDate: z.string() }).nullable(),
  });

  api.get('/api/teams/:teamId/days/:date/service', {
    schema: {
      tags: ['team day'],
      summary: "The service staff's day beside the team's: each service group that visits the team's clients, its staff, their visits to the team's clients, when they are busy elsewhere, their breaks",
      params: dayParams,
      response: {
        200: z.object({
          groups: z.array(z.object({
            team: z.object({ id, name: z.string() }),
            /** The service group's day version: edits of its visits name it. */
            version: z.number(),
            staff: z.array(dayStaffView),
            /** The service group's visits to this team's clients, as on the team's day. */
            visits: z.array(visitView.extend({
              client: z.object({ firstName: z.string(), lastName: z.string(), languages: z.array(z.string()), fixedContactStaffId: id.nullable() }),
              /** The errand trip the visit is delivered on (one block on the board), or null. */
              errandTrip: z.string().nullable(),
            })),
            /**
             * The errand trips with at least one of this team's clients: one stop for the service
             * staff, its deliveries in order; other teams' clients without name or visit id.
             */
            trips: z.array(tripView),
            /** The service staff's visits to other teams' clients: only when, never who. */
            busy: z.array(z.object({ staffId: id, start: z.string(), end: z.string() })),
            plan: z.unknown(),
            locked: z.array(id),
          })),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { teamId, date } = request.params;
    await authorizeTeam(ctx, actor, teamId, 'read');
    await ensureDaysGenerated(ctx, teamId, date, date, today());
    const groups = [];
    for (const g of await serviceTeamsOf(teamId, date)) {
      await ensureDaysGenerated(ctx, g.id, date, date, today());
      const day = await loadDay(ctx.db, g.id, date);
      const dp = await ensureDayPlan(ctx.db, g.id, date);
      const members = await teamStaffOnDay(ctx, g.id, date);
      const rows = await ctx.db.select({ v: visits, c: clients }).from(visits).innerJoin(clients, eq(clients.id, visits.clientId))
        .where(and(eq(visits.teamId, g.id), eq(visits.date, date), ne(visits.status, 'cancelled')));
      const mine = rows.filter((r) => r.c.teamId === teamId);
      const shown = await filterAndLogClients(ctx, request, actor, [...new Set(mine.map((r) => r.c.id))], 'visits');
      const views = await toVisitView(ctx, mine.filter((r) => shown.has(r.c.id)).map((r) => r.v), { notes: true });
      const clientById = new Map(mine.map((r) => [r.c.id, r.c]));
      const plan = day.currentPlan;
      const ownVisitIds = new Set(views.map((v) => v.id));
      const rowById = new Map(rows.map((r) => [r.v.id, r]));
      const trips = tripViews(day, ownVisitIds, (vid) => rowById.get(vid)!.c);
      // A trip is one stop: a shown trip holds its other teams' deliveries, and a trip of only other
      // teams' clients is one busy time from its start to its end, not a busy time per delivery.
      const onTrip = new Set([...day.trips.values()].flatMap((t) => t.visits));
      const shownTrips = new Set(trips.map((t) => t.id));
      const tripBusy = day.planRows.filter((r) => day.trips.has(r.id) && !shownTrips.has(r.id) && r.plannedStart)
        .flatMap((r) => r.staffIds.map((s) => ({ staffId: s, start: r.plannedStart!, end: addMinutes(r.plannedStart!, r.durationMin) })));
      const busy = rows.filter((r) => !ownVisitIds.has(r.v.id) && !onTrip.has(r.v.id) && r.v.plannedStart).flatMap((r) => r.v.staffIds.map((s) => ({
        staffId: s, start: (r.v.status === 'done' && r.v.actualStart) || r.v.plannedStart!, end: r.v.status === 'done' && r.v.actualEnd ? r.v.actualEnd : addMinutes(r.v.plannedStart!, r.v.durationMin),
      }))).concat(tripBusy);
      groups.push({
        team: g, version: dp.version,
        staff: members,
        visits: views.map((v) => {
          const c = clientById.get(v.clientId)!;
          return { ...v, errandTrip: day.tripOf.get(v.id) ?? null, client: { firstName: c.firstName, lastName: c.lastName, languages: c.languages, fixedContactStaffId: c.fixedContactStaffId } };
        }),
        trips,
        busy,
        // Only the breaks: the service staff's visits to other teams' clients stay out of this team's view.
        plan: { ...plan, routes: plan.routes.map((r) => ({ staff: r.staff, stops: r.stops.filter((x) => x.break) })), unassigned: [] },
        locked: [...day.visitRows.values()].filter((v) => v.locked && ownVisitIds.has(v.id)).map((v) => v.id),
      });
    }
    return { groups };
  });

  const visitChange = z.object({
    staffIds: z.array(id).max(2).optional(),
    plannedStart: timeOfDay.nullable().optional(),
  });

  api.post('/api/teams/:teamId/days/:date/visits/:visitId/check', {
    schema: {
      tags: ['team day'],
      summary: 'What moving a visit would break (window, skill, overlap, break, double staffing) and cost, without saving',
      params: dayParams.extend({ visitId: id }),
      body: visitChange.strict(),
      response: {
        200: z.object({
          newViolations: z.array(z.string()),
          /** The same new violations as codes with parameters. */
          newDetails: z.array(violationSchema),
          before: checkSchema.shape.metrics, after: checkSchema.shape.metrics,
        }),
        ...errors, ...conflict,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { teamId, date, visitId } = request.params;
    await authorizeTeam(ctx, actor, teamId, 'write');
    const { dayTeamId, day } = await dayOfVisit(teamId, date, visitId);
    const v = await plannedVisit(day, dayTeamId, date, visitId);
    const dp = await ensureDayPlan(ctx.db, dayTeamId, date);
    const before = check(day.problem, day.currentPlan);
    const after = check(day.problem, withVisit(day, visitId, request.body.staffIds ?? v.staffIds, request.body.plannedStart === undefined ? v.plannedStart : request.body.plannedStart, dp.breaks));
    await filterAndLogClients(ctx, request, actor, [v.clientId], 'visits');
    const added = await seenBy(teamId, dayTeamId, day, newViolations(before, after));
    return { newViolations: added.map((d) => d.message), newDetails: added, before: before.metrics, after: after.metrics };
  });

  api.patch('/api/teams/:teamId/days/:date/visits/:visitId', {
    schema: {
      tags: ['team day'],
      summary: "Give a visit to other staff or another time, or lock it; refused when the day changed meanwhile. A service group's visit to the team's client is saved on the service group's day (version: that day's)",
      params: dayParams.extend({ visitId: id }),
      body: visitChange.extend({
        version: z.number().int().min(1),
        locked: z.boolean().optional(),
        /** Save even though the change breaks a rule (the board has shown what). */
        acceptViolations: z.boolean().default(false),
      }).strict(),
      response: {
        200: z.object({ version: z.number(), violations: z.array(z.string()), details: z.array(violationSchema) }),
        ...errors, ...conflict,
        /** `violations`: what the change would newly break, as codes with parameters. */
        422: problemSchema.extend({ violations: z.array(violationSchema).optional() }),
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { teamId, date, visitId } = request.params;
    const b = request.body;
    await authorizeTeam(ctx, actor, teamId, 'write');
    // A service group's visit to the team's client is saved on the service group's day, under its version.
    const { dayTeamId, day } = await dayOfVisit(teamId, date, visitId);
    const v = await plannedVisit(day, dayTeamId, date, visitId);
    const staffIds = b.staffIds ?? v.staffIds;
    const plannedStart = b.plannedStart === undefined ? v.plannedStart : b.plannedStart;
    if (new Set(staffIds).size !== staffIds.length) throw new DomainError('invalid-input', 'The same person twice on one visit.', '/body/staffIds');
    const teamStaff = new Set(day.problem.staff.map((s) => s.id));
    // Only the people named in this change must be working; a lock leaves the assignment as it is.
    const notWorking = (b.staffIds ?? []).filter((s) => !teamStaff.has(s));
    if (notWorking.length > 0) throw new DomainError('staff-not-in-team', 'Everyone on the visit must be in the team and working that day.', '/body/staffIds');
    const dp = await ensureDayPlan(ctx.db, dayTeamId, date);
    const before = check(day.problem, day.currentPlan);
    const after = check(day.problem, withVisit(day, visitId, staffIds, plannedStart, dp.breaks));
    // Named as the viewer may see them: the service group's day holds other teams' visits.
    const added = await seenBy(teamId, dayTeamId, day, newViolations(before, after));
    if (added.length > 0 && !b.acceptViolations) {
      throw new HttpProblem(422, 'plan-rule-broken', `The change breaks: ${added.map((d) => d.message).join('; ')}`,
        added.map((d) => ({ pointer: '/body', detail: d.message })), { violations: added });
    }
    const result = await ctx.db.transaction(async (tx) => {
      const bumped = await bumpVersion(tx, dayTeamId, date, b.version, actor.userId, ctx.now());
      const locked = b.locked ?? v.locked;
      // A visit on an errand trip moves, and locks, with its whole trip: one change to undo.
      const moved = movedWith(day, visitId, plannedStart);
      const members: Record<string, { staffIds: string[]; plannedStart: string | null; locked: boolean }> = {};
      for (const m of moved) {
        const row = day.visitRows.get(m.id)!;
        members[m.id] = { staffIds: row.staffIds, plannedStart: row.plannedStart, locked: row.locked };
        await tx.update(visits).set({ staffIds, plannedStart: m.plannedStart, locked, version: row.version + 1, updatedAt: ctx.now() }).where(eq(visits.id, m.id));
      }
      const kind = b.staffIds === undefined && b.plannedStart === undefined ? (locked ? 'lock' : 'unlock') : 'assign';
      await recordChange(tx, {
        teamId: dayTeamId, date, visitId, kind, afterPublish: bumped.published, changedBy: actor.userId,
        before: { staffIds: v.staffIds, plannedStart: v.plannedStart, locked: v.locked, ...(moved.length > 1 ? { trip: members } : {}) },
        after: { staffIds, plannedStart, locked, ...(moved.length > 1 ? { trip: Object.fromEntries(moved.map((m) => [m.id, { staffIds, plannedStart: m.plannedStart, locked }])) } : {}) },
      });
      await tellClients(tx, dayTeamId, date, bumped.published);
      return bumped.version;
    });
    const details = await seenBy(teamId, dayTeamId, day, after.details);
    return { version: result, violations: details.map((d) => d.message), details };
  });

  api.post('/api/teams/:teamId/days/:date/undo', {
    schema: {
      tags: ['team day'],
      summary: 'Undo the last change to a visit of the day',
      params: dayParams,
      body: z.object({ version: z.number().int().min(1) }).strict(),
      response: { 200: z.object({ version: z.number(), undone: z.string().nullable() }), ...errors, ...conflict },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { teamId, date } = request.params;
    await authorizeTeam(ctx, actor, teamId, 'write');
    return ctx.db.transaction(async (tx) => {
      const last = (await tx.select().from(planChanges)
        .where(and(eq(planChanges.teamId, teamId), eq(planChanges.date, date), inArray(planChanges.kind, ['assign', 'lock', 'unlock', 'swap'])))
        .orderBy(desc(planChanges.id)).limit(1))[0];
      const bumped = await bumpVersion(tx, teamId, date, request.body.version, actor.userId, ctx.now());
      if (!last || !last.visitId) return { version: bumped.version, undone: null };
      type Assignment = { staffIds: string[]; plannedStart: string | null; locked: boolean };
      const prev = last.before as Assignment & { trip?: Record<string, Assignment> };
      // A trip's change is undone for all its visits.
      for (const [visitId, a] of Object.entries(prev.trip ?? { [last.visitId]: prev })) {
        await tx.update(visits).set({ staffIds: a.staffIds, plannedStart: a.plannedStart, locked: a.locked, updatedAt: ctx.now() }).where(eq(visits.id, visitId));
      }
      // The undone change is marked by an 'undo' record pointing at it, and no longer undoable.
      await tx.update(planChanges).set({ kind: `${last.kind}-undone` }).where(eq(planChanges.id, last.id));
      await recordChange(tx, { teamId, date, visitId: last.visitId, kind: 'undo', before: last.after, after: prev, afterPublish: bumped.published, changedBy: actor.userId });
      await tellClients(tx, teamId, date, bumped.published);
      return { version: bumped.version, undone: last.visitId };
    });
  });

  api.post('/api/teams/:teamId/days/:date/publish', {
    schema: {
      tags: ['team day'],
      summary: 'Make the day the plan of record, shown to staff and clients',
      params: dayParams,
      body: z.object({ version: z.number().int().min(1) }).strict(),
      response: { 200: z.object({ version: z.number(), publishedAt: z.string() }), ...errors, ...conflict },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { teamId, date } = request.params;
    await authorizeTeam(ctx, actor, teamId, 'write');
    const now = ctx.now();
    return ctx.db.transaction(async (tx) => {
      const bumped = await bumpVersion(tx, teamId, date, request.body.version, actor.userId, now);
      await tx.update(dayPlans).set({ publishedAt: now, publishedBy: actor.userId, publishedVersion: bumped.version })
        .where(and(eq(dayPlans.teamId, teamId), eq(dayPlans.date, date)));
      await recordChange(tx, { teamId, date, visitId: null, kind: 'publish', before: null, after: { version: bumped.version }, afterPublish: false, changedBy: actor.userId });
      // The first publication is the baseline; publishing again tells what changed since.
      if (bumped.published) await tellClients(tx, teamId, date, true);
      else await recordPublishedBaseline(tx, teamId, date, now);
      return { version: bumped.version, publishedAt: now.toISOString() };
    });
  });

  const jobView = z.object({
    id, teamId: id, date: z.string(), status: z.string(), baseVersion: z.number(),
    progress: z.unknown(), error: z.string().nullable(),
    /** The suggested plan's figures and verdict, when done or cancelled with a plan. */
    check: checkSchema.nullable(),
  });

  api.post('/api/teams/:teamId/days/:date/planning-jobs', {
    schema: {
      tags: ['team day'],
      summary: 'Suggest a plan: starts a planning job that keeps locked visits and stays close to the current plan',
      params: dayParams,
      response: { 202: z.object({ jobId: id }), ...errors, 503: problemSchema },
    },
  }, async (request, reply) => {
    const { actor } = sessionOf(request);
    const { teamId, date } = request.params;
    await authorizeTeam(ctx, actor, teamId, 'write');
    if (!ctx.jobs) throw new HttpProblem(503, 'planning-unavailable', 'Planning is not available on this server.');
    await ensureDaysGenerated(ctx, teamId, date, date, today());
    const dp = await ensureDayPlan(ctx.db, teamId, date);
    const jobId = await createPlanningJob(ctx.db, ctx.jobs.queue, teamId, date, dp.version, actor.userId);
    return reply.status(202).send({ jobId });
  });

  async function loadJob(jobId: string) {
    const job = (await ctx.db.select().from(planningJobs).where(eq(planningJobs.id, jobId)))[0];
    if (!job) throw notFound('The planning job');
    return job;
  }

  api.get('/api/planning-jobs/:jobId', {
    schema: { tags: ['team day'], summary: 'A planning job: status, progress, and the suggestion\'s figures', params: z.object({ jobId: id }), response: { 200: jobView, ...errors } },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const job = await loadJob(request.params.jobId);
    await authorizeTeam(ctx, actor, job.teamId, 'read');
    let verdict = null;
    if (job.result) {
      // Checked with the errand trips the suggestion was made with, as far as it still applies:
      // visits settled since it was made are kept as recorded when it is used, so they are left out
      // here too (a trip keeps its other deliveries at their offsets).
      const current = await loadDay(ctx.db, job.teamId, job.date);
      const trips = tripsOfPlan(job.result).map((t) => {
        const keep = t.visits.map((vid, i) => (current.visitRows.has(vid) ? i : -1)).filter((i) => i >= 0);
        return { ...t, visits: keep.map((i) => t.visits[i]!), offsets: keep.map((i) => t.offsets[i]!) };
      }).filter((t) => t.visits.length > 0);
      const day = withTrips(current, trips);
      const known = new Set(day.problem.visits.map((v) => v.id));
      const plan = job.result as unknown as DayPlan;
      verdict = check(day.problem, {
        ...plan,
        routes: plan.routes.map((r) => ({ ...r, stops: r.stops.filter((s) => !s.visit || known.has(s.visit)) })),
        unassigned: plan.unassigned.filter((u) => known.has(u.visit)),
      });
    }
    return { id: job.id, teamId: job.teamId, date: job.date, status: job.status, baseVersion: job.baseVersion, progress: job.progress, error: job.error, check: verdict };
  });

  api.post('/api/planning-jobs/:jobId/cancel', {
    schema: { tags: ['team day'], summary: 'Stop a planning job; its best plan so far is kept', params: z.object({ jobId: id }), response: { 202: z.object({ status: z.string() }), ...errors } },
  }, async (request, reply) => {
    const { actor } = sessionOf(request);
    const job = await loadJob(request.params.jobId);
    await authorizeTeam(ctx, actor, job.teamId, 'write');
    await ctx.db.update(planningJobs).set({ cancelRequested: true }).where(eq(planningJobs.id, job.id));
    if (job.status === 'queued') await ctx.db.update(planningJobs).set({ status: 'cancelled', finishedAt: ctx.now() }).where(and(eq(planningJobs.id, job.id), eq(planningJobs.status, 'queued')));
    return reply.status(202).send({ status: 'cancel-requested' });
  });

  api.post('/api/planning-jobs/:jobId/apply', {
    schema: {
      tags: ['team day'],
      summary: "Use a suggestion as the day's plan. Locked visits stay as they are, and so do visits done, missed or cancelled since it was made and the rest of an errand trip under way; everything else is applied",
      params: z.object({ jobId: id }),
      body: z.object({ version: z.number().int().min(1) }).strict(),
      response: {
        200: z.object({
          version: z.number(), moved: z.number(), retimed: z.number(),
          /** Visits the suggestion planned that were kept as recorded: settled since, or on a trip under way. */
          kept: z.number(),
        }),
        ...errors, ...conflict, 422: problemSchema,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const job = await loadJob(request.params.jobId);
    const { teamId, date } = job;
    await authorizeTeam(ctx, actor, teamId, 'write');
    if (!job.result) throw new HttpProblem(422, 'no-suggestion', 'This job has no plan to use (yet).');
    const plan = job.result as unknown as DayPlan;
    // The day as it is now: a visit marked done on the phone after the suggestion was made is no
    // longer planned, and a done-mark does not change the day's version (the phone is never
    // refused because the coordinator is planning). So settled visits are simply not written.
    const day = await loadDay(ctx.db, teamId, date);
    const underWay = await visitsOnTripsUnderWay(ctx.db, teamId, date);
    const assigned = new Map<string, { staffIds: string[]; start: string }>();
    const breaks: Record<string, string[]> = {};
    for (const r of plan.routes) {
      for (const s of r.stops) {
        if (s.break) (breaks[r.staff] ??= []).push(s.start);
        else if (s.visit) {
          const a = assigned.get(s.visit) ?? { staffIds: [], start: s.start };
          a.staffIds.push(r.staff);
          assigned.set(s.visit, a);
        }
      }
    }
    // A planned trip gives each of its visits to the trip's person, at the trip's start plus the
    // visit's offset; also when one of them has been settled since (the others still go together).
    const tripOf = new Map<string, string>();
    const suggested = new Set([...plan.unassigned.map((u) => u.visit), ...assigned.keys()]);
    for (const t of tripsOfPlan(job.result)) {
      const a = assigned.get(t.id);
      t.visits.forEach((id, i) => {
        tripOf.set(id, t.id);
        suggested.add(id);
        if (a) assigned.set(id, { staffIds: a.staffIds, start: addMinutes(a.start, t.offsets[i]!) });
      });
      suggested.delete(t.id);
    }
    const kept = [...suggested].filter((vid) => !day.visitRows.has(vid) || underWay.has(vid)).length;
    return ctx.db.transaction(async (tx) => {
      const bumped = await bumpVersion(tx, teamId, date, request.body.version, actor.userId, ctx.now());
      let moved = 0;
      let retimed = 0;
      const working = new Set(day.problem.staff.map((s) => s.id));
      for (const v of day.visitRows.values()) {
        // A lock holds only while its people work today; otherwise the suggestion replans it.
        const lockHolds = v.locked && v.staffIds.length === v.staffCount && v.staffIds.every((s) => working.has(s));
        // A trip under way stays with its driver: they carry its shopping.
        if (lockHolds || underWay.has(v.id)) continue;
        const a = assigned.get(v.id);
        const staffIds = a?.staffIds ?? [];
        const plannedStart = a?.start ?? null;
        const errandTrip = tripOf.get(v.id) ?? null;
        const samePeople = staffIds.length === v.staffIds.length && staffIds.every((s) => v.staffIds.includes(s));
        if (plannedStart === v.plannedStart && samePeople && errandTrip === v.errandTrip) continue;
        // Only while still planned: a done-mark between loading and writing wins.
        const written = await tx.update(visits).set({ staffIds, plannedStart, errandTrip, locked: false, version: v.version + 1, updatedAt: ctx.now() })
          .where(and(eq(visits.id, v.id), eq(visits.status, 'planned'))).returning({ id: visits.id });
        if (written.length === 0) continue;
        // Moved: another person; retimed: the same people at another time.
        if (samePeople) retimed++;
        else moved++;
        await recordChange(tx, {
          teamId, date, visitId: v.id, kind: 'suggestion-applied', afterPublish: bumped.published, changedBy: actor.userId,
          before: { staffIds: v.staffIds, plannedStart: v.plannedStart, locked: v.locked }, after: { staffIds, plannedStart, locked: false },
        });
      }
      await tx.update(dayPlans).set({ breaks }).where(and(eq(dayPlans.teamId, teamId), eq(dayPlans.date, date)));
      await tellClients(tx, teamId, date, bumped.published);
      return { version: bumped.version, moved, retimed, kept };
    });
  });

  api.post('/api/visits/:visitId/record', {
    schema: {
      tags: ['team day'],
      summary: 'Record a visit as done, with real times if wanted and a note (no stopwatch). Replays of the same mutationId are harmless',
      params: z.object({ visitId: id }),
      body: z.object({
        /** Chosen by the phone for each write, so a replayed offline queue applies it once. */
        mutationId: z.string().min(8).max(80),
        /** The visit's version the phone saw; a newer one on the server is a conflict. */
        baseVersion: z.number().int().min(1),
        status: z.literal('done'),
        actualStart: timeOfDay.nullable().optional(),
        actualEnd: timeOfDay.nullable().optional(),
        note: z.string().max(2000).nullable().optional(),
      }).strict().refine((b) => !b.actualStart || !b.actualEnd || b.actualStart < b.actualEnd, { message: 'actualEnd must be after actualStart', path: ['actualEnd'] }),
      response: { 200: z.object({ version: z.number(), replay: z.boolean() }), ...errors, ...conflict },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const v = (await ctx.db.select().from(visits).where(eq(visits.id, request.params.visitId)))[0];
    if (!v) throw notFound('The visit');
    const scope = (await loadClientScopes(ctx.db, [v.clientId])).get(v.clientId)!;
    const decision = clientAccess(actor, scope, 'visits', 'write', await accessFacts(ctx, actor, [scope]));
    if (!decision.allowed) throw decision.reason === 'out-of-scope' ? notFound('The visit') : forbidden('Your role may not record visits.');
    // Staff record their own visits; the coordinator and manager may record any of the team's.
    if ((actor.role === 'staff' || actor.role === 'substitute') && !(actor.staffId && v.staffIds.includes(actor.staffId))) {
      throw forbidden('Only the staff on the visit record it.');
    }
    const b = request.body;
    const seen = (await ctx.db.select().from(appliedMutations).where(eq(appliedMutations.id, b.mutationId)))[0];
    if (seen) return { version: v.version, replay: true };
    if (v.version !== b.baseVersion) {
      throw new HttpProblem(409, 'visit-changed', 'This visit was changed elsewhere since your phone loaded it. Both versions are shown; choose what is right.', undefined, {
        current: { version: v.version, status: v.status, staffIds: v.staffIds, plannedStart: v.plannedStart, actualStart: v.actualStart, actualEnd: v.actualEnd, note: v.note },
      });
    }
    const version = await ctx.db.transaction(async (tx) => {
      await tx.insert(appliedMutations).values({ id: b.mutationId, userId: actor.userId });
      const next = v.version + 1;
      await tx.update(visits).set({
        status: 'done', actualStart: b.actualStart ?? null, actualEnd: b.actualEnd ?? null, note: b.note ?? null,
        recordedBy: actor.userId, recordedAt: ctx.now(), version: next, updatedAt: ctx.now(),
      }).where(eq(visits.id, v.id));
      const dp = await ensureDayPlan(tx, v.teamId, v.date);
      await recordChange(tx, { teamId: v.teamId, date: v.date, visitId: v.id, kind: 'record', before: { status: v.status }, after: { status: 'done' }, afterPublish: dp.publishedAt !== null, changedBy: actor.userId });
      return next;
    });
    return { version, replay: false };
  });

  api.post('/api/visits/:visitId/swap-requests', {
    schema: {
      tags: ['team day'],
      summary: 'Offer my visit to a colleague (or to anyone), or ask to take a colleague\'s visit',
      params: z.object({ visitId: id }),
      body: z.object({ toStaffId: id.nullable(), note: z.string().max(500).optional() }).strict(),
      response: { 201: z.object({ id }), ...errors, 422: problemSchema },
    },
  }, async (request, reply) => {
    const { actor } = sessionOf(request);
    if (!actor.staffId || !(actor.role === 'staff' || actor.role === 'coordinator')) throw forbidden('Only team members swap visits.');
    const v = (await ctx.db.select().from(visits).where(eq(visits.id, request.params.visitId)))[0];
    if (!v || v.teamId !== actor.teamId) throw notFound('The visit');
    const mine = v.staffIds.includes(actor.staffId);
    // Offering: my visit to someone (or anyone). Asking: someone's visit to me.
    const from = mine ? actor.staffId : v.staffIds[0];
    const to = mine ? request.body.toStaffId : actor.staffId;
    if (!from) throw new DomainError('invalid-input', 'Nobody has this visit yet; the coordinator assigns it on the board.', '/params/visitId');
    if (to) {
      const member = (await ctx.db.select().from(staff).where(eq(staff.id, to)))[0];
      if (!member || member.teamId !== v.teamId) throw new DomainError('staff-not-in-team', 'Swaps stay within the team.', '/body/toStaffId');
    }
    const newId = randomUUID();
    await ctx.db.insert(swapRequests).values({ id: newId, visitId: v.id, fromStaffId: from, toStaffId: to ?? null, status: 'open', note: request.body.note ?? null });
    return reply.status(201).send({ id: newId });
  });

  api.get('/api/teams/:teamId/days/:date/swap-requests', {
    schema: {
      tags: ['team day'],
      summary: 'Open and decided swap requests of the day',
      params: dayParams,
      response: { 200: z.object({ items: z.array(z.object({ id, visitId: id, fromStaffId: id, toStaffId: id.nullable(), status: z.string(), note: z.string().nullable() })) }), ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { teamId, date } = request.params;
    await authorizeTeam(ctx, actor, teamId, 'read');
    const rows = await ctx.db.select({ r: swapRequests }).from(swapRequests).innerJoin(visits, eq(visits.id, swapRequests.visitId))
      .where(and(eq(visits.teamId, teamId), eq(visits.date, date)));
    return { items: rows.map(({ r }) => ({ id: r.id, visitId: r.visitId, fromStaffId: r.fromStaffId, toStaffId: r.toStaffId, status: r.status, note: r.note })) };
  });

  api.post('/api/swap-requests/:swapId/decision', {
    schema: {
      tags: ['team day'],
      summary: 'The coordinator confirms or declines a swap; confirming moves the visit',
      params: z.object({ swapId: id }),
      body: z.object({ decision: z.enum(['confirm', 'decline']), version: z.number().int().min(1), toStaffId: id.optional() }).strict(),
      response: { 200: z.object({ version: z.number() }), ...errors, ...conflict, 422: problemSchema },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const swap = (await ctx.db.select().from(swapRequests).where(eq(swapRequests.id, request.params.swapId)))[0];
    if (!swap) throw notFound('The swap request');
    const v = (await ctx.db.select().from(visits).where(eq(visits.id, swap.visitId)))[0]!;
    await authorizeTeam(ctx, actor, v.teamId, 'write');
    if (swap.status !== 'open') throw new DomainError('conflict', `This swap was already ${swap.status}.`, '/params/swapId');
    const to = request.body.toStaffId ?? swap.toStaffId;
    if (request.body.decision === 'confirm' && !to) throw new DomainError('invalid-input', 'Name who takes the visit.', '/body/toStaffId');
    return ctx.db.transaction(async (tx) => {
      const bumped = await bumpVersion(tx, v.teamId, v.date, request.body.version, actor.userId, ctx.now());
      if (request.body.decision === 'confirm' && to) {
        const staffIds = v.staffIds.map((s) => (s === swap.fromStaffId ? to : s));
        await tx.update(visits).set({ staffIds, version: v.version + 1, updatedAt: ctx.now() }).where(eq(visits.id, v.id));
        // The rest of an errand trip goes with it: a trip is done by one person.
        if (v.errandTrip) {
          const rest = await tx.select().from(visits).where(and(eq(visits.errandTrip, v.errandTrip), eq(visits.date, v.date), eq(visits.status, 'planned'), ne(visits.id, v.id)));
          for (const m of rest) await tx.update(visits).set({ staffIds, version: m.version + 1, updatedAt: ctx.now() }).where(eq(visits.id, m.id));
        }
        await recordChange(tx, { teamId: v.teamId, date: v.date, visitId: v.id, kind: 'swap', before: { staffIds: v.staffIds, plannedStart: v.plannedStart, locked: v.locked }, after: { staffIds, plannedStart: v.plannedStart, locked: v.locked }, afterPublish: bumped.published, changedBy: actor.userId });
      }
      await tellClients(tx, v.teamId, v.date, bumped.published);
      await tx.update(swapRequests).set({ status: request.body.decision === 'confirm' ? 'confirmed' : 'declined', toStaffId: to ?? null, decidedBy: actor.userId, decidedAt: ctx.now() }).where(eq(swapRequests.id, swap.id));
      return { version: bumped.version };
    });
  });
}

