// Lex Sarah (SoL 14 kap 3–7 §§): the unit manager escalates a deviation to a lex Sarah case, records
// the investigation, the decision whether to notify IVO and the notification, with dates.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { advanceLexSarah, canLeadDeviationFollowUp, DomainError, id, lexSarahReportInput, lexSarahStepInput } from '@tillit/domain';
import type { AppContext } from '../context.js';
import { localDate } from '../context.js';
import { deviationEvents, deviations, lexSarahReports } from '../db/schema-follow-up.js';
import { authorizeClient } from '../access/guard.js';
import { forbidden, notFound } from '../errors/problem.js';
import { sessionOf } from '../app.js';
import { type Api, errors } from './api.js';
import { lexSarahRecordOf } from './deviations.js';

const params = z.object({ deviationId: id });

export function lexSarahRoutes(api: Api, ctx: AppContext): void {
  async function load(request: Parameters<typeof sessionOf>[0], deviationId: string) {
    const { actor } = sessionOf(request);
    const d = (await ctx.db.select().from(deviations).where(eq(deviations.id, deviationId)))[0];
    if (!d) throw notFound('The deviation');
    await authorizeClient(ctx, request, actor, d.clientId, 'deviations', 'write');
    if (!canLeadDeviationFollowUp(actor)) throw forbidden('Only the unit manager handles lex Sarah cases.');
    return d;
  }

  api.post('/api/deviations/:deviationId/lex-sarah', {
    schema: {
      tags: ['lex Sarah'],
      summary: 'Escalate a deviation to a lex Sarah report with its required parts (unit manager)',
      params,
      body: lexSarahReportInput,
      response: { 201: z.object({ id, state: z.string() }), ...errors, 409: errors[400] },
    },
  }, async (request, reply) => {
    const { actor, displayName } = sessionOf(request);
    const d = await load(request, request.params.deviationId);
    const now = ctx.now();
    if (Date.parse(request.body.occurredAt) > now.getTime()) throw new DomainError('invalid-input', 'It cannot have happened in the future.', '/body/occurredAt');
    const existing = (await ctx.db.select({ id: lexSarahReports.id }).from(lexSarahReports).where(eq(lexSarahReports.deviationId, d.id)))[0];
    if (existing) throw new DomainError('conflict', 'This deviation already has a lex Sarah case.', '/params/deviationId');
    const newId = randomUUID();
    await ctx.db.transaction(async (tx) => {
      await tx.insert(lexSarahReports).values({
        id: newId, deviationId: d.id, state: 'reported', report: { ...request.body, occurredAt: new Date(request.body.occurredAt).toISOString() },
        reportedAt: now, reportedBy: actor.userId,
      });
      await tx.insert(deviationEvents).values({ deviationId: d.id, at: now, userId: actor.userId, byName: displayName, step: 'lex_sarah_reported', data: { lexSarahId: newId } });
    });
    return reply.status(201).send({ id: newId, state: 'reported' });
  });

  api.post('/api/deviations/:deviationId/lex-sarah/steps', {
    schema: {
      tags: ['lex Sarah'],
      summary: 'The next step of the lex Sarah case: investigated, decided (serious? notify IVO?), ivo_notified, closed',
      params,
      body: lexSarahStepInput,
      response: { 200: z.object({ id, state: z.string() }), ...errors, 409: errors[400], 422: errors[400] },
    },
  }, async (request) => {
    const { actor, displayName } = sessionOf(request);
    const d = await load(request, request.params.deviationId);
    const ls = (await ctx.db.select().from(lexSarahReports).where(eq(lexSarahReports.deviationId, d.id)))[0];
    if (!ls) throw notFound('The lex Sarah case');
    const now = ctx.now();
    const after = advanceLexSarah(lexSarahRecordOf(ls), request.body, displayName, now.toISOString(), localDate(now, ctx.config.timeZone));
    await ctx.db.transaction(async (tx) => {
      await tx.update(lexSarahReports).set({
        state: after.state, investigation: after.investigation, decision: after.decision, ivoNotification: after.ivoNotification, closed: after.closed,
      }).where(eq(lexSarahReports.id, ls.id));
      await tx.insert(deviationEvents).values({ deviationId: d.id, at: now, userId: actor.userId, byName: displayName, step: `lex_sarah_${request.body.step}`, data: { ...request.body } });
    });
    return { id: ls.id, state: after.state };
  });
}
