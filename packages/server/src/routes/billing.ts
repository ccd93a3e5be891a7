// Finance's view of a month: delivered care per client, the basis of the fee. No care notes.
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { z } from 'zod';
import { canSeeBilling, deliveredMinutes, monthBounds } from '@tillit/domain';
import type { AppContext } from '../context.js';
import { clients, visits } from '../db/schema.js';
import { filterAndLogClients } from '../access/guard.js';
import { forbidden } from '../errors/problem.js';
import { sessionOf } from '../app.js';

import { type Api, errors, month } from './api.js';

export function billingRoutes(api: Api, ctx: AppContext): void {
  api.get('/api/billing/:month', {
    schema: {
      tags: ['billing'],
      summary: 'Delivered care per client for a month (visits done; missed and cancelled visits are never billed)',
      params: z.object({ month }),
      response: {
        200: z.object({
          month: z.string(),
          items: z.array(z.object({
            clientId: z.string(), firstName: z.string(), lastName: z.string(), street: z.string(), postalCode: z.string(), city: z.string(),
            doneVisits: z.number(), deliveredMin: z.number(), notBilledVisits: z.number(),
          })),
          totalDeliveredMin: z.number(),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    if (!canSeeBilling(actor)) throw forbidden('Only finance sees the billing run.');
    const { first, last } = monthBounds(request.params.month);
    const all = await ctx.db.select().from(clients).orderBy(asc(clients.lastName), asc(clients.firstName));
    const shown = await filterAndLogClients(ctx, request, actor, all.map((c) => c.id), 'billing');
    const ids = [...shown];
    const vs = ids.length === 0 ? [] : await ctx.db
      .select({ clientId: visits.clientId, status: visits.status, durationMin: visits.durationMin, staffCount: visits.staffCount, actualStart: visits.actualStart, actualEnd: visits.actualEnd })
      .from(visits).where(and(inArray(visits.clientId, ids), gte(visits.date, first), lte(visits.date, last)));
    const items = all.filter((c) => shown.has(c.id)).map((c) => {
      const mine = vs.filter((v) => v.clientId === c.id);
      return {
        clientId: c.id, firstName: c.firstName, lastName: c.lastName, street: c.street, postalCode: c.postalCode, city: c.city,
        doneVisits: mine.filter((v) => v.status === 'done').length,
        deliveredMin: deliveredMinutes(mine),
        notBilledVisits: mine.filter((v) => v.status === 'missed' || v.status === 'cancelled').length,
      };
    });
    return { month: request.params.month, items, totalDeliveredMin: items.reduce((a, i) => a + i.deliveredMin, 0) };
  });
}

