// Teams and a team's day: who works, who is absent, and the visits with their clients.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import { z } from 'zod';
import { absenceReason, DomainError, id, isoDate } from '@tillit/domain';
import type { AppContext } from '../context.js';
import { localDate } from '../context.js';
import { absences, clients, shifts, staff, teams, units, visits } from '../db/schema.js';
import { authorizeTeam, filterAndLogClients } from '../access/guard.js';
import { sessionOf } from '../app.js';
import { ensureDaysGenerated } from '../services/visit-generation.js';
import { type Api, errors } from './api.js';
import { teamStaffOnDay, toVisitView, visitView } from './views.js';

const teamView = z.object({ id, unitId: id, name: z.string(), area: z.string(), phone: z.string(), kind: z.string() });
const staffView = z.object({
  id, firstName: z.string(), lastName: z.string(), title: z.string(), employmentForm: z.string(),
  skills: z.array(z.string()), languages: z.array(z.string()), transport: z.string(), contractedHoursPerWeek: z.number(),
});
const teamParams = z.object({ teamId: id });

export function teamRoutes(api: Api, ctx: AppContext): void {
  api.get('/api/teams', {
    schema: {
      tags: ['teams'],
      summary: 'Teams the signed-in user works in, manages or administers',
      response: { 200: z.object({ items: z.array(teamView) }), ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const all = await ctx.db.select({ t: teams }).from(teams).innerJoin(units, eq(units.id, teams.unitId))
      .where(eq(units.municipalityId, actor.municipalityId)).orderBy(asc(teams.name));
    const visible = all.map((r) => r.t).filter((t) => {
      switch (actor.role) {
        case 'admin': return true;
        case 'unit_manager': return t.unitId === actor.unitId;
        case 'coordinator': case 'staff': return t.id === actor.teamId;
        default: return false;
      }
    });
    return { items: visible.map((t) => ({ id: t.id, unitId: t.unitId, name: t.name, area: t.area, phone: t.phone, kind: t.kind })) };
  });

  api.get('/api/teams/:teamId/staff', {
    schema: {
      tags: ['teams'],
      summary: "The team's staff",
      params: teamParams,
      response: { 200: z.object({ items: z.array(staffView) }), ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    await authorizeTeam(ctx, actor, request.params.teamId, 'read');
    const rows = await ctx.db.select().from(staff).where(eq(staff.teamId, request.params.teamId)).orderBy(asc(staff.firstName));
    return { items: rows.map((s) => ({
      id: s.id, firstName: s.firstName, lastName: s.lastName, title: s.title, employmentForm: s.employmentForm,
      skills: s.skills, languages: s.languages, transport: s.transport, contractedHoursPerWeek: s.contractedHoursPerWeek,
    })) };
  });

  api.get('/api/teams/:teamId/days/:date', {
    schema: {
      tags: ['teams'],
      summary: "A team's day: staff with shifts and absences, and every visit with its client",
      params: z.object({ teamId: id, date: isoDate }),
      response: {
        200: z.object({
          team: teamView,
          date: z.string(),
          staff: z.array(staffView.pick({ id: true, firstName: true, lastName: true, title: true, skills: true, languages: true }).extend({
            shift: z.object({ start: z.string(), end: z.string(), breakMin: z.number() }).nullable(),
            absence: z.object({ reason: z.string(), fromDate: z.string(), toDate: z.string() }).nullable(),
          })),
          visits: z.array(visitView.extend({
            client: z.object({ firstName: z.string(), lastName: z.string(), languages: z.array(z.string()), fixedContactStaffId: id.nullable() }),
          })),
          /**
           * The same day's visits to this team's clients by other teams (the service group, the
           * evening team), read-only, so the board shows who else comes to the team's clients.
           */
          otherTeamsVisits: z.array(visitView.extend({
            teamName: z.string(),
            client: z.object({ firstName: z.string(), lastName: z.string() }),
          })),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { teamId, date } = request.params;
    await authorizeTeam(ctx, actor, teamId, 'read');
    await ensureDaysGenerated(ctx, teamId, date, date, localDate(ctx.now(), ctx.config.timeZone));
    const team = (await ctx.db.select().from(teams).where(eq(teams.id, teamId)))[0]!;
    const members = await teamStaffOnDay(ctx, teamId, date);
    const rows = await ctx.db.select().from(visits).where(and(eq(visits.teamId, teamId), eq(visits.date, date)))
      .orderBy(asc(visits.windowStart));
    const clientRows = rows.length === 0 ? [] : await ctx.db.select().from(clients).where(inArray(clients.id, [...new Set(rows.map((r) => r.clientId))]));
    const shown = await filterAndLogClients(ctx, request, actor, clientRows.map((c) => c.id), 'visits');
    const clientById = new Map(clientRows.map((c) => [c.id, c]));
    // Everyone who may open a team's day (manager, coordinator, staff) may read care notes.
    const views = await toVisitView(ctx, rows.filter((r) => shown.has(r.clientId)), { notes: true });
    const ownClients = await ctx.db.select().from(clients).where(eq(clients.teamId, teamId));
    const others = ownClients.length === 0 ? [] : (await ctx.db.select({ v: visits, teamName: teams.name }).from(visits).innerJoin(teams, eq(teams.id, visits.teamId))
      .where(and(inArray(visits.clientId, ownClients.map((c) => c.id)), eq(visits.date, date), ne(visits.teamId, teamId))).orderBy(asc(visits.windowStart)));
    const othersShown = await filterAndLogClients(ctx, request, actor, [...new Set(others.map((o) => o.v.clientId))], 'visits');
    const otherViews = await toVisitView(ctx, others.filter((o) => othersShown.has(o.v.clientId)).map((o) => o.v));
    const ownById = new Map(ownClients.map((c) => [c.id, c]));
    const teamNameOf = new Map(others.map((o) => [o.v.id, o.teamName]));
    return {
      otherTeamsVisits: otherViews.map((v) => ({ ...v, teamName: teamNameOf.get(v.id)!, client: { firstName: ownById.get(v.clientId)!.firstName, lastName: ownById.get(v.clientId)!.lastName } })),
      team: { id: team.id, unitId: team.unitId, name: team.name, area: team.area, phone: team.phone, kind: team.kind },
      date,
      staff: members,
      visits: views.map((v) => {
        const c = clientById.get(v.clientId)!;
        return { ...v, client: { firstName: c.firstName, lastName: c.lastName, languages: c.languages, fixedContactStaffId: c.fixedContactStaffId } };
      }),
    };
  });

  api.post('/api/teams/:teamId/absences', {
    schema: {
      tags: ['teams'],
      summary: 'Record that a team member is absent',
      params: teamParams,
      body: z.object({ staffId: id, fromDate: isoDate, toDate: isoDate, reason: absenceReason }).strict()
        .refine((b) => b.fromDate <= b.toDate, { message: 'toDate must not be before fromDate', path: ['toDate'] }),
      response: { 201: z.object({ id }), ...errors, 422: errors[400] },
    },
  }, async (request, reply) => {
    const { actor } = sessionOf(request);
    const { teamId } = request.params;
    await authorizeTeam(ctx, actor, teamId, 'write');
    const member = (await ctx.db.select().from(staff).where(eq(staff.id, request.body.staffId)))[0];
    if (!member || member.teamId !== teamId) {
      throw new DomainError('staff-not-in-team', 'That person is not a member of this team.', '/body/staffId');
    }
    const newId = randomUUID();
    await ctx.db.insert(absences).values({ id: newId, ...request.body, recordedBy: actor.userId });
    return reply.status(201).send({ id: newId });
  });
}
