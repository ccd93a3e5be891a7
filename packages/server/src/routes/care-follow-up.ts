// The needs assessor's follow-up over a period: granted (per service, from the decisions), planned
// and delivered time side by side, the missed visits with their reasons, and the list of clients
// whose delivered time is far below or above what was granted.
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { z } from 'zod';
import {
  canFollowUpDecisions, daysBetween, followUpDirection, grantedMinutesByService, id, isoDate, visitDeliveredMinutes,
} from '@tillit/domain';
import type { AppContext } from '../context.js';
import { clients, decisions, teams, visits } from '../db/schema.js';
import { deviations } from '../db/schema-follow-up.js';
import { authorizeClient, filterAndLogClients } from '../access/guard.js';
import { forbidden } from '../errors/problem.js';
import { sessionOf } from '../app.js';
import { followUpSettings, settingsOfTeams, settingsOfUnit } from '../services/follow-up-settings.js';
import { type Api, errors } from './api.js';

const period = z.object({ from: isoDate, to: isoDate }).strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => daysBetween(q.from, q.to) <= 62, { message: 'at most 62 days', path: ['to'] });

type VisitRow = typeof visits.$inferSelect;
const planned = (vs: VisitRow[]) => vs.filter((v) => v.status !== 'cancelled').reduce((a, v) => a + v.durationMin * v.staffCount, 0);
const delivered = (vs: VisitRow[]) => vs.reduce((a, v) => a + visitDeliveredMinutes(v), 0);

export function careFollowUpRoutes(api: Api, ctx: AppContext): void {
  api.get('/api/follow-up/outliers', {
    schema: {
      tags: ['follow-up'],
      summary: 'Clients whose delivered time over the period is far below or above the granted time (the share asked for, else each client’s unit’s own, ±25 % by default)',
      querystring: z.object({ from: isoDate, to: isoDate, share: z.coerce.number().min(0.01).max(5).optional() }).strict()
        .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
        .refine((q) => daysBetween(q.from, q.to) <= 62, { message: 'at most 62 days', path: ['to'] }),
      response: {
        200: z.object({
          from: z.string(), to: z.string(), share: z.number(),
          items: z.array(z.object({
            clientId: id, firstName: z.string(), lastName: z.string(), teamName: z.string(),
            grantedMin: z.number(), plannedMin: z.number(), deliveredMin: z.number(), missedVisits: z.number(), direction: z.enum(['below', 'above']),
            /** The share this client was measured with: the one asked for, else their unit's. */
            share: z.number(),
          })),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    if (!canFollowUpDecisions(actor)) throw forbidden('Only needs assessors and unit managers follow up decisions.');
    const { from, to } = request.query;
    // A share asked for applies to all; otherwise each client's unit's own share.
    const asked = request.query.share;
    const share = asked ?? (actor.unitId ? (await settingsOfUnit(ctx.db, actor.unitId)).settings.followUpDeviationShare : followUpSettings.followUpDeviationShare);
    const all = await ctx.db.select({ c: clients, teamName: teams.name }).from(clients).innerJoin(teams, eq(teams.id, clients.teamId))
      .orderBy(asc(clients.lastName), asc(clients.firstName));
    const scopes = await filterAndLogClients(ctx, request, actor, all.map((r) => r.c.id), 'decisions');
    const ids = [...scopes];
    const decs = ids.length === 0 ? [] : await ctx.db.select().from(decisions).where(inArray(decisions.clientId, ids));
    const vs = ids.length === 0 ? [] : await ctx.db.select().from(visits).where(and(inArray(visits.clientId, ids), gte(visits.date, from), lte(visits.date, to)));
    const unitShares = await settingsOfTeams(ctx.db, all.filter((r) => scopes.has(r.c.id)).map((r) => r.c.teamId));
    const items = all.filter((r) => scopes.has(r.c.id)).flatMap((r) => {
      const clientShare = asked ?? unitShares.get(r.c.teamId)!.followUpDeviationShare;
      const mine = vs.filter((v) => v.clientId === r.c.id);
      const granted = Object.values(grantedMinutesByService(decs.filter((d) => d.clientId === r.c.id), from, to)).reduce((a, b) => a + b, 0);
      const deliveredMin = delivered(mine);
      const direction = followUpDirection(granted, deliveredMin, clientShare);
      if (direction === 'within') return [];
      return [{
        clientId: r.c.id, firstName: r.c.firstName, lastName: r.c.lastName, teamName: r.teamName, grantedMin: granted,
        plannedMin: planned(mine), deliveredMin, missedVisits: mine.filter((v) => v.status === 'missed').length, direction, share: clientShare,
      }];
    });
    return { from, to, share, items };
  });

  api.get('/api/clients/:clientId/follow-up', {
    schema: {
      tags: ['follow-up'],
      summary: 'Granted, planned and delivered time per service over a period, with the missed visits and their reasons',
      params: z.object({ clientId: id }),
      querystring: period,
      response: {
        200: z.object({
          from: z.string(), to: z.string(),
          services: z.array(z.object({ serviceType: z.string(), grantedMin: z.number(), plannedMin: z.number(), deliveredMin: z.number() })),
          total: z.object({ grantedMin: z.number(), plannedMin: z.number(), deliveredMin: z.number() }),
          missed: z.array(z.object({ visitId: id, date: z.string(), title: z.string(), windowStart: z.string(), windowEnd: z.string(), reason: z.string().nullable(), deviationState: z.string().nullable() })),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { clientId } = request.params;
    const { from, to } = request.query;
    await authorizeClient(ctx, request, actor, clientId, 'decisions', 'read');
    await authorizeClient(ctx, request, actor, clientId, 'visits', 'read');
    const decs = await ctx.db.select().from(decisions).where(eq(decisions.clientId, clientId));
    const vs = await ctx.db.select().from(visits).where(and(eq(visits.clientId, clientId), gte(visits.date, from), lte(visits.date, to)))
      .orderBy(asc(visits.date), asc(visits.windowStart));
    const granted = grantedMinutesByService(decs, from, to);
    const types = [...new Set([...Object.keys(granted), ...vs.map((v) => v.serviceType)])].sort();
    const services = types.map((t) => {
      const mine = vs.filter((v) => v.serviceType === t);
      return { serviceType: t, grantedMin: granted[t] ?? 0, plannedMin: planned(mine), deliveredMin: delivered(mine) };
    });
    const missed = vs.filter((v) => v.status === 'missed');
    const devs = missed.length === 0 ? [] : await ctx.db.select({ visitId: deviations.visitId, state: deviations.state }).from(deviations)
      .where(and(inArray(deviations.visitId, missed.map((v) => v.id)), eq(deviations.type, 'missed_visit')));
    const stateOf = new Map(devs.map((d) => [d.visitId, d.state]));
    return {
      from, to, services,
      total: services.reduce((a, s) => ({ grantedMin: a.grantedMin + s.grantedMin, plannedMin: a.plannedMin + s.plannedMin, deliveredMin: a.deliveredMin + s.deliveredMin }), { grantedMin: 0, plannedMin: 0, deliveredMin: 0 }),
      missed: missed.map((v) => ({ visitId: v.id, date: v.date, title: v.title, windowStart: v.windowStart, windowEnd: v.windowEnd, reason: v.missedReason, deviationState: stateOf.get(v.id) ?? null })),
    };
  });
}
