// A unit's follow-up settings: the grace after a visit's window before it is possibly missed, the
// late threshold, the deadlines of the deviation steps per severity and of lex Sarah, and the needs
// assessor's outlier share. The unit's manager and an administrator read and change them; a unit
// that never set its own uses the defaults, which the answer shows as such.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { id } from '@tillit/domain';
import type { AppContext } from '../context.js';
import { units } from '../db/schema.js';
import { forbidden, notFound } from '../errors/problem.js';
import { sessionOf } from '../app.js';
import { followUpSettings, followUpSettingsInput, saveUnitSettings, settingsOfUnit } from '../services/follow-up-settings.js';
import { type Api, errors } from './api.js';

const settingsView = followUpSettingsInput.safeExtend({
  unitId: id,
  /** False while the unit uses the defaults. */
  own: z.boolean(),
  updatedAt: z.string().nullable(),
  defaults: followUpSettingsInput,
});

async function authorizeUnitSettings(ctx: AppContext, actor: ReturnType<typeof sessionOf>['actor'], unitId: string) {
  const unit = (await ctx.db.select().from(units).where(eq(units.id, unitId)))[0];
  if (!unit || unit.municipalityId !== actor.municipalityId) throw notFound('The unit');
  if (actor.role === 'admin') return unit;
  if (actor.role !== 'unit_manager') throw forbidden("Only the unit's manager or an administrator sets the unit's follow-up.");
  if (actor.unitId !== unitId) throw notFound('The unit');
  return unit;
}

export function followUpSettingsRoutes(api: Api, ctx: AppContext): void {
  const view = async (unitId: string) => {
    const { settings, own, updatedAt } = await settingsOfUnit(ctx.db, unitId);
    return { unitId, ...settings, own, updatedAt: updatedAt?.toISOString() ?? null, defaults: followUpSettings };
  };

  api.get('/api/units/:unitId/follow-up-settings', {
    schema: {
      tags: ['deviations'],
      summary: "The unit's follow-up settings (its own, or the defaults): possibly missed after, late after, deviation and lex Sarah deadlines, the assessor's outlier share",
      params: z.object({ unitId: id }),
      response: { 200: settingsView, ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    await authorizeUnitSettings(ctx, actor, request.params.unitId);
    return view(request.params.unitId);
  });

  api.put('/api/units/:unitId/follow-up-settings', {
    schema: {
      tags: ['deviations'],
      summary: "Set the unit's follow-up settings (all parts; deadlines of later steps not before earlier ones)",
      params: z.object({ unitId: id }),
      body: followUpSettingsInput,
      response: { 200: settingsView, ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    await authorizeUnitSettings(ctx, actor, request.params.unitId);
    await saveUnitSettings(ctx.db, request.params.unitId, request.body, actor.userId, ctx.now());
    return view(request.params.unitId);
  });
}
