// Improvements in plan–do–study–act form, attached by the unit manager to a recurring cause seen
// in the learning view, with a date to study the effect.
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { advanceImprovement, DomainError, id, improvementPlanInput, improvementStepInput, studyDue, type ImprovementRecord } from '@tillit/domain';
import type { AppContext } from '../context.js';
import { localDate } from '../context.js';
import { teams } from '../db/schema.js';
import { improvements } from '../db/schema-follow-up.js';
import { notFound } from '../errors/problem.js';
import { sessionOf } from '../app.js';
import { type Api, errors } from './api.js';
import { authorizeUnit } from './deviations.js';

const improvementView = z.object({
  id, unitId: id, teamId: id.nullable(), deviationType: z.string().nullable(), title: z.string(), cause: z.string(), change: z.string(),
  prediction: z.string(), measure: z.string(), studyOn: z.string(), state: z.string(), studyDue: z.boolean(),
  doing: z.object({ startedOn: z.string(), notes: z.string() }).nullable(),
  study: z.object({ result: z.string(), studiedOn: z.string() }).nullable(),
  act: z.object({ decision: z.string(), notes: z.string() }).nullable(),
});

type Row = typeof improvements.$inferSelect;
const record = (r: Row): ImprovementRecord => ({ state: r.state as ImprovementRecord['state'], studyOn: r.studyOn, do: r.doing ?? null, study: r.study ?? null, act: r.act ?? null });
const view = (r: Row, today: string) => ({
  id: r.id, unitId: r.unitId, teamId: r.teamId, deviationType: r.deviationType, title: r.title, cause: r.cause, change: r.change,
  prediction: r.prediction, measure: r.measure, studyOn: r.studyOn, state: r.state, studyDue: studyDue(record(r), today),
  doing: r.doing ?? null, study: r.study ?? null, act: r.act ?? null,
});

export function improvementRoutes(api: Api, ctx: AppContext): void {
  api.get('/api/units/:unitId/improvements', {
    schema: {
      tags: ['improvements'],
      summary: "The unit's improvements (plan–do–study–act), with those due for study marked",
      params: z.object({ unitId: id }),
      response: { 200: z.object({ items: z.array(improvementView) }), ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    await authorizeUnit(ctx, actor, request.params.unitId);
    const today = localDate(ctx.now(), ctx.config.timeZone);
    const rows = await ctx.db.select().from(improvements).where(eq(improvements.unitId, request.params.unitId)).orderBy(asc(improvements.studyOn));
    return { items: rows.map((r) => view(r, today)) };
  });

  api.post('/api/units/:unitId/improvements', {
    schema: {
      tags: ['improvements'],
      summary: 'Plan an improvement for a recurring cause, with the date to study its effect',
      params: z.object({ unitId: id }),
      body: improvementPlanInput.extend({
        /** Chosen by the browser, so a retried request does not plan the same improvement twice. */
        id: id.optional(),
      }),
      response: { 200: z.object({ id }), 201: z.object({ id }), ...errors, 409: errors[400], 422: errors[400] },
    },
  }, async (request, reply) => {
    const { actor } = sessionOf(request);
    await authorizeUnit(ctx, actor, request.params.unitId);
    const { id: chosen, ...b } = request.body;
    if (chosen) {
      const known = (await ctx.db.select().from(improvements).where(eq(improvements.id, chosen)))[0];
      if (known && known.unitId === request.params.unitId && known.createdBy === actor.userId) return reply.status(200).send({ id: known.id });
      if (known) throw new DomainError('conflict', 'That id belongs to another improvement.', '/body/id');
    }
    if (b.teamId) {
      const t = (await ctx.db.select({ unitId: teams.unitId }).from(teams).where(eq(teams.id, b.teamId)))[0];
      if (!t || t.unitId !== request.params.unitId) throw new DomainError('invalid-input', 'The team is not in this unit.', '/body/teamId');
    }
    if (b.studyOn < localDate(ctx.now(), ctx.config.timeZone)) throw new DomainError('invalid-input', 'The study date must not be in the past.', '/body/studyOn');
    const newId = chosen ?? randomUUID();
    await ctx.db.insert(improvements).values({ id: newId, unitId: request.params.unitId, ...b, state: 'planned', createdBy: actor.userId });
    return reply.status(201).send({ id: newId });
  });

  api.post('/api/improvements/:improvementId/steps', {
    schema: {
      tags: ['improvements'],
      summary: 'The next step: doing (started), studied (on or after the study date), acted (adopt, adapt or abandon)',
      params: z.object({ improvementId: id }),
      body: improvementStepInput,
      response: { 200: z.object({ id, state: z.string() }), ...errors, 409: errors[400], 422: errors[400] },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const r = (await ctx.db.select().from(improvements).where(eq(improvements.id, request.params.improvementId)))[0];
    if (!r) throw notFound('The improvement');
    await authorizeUnit(ctx, actor, r.unitId);
    const after = advanceImprovement(record(r), request.body, localDate(ctx.now(), ctx.config.timeZone));
    await ctx.db.update(improvements).set({ state: after.state, doing: after.do, study: after.study, act: after.act }).where(eq(improvements.id, r.id));
    return { id: r.id, state: after.state };
  });
}
