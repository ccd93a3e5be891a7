// The coordinator's view of messages to clients and relatives: what is waiting, sent, or failed.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { id } from '@tillit/domain';
import type { AppContext } from '../context.js';
import { clients } from '../db/schema.js';
import { outbox } from '../db/schema-client-comms.js';
import { authorizeTeam, filterAndLogClients } from '../access/guard.js';
import { sessionOf } from '../app.js';
import { type Api, errors } from './api.js';

export function notificationRoutes(api: Api, ctx: AppContext): void {
  api.get('/api/teams/:teamId/notifications', {
    schema: {
      tags: ['notifications'],
      summary: "Messages to the team's clients and relatives, newest first; failed deliveries need the coordinator's attention",
      params: z.object({ teamId: id }),
      querystring: z.object({ status: z.enum(['pending', 'sending', 'sent', 'failed']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }).strict(),
      response: {
        200: z.object({
          items: z.array(z.object({
            id, clientId: id, clientName: z.string(), recipientKind: z.string(), channel: z.string(), status: z.string(),
            attempts: z.number(), lastError: z.string().nullable(), createdAt: z.string(), sentAt: z.string().nullable(), body: z.string(),
          })),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { teamId } = request.params;
    await authorizeTeam(ctx, actor, teamId, 'read');
    const where = request.query.status ? and(eq(outbox.teamId, teamId), eq(outbox.status, request.query.status)) : eq(outbox.teamId, teamId);
    const rows = await ctx.db.select().from(outbox).where(where).orderBy(desc(outbox.createdAt)).limit(request.query.limit);
    const shown = await filterAndLogClients(ctx, request, actor, [...new Set(rows.map((r) => r.clientId))], 'profile');
    const names = shown.size === 0 ? [] : await ctx.db.select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName }).from(clients).where(inArray(clients.id, [...shown]));
    const nameOf = new Map(names.map((n) => [n.id, `${n.firstName} ${n.lastName}`]));
    return {
      items: rows.filter((r) => shown.has(r.clientId)).map((r) => ({
        id: r.id, clientId: r.clientId, clientName: nameOf.get(r.clientId) ?? '', recipientKind: r.recipientKind, channel: r.channel,
        status: r.status, attempts: r.attempts, lastError: r.lastError, createdAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null, body: r.body,
      })),
    };
  });
}
