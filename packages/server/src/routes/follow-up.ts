// The needs assessor's follow-up: granted, planned and delivered hours per client and month.
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { z } from 'zod';
import { canFollowUpDecisions, deliveredMinutes, grantedMinutesInMonth, monthBounds } from '@tillit/domain';
import type { AppContext } from '../context.js';
import { clients, decisions, teams, visits } from '../db/schema.js';
import { filterAndLogClients } from '../access/guard.js';
import { forbidden } from '../errors/problem.js';
import { sessionOf } from '../app.js';

import { type Api, errors, month } from './api.js';

export function followUpRoutes(api: Api, ctx: AppContext): void {
  api.get('/api/follow-up/:month', {
    schema: {
      tags: ['follow-up'],
      summary: 'Granted versus planned versus delivered care per client for a month',
      params: z.object({ month }),
      response: {
        200: z.object({
          month: z.string(),
          items: z.array(z.object({
            clientId: z.string(), firstName: z.string(), lastName: z.string(), teamName: z.string(),
            grantedMin: z.number(), plannedMin: z.number(), deliveredMin: z.number(), missedVisits: z.number(),
          })),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    if (!canFollowUpDecisions(actor)) throw forbidden('Only needs assessors and unit managers follow up decisions.');
    const { first, last } = monthBounds(request.params.month);
    const all = await ctx.db.select({ c: clients, teamName: teams.name }).from(clients).innerJoin(teams, eq(teams.id, clients.teamId))
      .orderBy(asc(clients.lastName), asc(clients.firstName));
    const shown = await filterAndLogClients(ctx, request, actor, all.map((r) => r.c.id), 'decisions');
    const ids = [...shown];
    const decs = ids.length === 0 ? [] : await ctx.db.select().from(decisions).where(inArray(decisions.clientId, ids));
    const vs = ids.length === 0 ? [] : await ctx.db.select().from(visits)
      .where(and(inArray(visits.clientId, ids), gte(visits.date, first), lte(visits.date, last)));
    return {
      month: request.params.month,
      items: all.filter((r) => shown.has(r.c.id)).map((r) => {
        const mine = vs.filter((v) => v.clientId === r.c.id);
        return {
          clientId: r.c.id, firstName: r.c.firstName, lastName: r.c.lastName, teamName: r.teamName,
          grantedMin: grantedMinutesInMonth(decs.filter((d) => d.clientId === r.c.id), request.params.month),
          plannedMin: mine.filter((v) => v.status !== 'cancelled').reduce((a, v) => a + v.durationMin * v.staffCount, 0),
          deliveredMin: deliveredMinutes(mine),
          missedVisits: mine.filter((v) => v.status === 'missed').length,
        };
      }),
    };
  });
}
