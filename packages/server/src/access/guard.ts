// Where the server asks the domain's access policy. Reads are logged here, once, for every route.
import { and, eq, gte, inArray, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import {
  addDays, clientAccess, deviationAccess, planningWeightsAccess, SERVED_DAYS, teamAccess, type AccessFacts, type Actor, type ClientDataCategory,
  type ClientScope, type DeviationScope, type Interaction, type TeamScope,
} from '@tillit/domain';
import { logClientAccess } from '../access-log/access-log.js';
import type { Db } from '../db/connection.js';
import { clients, relatives, teams, units, visits } from '../db/schema.js';
import { forbidden, notFound } from '../errors/problem.js';
import { localDate, type AppContext } from '../context.js';

export async function loadClientScopes(db: Db, clientIds: readonly string[]): Promise<Map<string, ClientScope>> {
  if (clientIds.length === 0) return new Map();
  const rows = await db
    .select({ clientId: clients.id, teamId: clients.teamId, unitId: teams.unitId, municipalityId: units.municipalityId })
    .from(clients)
    .innerJoin(teams, eq(teams.id, clients.teamId))
    .innerJoin(units, eq(units.id, teams.unitId))
    .where(inArray(clients.id, [...new Set(clientIds)]));
  return new Map(rows.map((r) => [r.clientId, r]));
}

export async function loadTeamScope(db: Db, teamId: string): Promise<TeamScope | null> {
  const rows = await db
    .select({ teamId: teams.id, unitId: teams.unitId, municipalityId: units.municipalityId })
    .from(teams)
    .innerJoin(units, eq(units.id, teams.unitId))
    .where(eq(teams.id, teamId));
  return rows[0] ?? null;
}

/**
 * Look up the facts the policy needs about today: the visits assigned to staff, the other teams'
 * clients a team serves, a relative's consents.
 * @param scopes - the clients the request touches, when known: staff and coordinators need no
 *   facts for their own team's clients, so their usual requests skip both look-ups
 */
export async function accessFacts(ctx: AppContext, actor: Actor, scopes?: Iterable<ClientScope>): Promise<AccessFacts> {
  if ((actor.role === 'staff' || actor.role === 'coordinator') && scopes && [...scopes].every((s) => s.teamId === actor.teamId)) return {};
  if (actor.role === 'substitute' || actor.role === 'staff' || actor.role === 'coordinator') {
    const today = localDate(ctx.now(), ctx.config.timeZone);
    const facts: { assignedClientIdsToday?: Set<string>; servedClientIds?: Set<string> } = {};
    if (actor.staffId && actor.role !== 'coordinator') {
      const rows = await ctx.db
        .select({ clientId: visits.clientId })
        .from(visits)
        .where(and(eq(visits.date, today), sql`${actor.staffId}::uuid = ANY(${visits.staffIds})`));
      facts.assignedClientIdsToday = new Set(rows.map((r) => r.clientId));
    }
    if (actor.teamId && actor.role !== 'substitute') {
      const rows = await ctx.db
        .selectDistinct({ clientId: visits.clientId })
        .from(visits)
        .innerJoin(clients, eq(clients.id, visits.clientId))
        .where(and(
          eq(visits.teamId, actor.teamId), ne(clients.teamId, actor.teamId),
          gte(visits.date, addDays(today, -SERVED_DAYS)), lte(visits.date, addDays(today, SERVED_DAYS)),
        ));
      facts.servedClientIds = new Set(rows.map((r) => r.clientId));
    }
    return facts;
  }
  if (actor.role === 'relative' && actor.relativeId) {
    const rows = await ctx.db
      .select({ clientId: relatives.clientId })
      .from(relatives)
      .where(and(eq(relatives.id, actor.relativeId), isNotNull(relatives.consentGivenAt), isNull(relatives.consentWithdrawnAt)));
    return { consentedClientIds: new Set(rows.map((r) => r.clientId)) };
  }
  return {};
}

/**
 * Allow or refuse one access to one client's data; a permitted read is logged before returning.
 * A client outside the actor's scope answers 404, as if it did not exist; a part of the record
 * the role may not touch answers 403.
 */
export async function authorizeClient(
  ctx: AppContext,
  request: FastifyRequest,
  actor: Actor,
  clientId: string,
  category: ClientDataCategory,
  interaction: Interaction,
): Promise<ClientScope> {
  return (await authorizeClientParts(ctx, request, actor, clientId, category, interaction, [])).scope;
}

/**
 * As `authorizeClient`, and also tell which optional parts of the record the actor may read,
 * looking up the client and the actor's facts once; every part read is logged.
 * @param optional - parts shown only when the role may read them (key facts, relatives)
 * @returns the client's scope and the optional parts that may be read (and were logged)
 */
export async function authorizeClientParts(
  ctx: AppContext,
  request: FastifyRequest,
  actor: Actor,
  clientId: string,
  category: ClientDataCategory,
  interaction: Interaction,
  optional: readonly ClientDataCategory[],
): Promise<{ scope: ClientScope; readable: Set<ClientDataCategory> }> {
  const scope = (await loadClientScopes(ctx.db, [clientId])).get(clientId);
  if (!scope) throw notFound('The client');
  const facts = await accessFacts(ctx, actor, [scope]);
  const decision = clientAccess(actor, scope, category, interaction, facts);
  const log = (cat: ClientDataCategory, action: 'read' | 'denied') => logClientAccess(ctx.db, {
    actor, clientIds: [clientId], category: cat, action, endpoint: routeName(request), requestId: String(request.id),
  });
  if (!decision.allowed) {
    // A refused attempt on an existing client is logged too: the client may see who tried.
    await log(category, 'denied');
    if (decision.reason === 'out-of-scope') throw notFound('The client');
    throw forbidden(`Your role may not ${interaction} this client's ${category}.`);
  }
  if (interaction === 'read') await log(category, 'read');
  const readable = new Set(optional.filter((c) => clientAccess(actor, scope, c, 'read', facts).allowed));
  for (const c of readable) await log(c, 'read');
  return { scope, readable };
}

/** Loads the team and applies `policy`: out-of-scope answers 404, anything else refused 403. */
async function authorizeTeamBy(
  ctx: AppContext, actor: Actor, teamId: string, interaction: Interaction, policy: typeof teamAccess, what: string,
): Promise<TeamScope> {
  const scope = await loadTeamScope(ctx.db, teamId);
  if (!scope) throw notFound('The team');
  const decision = policy(actor, scope, interaction);
  if (!decision.allowed) {
    if (decision.reason === 'out-of-scope') throw notFound('The team');
    throw forbidden(`Your role may not ${interaction} this team's ${what}.`);
  }
  return scope;
}

/** Allow or refuse access to a team's day; out-of-scope answers 404. */
export function authorizeTeam(ctx: AppContext, actor: Actor, teamId: string, interaction: Interaction): Promise<TeamScope> {
  return authorizeTeamBy(ctx, actor, teamId, interaction, teamAccess, 'day');
}

/**
 * Allow or refuse access to a team's planning weights (`planningWeightsAccess`): as the team's day,
 * and an administrator of the municipality too. They hold no client data, so nothing is logged.
 */
export function authorizePlanningWeights(ctx: AppContext, actor: Actor, teamId: string, interaction: Interaction): Promise<TeamScope> {
  return authorizeTeamBy(ctx, actor, teamId, interaction, planningWeightsAccess, 'planning weights');
}

/**
 * Keep only the clients the actor may read in this category, and log them as listed.
 * @returns the ids that may be shown
 */
export async function filterAndLogClients(
  ctx: AppContext,
  request: FastifyRequest,
  actor: Actor,
  clientIds: readonly string[],
  category: ClientDataCategory,
): Promise<Set<string>> {
  const scopes = await loadClientScopes(ctx.db, clientIds);
  const facts = await accessFacts(ctx, actor, scopes.values());
  const allowed = new Set<string>();
  for (const [id, scope] of scopes) {
    if (clientAccess(actor, scope, category, 'read', facts).allowed) allowed.add(id);
  }
  await logClientAccess(ctx.db, {
    actor, clientIds: [...allowed], category, action: 'list', endpoint: routeName(request), requestId: String(request.id),
  });
  return allowed;
}

/**
 * Allow or refuse reading or following up one recorded deviation, asking the domain's
 * `deviationAccess`; a permitted read is logged, a refusal logged as denied, with the client id.
 * A refused read, and a deviation outside the actor's reach, answer 404 as if it did not exist;
 * a step the role may not take answers 403.
 */
export async function authorizeDeviation(
  ctx: AppContext,
  request: FastifyRequest,
  actor: Actor,
  deviation: DeviationScope & { clientId: string },
  interaction: Interaction,
): Promise<ClientScope> {
  const scope = (await loadClientScopes(ctx.db, [deviation.clientId])).get(deviation.clientId);
  if (!scope) throw notFound('The deviation');
  const decision = deviationAccess(actor, scope, deviation, interaction, await accessFacts(ctx, actor, [scope]));
  const action = decision.allowed ? 'read' : 'denied';
  if (!decision.allowed || interaction === 'read') {
    await logClientAccess(ctx.db, {
      actor, clientIds: [deviation.clientId], category: 'deviations', action, endpoint: routeName(request), requestId: String(request.id),
    });
  }
  if (decision.allowed) return scope;
  if (interaction === 'read' || decision.reason === 'out-of-scope') throw notFound('The deviation');
  throw forbidden(`Your role may not ${interaction} this client's deviations.`);
}

/**
 * Keep only the deviations the actor may read (`deviationAccess`), and log their clients as listed.
 * @returns the rows that may be shown, in their order
 */
export async function filterAndLogDeviations<R extends DeviationScope & { clientId: string }>(
  ctx: AppContext,
  request: FastifyRequest,
  actor: Actor,
  rows: readonly R[],
): Promise<R[]> {
  const scopes = await loadClientScopes(ctx.db, rows.map((r) => r.clientId));
  const facts = await accessFacts(ctx, actor, scopes.values());
  const visible = rows.filter((r) => {
    const scope = scopes.get(r.clientId);
    return scope != null && deviationAccess(actor, scope, r, 'read', facts).allowed;
  });
  await logClientAccess(ctx.db, {
    actor, clientIds: [...new Set(visible.map((r) => r.clientId))], category: 'deviations', action: 'list', endpoint: routeName(request), requestId: String(request.id),
  });
  return visible;
}

export function routeName(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`;
}
