// The signed-in person's own things: my visits today (staff, substitute), my clients (client, relative).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { errandKinds, fromMinutes, id, isoDate, toMinutes } from '@tillit/domain';
import type { AppContext } from '../context.js';
import { localDate } from '../context.js';
import { clients, staff, visits } from '../db/schema.js';
import { accessFacts, filterAndLogClients } from '../access/guard.js';
import { forbidden } from '../errors/problem.js';
import { sessionOf } from '../app.js';
import { ensureDaysGenerated } from '../services/visit-generation.js';
import { loadDay } from '../services/planning-problem.js';
import { type Api, errors } from './api.js';
import { toVisitView, visitView } from './views.js';

export function meRoutes(api: Api, ctx: AppContext): void {
  api.get('/api/me/day', {
    schema: {
      tags: ['me'],
      summary: 'My visits on a day (default today), in time order, with what each client needs',
      querystring: z.object({ date: isoDate.optional() }).strict(),
      response: {
        200: z.object({
          date: z.string(),
          visits: z.array(visitView.extend({
            client: z.object({
              firstName: z.string(), lastName: z.string(), street: z.string(), postalCode: z.string(), city: z.string(),
              location: z.object({ lat: z.number(), lon: z.number() }), keyFacts: z.string(), preferences: z.string(),
              languages: z.array(z.string()),
            }),
            /** The visit is a delivery of an errand trip (decision 0009): shop first, then deliver in order. */
            errandTrip: z.object({
              id: z.string(), kinds: z.array(z.enum(errandKinds)),
              /** When the trip starts at the shop. */
              start: z.string().nullable(),
              /** This delivery's place in the trip (1 = first) and how many deliveries the trip has. */
              stop: z.number(), stops: z.number(),
            }).nullable(),
          })),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    if (!actor.staffId) throw forbidden('Only staff members have a day of visits.');
    const today = localDate(ctx.now(), ctx.config.timeZone);
    const date = request.query.date ?? today;
    // A substitute's access is granted per day of assignment: only today.
    if (actor.role === 'substitute' && date !== today) throw forbidden('A substitute sees only today\'s visits.');
    const me = (await ctx.db.select().from(staff).where(eq(staff.id, actor.staffId)))[0];
    if (me) await ensureDaysGenerated(ctx, me.teamId, date, date, today);
    const rows = await ctx.db.select().from(visits)
      .where(and(eq(visits.date, date), sql`${actor.staffId}::uuid = ANY(${visits.staffIds})`))
      .orderBy(asc(visits.plannedStart), asc(visits.windowStart));
    const clientRows = rows.length === 0 ? [] : await ctx.db.select().from(clients).where(inArray(clients.id, [...new Set(rows.map((r) => r.clientId))]));
    const shown = await filterAndLogClients(ctx, request, actor, clientRows.map((c) => c.id), 'visits');
    const byId = new Map(clientRows.map((c) => [c.id, c]));
    const views = await toVisitView(ctx, rows.filter((r) => shown.has(r.clientId)), { notes: true });
    // Errand trips: where each delivery stands in its trip, and when the trip starts at the shop.
    const tripOf = new Map<string, { id: string; kinds: ('shopping' | 'pharmacy')[]; start: string | null; stop: number; stops: number }>();
    for (const teamId of new Set(rows.filter((r) => r.errandTrip).map((r) => r.teamId))) {
      const day = await loadDay(ctx.db, teamId, date);
      for (const t of day.trips.values()) {
        const first = day.visitRows.get(t.visits[0]!)!;
        const start = first.plannedStart ? fromMinutes(toMinutes(first.plannedStart) - t.offsets[0]!) : null;
        t.visits.forEach((vid, i) => tripOf.set(vid, { id: t.id, kinds: t.kinds, start, stop: i + 1, stops: t.visits.length }));
      }
    }
    return {
      date,
      visits: views.map((v) => {
        const c = byId.get(v.clientId)!;
        return { ...v, client: {
          firstName: c.firstName, lastName: c.lastName, street: c.street, postalCode: c.postalCode, city: c.city,
          location: { lat: c.lat, lon: c.lon }, keyFacts: c.keyFacts, preferences: c.preferences, languages: c.languages,
        }, errandTrip: tripOf.get(v.id) ?? null };
      }),
    };
  });

  api.get('/api/me/clients', {
    schema: {
      tags: ['me'],
      summary: 'The client I am (client) or the clients whose consent covers me (relative)',
      response: { 200: z.object({ items: z.array(z.object({ id, firstName: z.string(), lastName: z.string() })) }), ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    let ids: string[] = [];
    if (actor.role === 'client' && actor.clientId) ids = [actor.clientId];
    else if (actor.role === 'relative') ids = [...((await accessFacts(ctx, actor)).consentedClientIds ?? [])];
    else throw forbidden('Only clients and relatives have this list.');
    const shown = await filterAndLogClients(ctx, request, actor, ids, 'profile');
    const rows = shown.size === 0 ? [] : await ctx.db.select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName })
      .from(clients).where(inArray(clients.id, [...shown]));
    return { items: rows };
  });
}
