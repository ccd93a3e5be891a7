// Deviations (avvikelser): reported by staff, clients, relatives and managers, followed up step by
// step (the state machine is the domain's), and the unit manager's overdue and learning views.
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import {
  advanceDeviation, canLeadDeviationFollowUp, deviationStepInput, deviationTypes, id, isoDate, learningSummary,
  lexSarahOverdue, mayTakeDeviationStep, overdueStep, reportSource, severities, studyDue, DomainError,
  type DeviationType, type LexSarahRecord,
} from '@tillit/domain';
import type { AppContext } from '../context.js';
import { localDate } from '../context.js';
import { clients, teams, units, visits } from '../db/schema.js';
import { deviationEvents, deviations, improvements, lexSarahReports } from '../db/schema-follow-up.js';
import { authorizeClient, authorizeDeviation, authorizeTeam, filterAndLogClients, filterAndLogDeviations } from '../access/guard.js';
import { forbidden, notFound } from '../errors/problem.js';
import { sessionOf } from '../app.js';
import { clientFacingView, fullView, insertDeviation, saveStep, toRecord, type DeviationRow } from '../services/deviations.js';
import { settingsOfTeam, settingsOfTeams, settingsOfUnit } from '../services/follow-up-settings.js';
import { type Api, errors } from './api.js';

const instant = z.iso.datetime({ offset: true, message: 'must be a date and time, e.g. 2026-11-25T09:30:00+01:00' });
const stepRecord = z.object({ at: z.string(), by: z.string() });
export const deviationView = z.object({
  id, clientId: id, clientName: z.string(), teamId: id, teamName: z.string(), visitId: id.nullable(),
  type: z.string(), severity: z.string(), source: z.string(), state: z.string(),
  occurredAt: z.string(), reportedAt: z.string(), reportedByName: z.string(), description: z.string(), immediateActions: z.string(),
  investigation: stepRecord.extend({ findings: z.string(), cause: z.string() }).nullable(),
  actions: stepRecord.extend({ actions: z.string() }).nullable(),
  clientTold: stepRecord.extend({ how: z.string(), toldAt: z.string(), toldBy: z.string(), summary: z.string() }).nullable(),
  closed: stepRecord.extend({ comment: z.string() }).nullable(),
  overdue: z.object({ step: z.string(), dueAt: z.string(), overdueHours: z.number() }).nullable(),
});
export const clientDeviationView = z.object({
  id, type: z.string(), state: z.string(), occurredAt: z.string(), reportedAt: z.string(), description: z.string(),
  actions: z.string().nullable(), clientToldAt: z.string().nullable(), closedAt: z.string().nullable(),
});
const lexSarahView = z.object({
  id, state: z.string(), reportedAt: z.string(),
  report: z.object({ whatHappened: z.string(), occurredAt: z.string(), consequences: z.string(), immediateActions: z.string(), reporterName: z.string(), reporterRole: z.string() }),
  investigation: z.record(z.string(), z.unknown()).nullable(), decision: z.record(z.string(), z.unknown()).nullable(),
  ivoNotification: z.record(z.string(), z.unknown()).nullable(), closed: z.record(z.string(), z.unknown()).nullable(),
  overdue: z.object({ step: z.string(), dueOn: z.string() }).nullable(),
});

/**
 * Roles that read deviations. The client reads a client view of their own; a relative with
 * consent reads the client view of the ones they reported themselves.
 */
const readers = new Set(['unit_manager', 'coordinator', 'staff', 'client', 'relative']);

async function names(ctx: AppContext, rows: DeviationRow[]) {
  const cids = [...new Set(rows.map((r) => r.clientId))];
  const tids = [...new Set(rows.map((r) => r.teamId))];
  const cs = cids.length === 0 ? [] : await ctx.db.select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName }).from(clients).where(inArray(clients.id, cids));
  const ts = tids.length === 0 ? [] : await ctx.db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, tids));
  const cn = new Map(cs.map((c) => [c.id, `${c.firstName} ${c.lastName}`]));
  const tn = new Map(ts.map((t) => [t.id, t.name]));
  return (r: DeviationRow) => ({ clientName: cn.get(r.clientId) ?? '', teamName: tn.get(r.teamId) ?? '' });
}

export function lexSarahRecordOf(r: typeof lexSarahReports.$inferSelect): LexSarahRecord {
  return {
    state: r.state as LexSarahRecord['state'], reportedAt: r.reportedAt.toISOString(),
    investigation: r.investigation ?? null, decision: r.decision ?? null, ivoNotification: r.ivoNotification ?? null, closed: r.closed ?? null,
  };
}

