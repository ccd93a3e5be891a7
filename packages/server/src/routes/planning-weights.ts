// A team's planning weights: what its suggested plans weigh against travel (the fixed contact and
// the day's continuity target, known staff, language, even load, air between visits, …). The
// team's staff read them; the coordinator, the unit manager and an administrator set them or go
// back to the engine's defaults.
import { z } from 'zod';
import { id, planningWeightsAccess, type Actor } from '@tillit/domain';
import type { AppContext } from '../context.js';
import { authorizePlanningWeights } from '../access/guard.js';
import { sessionOf } from '../app.js';
import {
  defaultPlanningWeights, planningWeightMaxima, planningWeightsInput, planningWeightsView, resetTeamWeights, saveTeamWeights, weightsOfTeam,
} from '../services/planning-weights.js';
import { type Api, errors } from './api.js';

const teamParams = z.object({ teamId: id });
const weightsAnswer = planningWeightsView.safeExtend({
  teamId: id,
  /** False while the team plans with the defaults. */
  own: z.boolean(),
  updatedAt: z.string().nullable(),
  /** Who set the team's own weights last. */
  updatedByName: z.string().nullable(),
  defaults: planningWeightsView,
  /** The highest value each weight may take (the lowest is 0). */
  maxima: planningWeightsView,
  /** Whether the signed-in user may set or reset them (the team's staff only read them). */
  canChange: z.boolean(),
});

export function planningWeightsRoutes(api: Api, ctx: AppContext): void {
  const view = async (actor: Actor, teamId: string) => {
    const scope = await authorizePlanningWeights(ctx, actor, teamId, 'read');
    const { weights, own, updatedAt, updatedByName } = await weightsOfTeam(ctx.db, teamId);
    return {
      teamId, ...weights, own, updatedAt: updatedAt?.toISOString() ?? null, updatedByName,
      defaults: defaultPlanningWeights, maxima: planningWeightMaxima, canChange: planningWeightsAccess(actor, scope, 'write').allowed,
    };
  };

  api.get('/api/teams/:teamId/planning-weights', {
    schema: {
      tags: ['team day'],
      summary: "What the team's suggested plans weigh, each in minutes of travel (continuityTarget a share from 0 to 1): its own weights or the engine's defaults",
      params: teamParams,
      response: { 200: weightsAnswer, ...errors },
    },
  }, async (request) => view(sessionOf(request).actor, request.params.teamId));

  api.put('/api/teams/:teamId/planning-weights', {
    schema: {
      tags: ['team day'],
      summary: "Set all the team's planning weights (each from 0 to its maximum; continuityTarget is a share from 0 to 1, not a percent; not knowing the client's language at all weighs at least as much as not knowing the first)",
      params: teamParams,
      body: planningWeightsInput,
      response: { 200: weightsAnswer, ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    await authorizePlanningWeights(ctx, actor, request.params.teamId, 'write');
    await saveTeamWeights(ctx.db, request.params.teamId, request.body, actor.userId, ctx.now());
    return view(actor, request.params.teamId);
  });

  api.delete('/api/teams/:teamId/planning-weights', {
    schema: {
      tags: ['team day'],
      summary: "Go back to the engine's default weights for the team",
      params: teamParams,
      response: { 200: weightsAnswer, ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    await authorizePlanningWeights(ctx, actor, request.params.teamId, 'write');
    await resetTeamWeights(ctx.db, request.params.teamId);
    return view(actor, request.params.teamId);
  });
}