/** The unit a unit manager asks about must be theirs; others are refused. */
export async function authorizeUnit(ctx: AppContext, actor: ReturnType<typeof sessionOf>['actor'], unitId: string) {
  const unit = (await ctx.db.select().from(units).where(eq(units.id, unitId)))[0];
  if (!unit || unit.municipalityId !== actor.municipalityId) throw notFound('The unit');
  if (!canLeadDeviationFollowUp(actor)) throw forbidden('Only the unit manager follows up the unit\'s deviations.');
  if (actor.unitId !== unitId) throw notFound('The unit');
  return unit;
}

export function deviationRoutes(api: Api, ctx: AppContext): void {
  api.post('/api/deviations', {
    schema: {
      tags: ['deviations'],
      summary: 'Report a deviation: staff, the client, a relative with consent, or a manager',
      body: z.object({
        /** Chosen by the reporting device, so a report queued offline and sent twice is stored once. */
        id: id.optional(),
        clientId: id,
        type: z.enum(deviationTypes),
        severity: z.enum(severities).default('moderate'),
        occurredAt: instant,
        description: z.string().trim().min(3).max(4000),
        immediateActions: z.string().trim().max(2000).default(''),
        visitId: id.nullable().default(null),
      }).strict(),
      response: { 200: z.object({ id, state: z.string() }), 201: z.object({ id, state: z.string() }), ...errors, 409: errors[400], 422: errors[400] },
    },
  }, async (request, reply) => {
    const { actor, displayName } = sessionOf(request);
    const b = request.body;
    const scope = await authorizeClient(ctx, request, actor, b.clientId, 'deviations', 'write');
    const source = reportSource(actor.role);
    if (!source) throw forbidden('Your role does not report deviations.');
    if (b.id) {
      const known = (await ctx.db.select().from(deviations).where(eq(deviations.id, b.id)))[0];
      // The same report sent again is answered as before; another report may not take its id.
      if (known && known.reportedBy === actor.userId && known.clientId === b.clientId) return reply.status(200).send({ id: known.id, state: known.state });
      if (known) throw new DomainError('conflict', 'That id belongs to another report.', '/body/id');
    }
    const now = ctx.now();
    if (Date.parse(b.occurredAt) > now.getTime()) throw new DomainError('invalid-input', 'A deviation cannot have occurred in the future.', '/body/occurredAt');
    let teamId = scope.teamId;
    if (b.visitId) {
      const v = (await ctx.db.select({ clientId: visits.clientId, teamId: visits.teamId }).from(visits).where(eq(visits.id, b.visitId)))[0];
      if (!v || v.clientId !== b.clientId) throw new DomainError('invalid-input', 'The visit is not one of this client\'s.', '/body/visitId');
      teamId = v.teamId;
    }
    const newId = await insertDeviation(ctx.db, {
      ...(b.id ? { id: b.id } : {}),
      clientId: b.clientId, teamId, visitId: b.visitId, type: b.type as DeviationType, severity: b.severity, source,
      occurredAt: new Date(b.occurredAt), reportedAt: now, reportedBy: actor.userId, reportedByName: displayName,
      description: b.description, immediateActions: b.immediateActions,
    });
    if (!newId) throw new DomainError('conflict', 'This visit already has a deviation of that type.', '/body/visitId');
    return reply.status(201).send({ id: newId, state: 'reported' });
  });

  api.get('/api/deviations', {
    schema: {
      tags: ['deviations'],
      summary: "Deviations the signed-in user may follow: a team's (staff, coordinator), the unit's (manager), or my own (client, a client view)",
      querystring: z.object({
        teamId: id.optional(),
        clientId: id.optional(),
        state: z.enum(['open', 'reported', 'investigated', 'actions_decided', 'client_told', 'closed']).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(200),
      }).strict(),
      response: { 200: z.object({ items: z.array(z.union([deviationView, clientDeviationView])) }), ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    if (!readers.has(actor.role)) throw forbidden('Your role does not read deviations.');
    const q = request.query;
    const conds = [];
    const teamId = q.teamId ?? (actor.role === 'staff' || actor.role === 'coordinator' ? actor.teamId ?? undefined : undefined);
    // A team's deviations: those it follows up (its visits) and those about its clients.
    if (teamId) conds.push(or(eq(deviations.teamId, teamId), inArray(deviations.clientId, ctx.db.select({ id: clients.id }).from(clients).where(eq(clients.teamId, teamId))))!);
    else if (actor.role === 'unit_manager' && actor.unitId) {
      const unitTeams = (await ctx.db.select({ id: teams.id }).from(teams).where(eq(teams.unitId, actor.unitId))).map((t) => t.id);
      if (unitTeams.length === 0) return { items: [] };
      conds.push(inArray(deviations.teamId, unitTeams));
    }
    if (actor.role === 'client' && !actor.clientId) return { items: [] };
    if (actor.role === 'relative') conds.push(eq(deviations.reportedBy, actor.userId));
    const clientId = actor.role === 'client' ? actor.clientId! : q.clientId;
    if (clientId) conds.push(eq(deviations.clientId, clientId));
    if (q.state === 'open') conds.push(inArray(deviations.state, ['reported', 'investigated', 'actions_decided', 'client_told']));
    else if (q.state) conds.push(eq(deviations.state, q.state));
    // Staff and coordinators see their own team's deviations only, a unit manager the unit's teams'.
    if (teamId && actor.role !== 'client') await authorizeTeam(ctx, actor, teamId, 'read');
    const rows = await ctx.db.select().from(deviations).where(conds.length ? and(...conds) : undefined).orderBy(desc(deviations.reportedAt)).limit(q.limit);
    // A team serving another team's client sees only the deviations about its own visits there.
    const visible = await filterAndLogDeviations(ctx, request, actor, rows);
    if (actor.role === 'client' || actor.role === 'relative') return { items: visible.map(clientFacingView) };
    const nameOf = await names(ctx, visible);
    // Each deviation's deadlines are those of its team's unit.
    const settings = await settingsOfTeams(ctx.db, visible.map((r) => r.teamId));
    return { items: visible.map((r) => fullView(r, nameOf(r), settings.get(r.teamId)!.deviationDeadlines, ctx.now())) };
  });

  api.get('/api/deviations/:deviationId', {
    schema: {
      tags: ['deviations'],
      summary: 'One deviation with its history and any lex Sarah case (the client gets the client view)',
      params: z.object({ deviationId: id }),
      response: {
        200: z.union([
          deviationView.extend({
            events: z.array(z.object({ at: z.string(), byName: z.string(), step: z.string(), data: z.record(z.string(), z.unknown()) })),
            lexSarah: lexSarahView.nullable(),
          }),
          clientDeviationView,
        ]),
        ...errors,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const r = (await ctx.db.select().from(deviations).where(eq(deviations.id, request.params.deviationId)))[0];
    if (!r) throw notFound('The deviation');
    if (!readers.has(actor.role)) throw forbidden('Your role does not read deviations.');
    // A relative follows only what they reported; anything else is as if it did not exist.
    if (actor.role === 'relative' && r.reportedBy !== actor.userId) throw notFound('The deviation');
    await authorizeDeviation(ctx, request, actor, r, 'read');
    if (actor.role === 'client' || actor.role === 'relative') return clientFacingView(r);
    const evs = await ctx.db.select().from(deviationEvents).where(eq(deviationEvents.deviationId, r.id)).orderBy(asc(deviationEvents.id));
    const ls = (await ctx.db.select().from(lexSarahReports).where(eq(lexSarahReports.deviationId, r.id)))[0];
    const today = localDate(ctx.now(), ctx.config.timeZone);
    const settings = await settingsOfTeam(ctx.db, r.teamId);
    return {
      ...fullView(r, (await names(ctx, [r]))(r), settings.deviationDeadlines, ctx.now()),
      events: evs.map((e) => ({ at: e.at.toISOString(), byName: e.byName, step: e.step, data: e.data })),
      lexSarah: ls && actor.role === 'unit_manager' ? {
        id: ls.id, state: ls.state, reportedAt: ls.reportedAt.toISOString(), report: ls.report,
        investigation: ls.investigation ?? null, decision: ls.decision ?? null, ivoNotification: ls.ivoNotification ?? null, closed: ls.closed ?? null,
        overdue: lexSarahOverdue(lexSarahRecordOf(ls), settings.lexSarahDeadlines, today),
      } : null,
    };
  });

  api.post('/api/deviations/:deviationId/steps', {
    schema: {
      tags: ['deviations'],
      summary: 'Take the next step: investigated, actions_decided, client_told (how, when, by whom), closed. Closing before the client was told answers 409',
      params: z.object({ deviationId: id }),
      body: deviationStepInput,
      response: { 200: z.object({ id, state: z.string() }), ...errors, 409: errors[400], 422: errors[400] },
    },
  }, async (request) => {
    const { actor, displayName } = sessionOf(request);
    const r = (await ctx.db.select().from(deviations).where(eq(deviations.id, request.params.deviationId)))[0];
    if (!r) throw notFound('The deviation');
    await authorizeDeviation(ctx, request, actor, r, 'write');
    const step = request.body.step;
    if (!mayTakeDeviationStep(actor.role, step)) throw forbidden(`Your role may not take the step ${step}.`);
    const now = ctx.now();
    const by = displayName;
    const after = advanceDeviation(toRecord(r), request.body, by, now.toISOString());
    await ctx.db.transaction(async (tx) => {
      await saveStep(tx, r.id, after, { at: now, userId: actor.userId, byName: by, step, data: { ...request.body } });
    });
    return { id: r.id, state: after.state };
  });

  api.get('/api/units/:unitId/deviations/overdue', {
    schema: {
      tags: ['deviations'],
      summary: "The unit's open deviations with an overdue step, lex Sarah cases past a deadline, and improvements due for study",
      params: z.object({ unitId: id }),
      response: {
        200: z.object({
          deviations: z.array(deviationView),
          lexSarah: z.array(z.object({ id, deviationId: id, state: z.string(), overdue: z.object({ step: z.string(), dueOn: z.string() }) })),
          improvementsDue: z.array(z.object({ id, title: z.string(), studyOn: z.string(), state: z.string() })),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    await authorizeUnit(ctx, actor, request.params.unitId);
    const now = ctx.now();
    const today = localDate(now, ctx.config.timeZone);
    const teamIds = (await ctx.db.select({ id: teams.id }).from(teams).where(eq(teams.unitId, request.params.unitId))).map((t) => t.id);
    const open = teamIds.length === 0 ? [] : await ctx.db.select().from(deviations)
      .where(and(inArray(deviations.teamId, teamIds), inArray(deviations.state, ['reported', 'investigated', 'actions_decided', 'client_told'])))
      .orderBy(asc(deviations.reportedAt));
    const { settings } = await settingsOfUnit(ctx.db, request.params.unitId);
    const late = open.filter((r) => overdueStep(toRecord(r), settings.deviationDeadlines, now.toISOString()) !== null);
    const shown = await filterAndLogClients(ctx, request, actor, late.map((r) => r.clientId), 'deviations');
    const visible = late.filter((r) => shown.has(r.clientId));
    const nameOf = await names(ctx, visible);
    const ls = open.length === 0 ? [] : await ctx.db.select().from(lexSarahReports).where(inArray(lexSarahReports.deviationId, open.map((o) => o.id)));
    const imps = await ctx.db.select().from(improvements).where(eq(improvements.unitId, request.params.unitId));
    return {
      deviations: visible.map((r) => fullView(r, nameOf(r), settings.deviationDeadlines, now)),
      lexSarah: ls.flatMap((l) => {
        const overdue = lexSarahOverdue(lexSarahRecordOf(l), settings.lexSarahDeadlines, today);
        return overdue ? [{ id: l.id, deviationId: l.deviationId, state: l.state, overdue }] : [];
      }),
      improvementsDue: imps.filter((i) => studyDue({ state: i.state as never, studyOn: i.studyOn }, today))
        .map((i) => ({ id: i.id, title: i.title, studyOn: i.studyOn, state: i.state })),
    };
  });

  api.get('/api/units/:unitId/deviations/learning', {
    schema: {
      tags: ['deviations'],
      summary: "The learning view: the unit's deviations counted by ISO week, team and type (no client names)",
      params: z.object({ unitId: id }),
      querystring: z.object({ from: isoDate, to: isoDate }).strict()
        .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
        .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= 366, { message: 'at most a year', path: ['to'] }),
      response: {
        200: z.object({
          rows: z.array(z.object({ week: z.string(), teamId: id, teamName: z.string(), type: z.string(), count: z.number() })),
          byType: z.record(z.string(), z.number()),
          byTeam: z.array(z.object({ teamId: id, teamName: z.string(), count: z.number() })),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    await authorizeUnit(ctx, actor, request.params.unitId);
    const ts = await ctx.db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.unitId, request.params.unitId));
    const rows = ts.length === 0 ? [] : await ctx.db.select({ type: deviations.type, teamId: deviations.teamId, occurredAt: deviations.occurredAt })
      .from(deviations).where(inArray(deviations.teamId, ts.map((t) => t.id)));
    const items = rows.map((r) => ({ type: r.type, teamId: r.teamId, date: localDate(r.occurredAt, ctx.config.timeZone) }))
      .filter((i) => i.date >= request.query.from && i.date <= request.query.to);
    const tn = new Map(ts.map((t) => [t.id, t.name]));
    const summary = learningSummary(items);
    const byType: Record<string, number> = {};
    for (const i of items) byType[i.type] = (byType[i.type] ?? 0) + 1;
    return {
      rows: summary.map((r) => ({ ...r, teamName: tn.get(r.teamId) ?? '' })),
      byType,
      byTeam: ts.map((t) => ({ teamId: t.id, teamName: t.name, count: items.filter((i) => i.teamId === t.id).length })),
    };
  });
}
