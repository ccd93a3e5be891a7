// A client's record: profile, key facts, care plan, visits, decisions and who read it.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import { z } from 'zod';
import {
  carePlanVisit, clientAccess, coordinates, DomainError, grantedService, id, isoDate, languageCode,
} from '@tillit/domain';
import type { AppContext } from '../context.js';
import { localDate } from '../context.js';
import {
  accessLog, carePlanVisits, carePlans, clients, decisions, relatives, staff, teams, users, visits,
} from '../db/schema.js';
import { accessFacts, authorizeClient, authorizeClientParts, filterAndLogClients, loadClientScopes } from '../access/guard.js';
import { notFound } from '../errors/problem.js';
import { sessionOf } from '../app.js';
import { ensureClientDaysGenerated } from '../services/visit-generation.js';
import { type Api, errors } from './api.js';
import { visitView, toVisitView } from './views.js';

const clientParams = z.object({ clientId: id });

const staffRef = z.object({ id, firstName: z.string(), lastName: z.string(), title: z.string() });

const clientSummary = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  teamId: id,
  teamName: z.string(),
  languages: z.array(z.string()),
  fixedContact: staffRef.nullable(),
});

const relativeView = z.object({
  id, name: z.string(), relation: z.string(), phone: z.string().nullable(), email: z.string().nullable(),
  consent: z.boolean(),
});

const clientDetail = clientSummary.extend({
  birthYear: z.number(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  location: coordinates,
  phone: z.string().nullable(),
  notificationChannel: z.string(),
  teamPhone: z.string(),
  /** Present only for roles that may read key facts. */
  keyFacts: z.string().optional(),
  preferences: z.string().optional(),
  /** Present only for roles that may read relatives. */
  relatives: z.array(relativeView).optional(),
});

async function fixedContacts(ctx: AppContext, ids: (string | null)[]): Promise<Map<string, z.infer<typeof staffRef>>> {
  const wanted = ids.filter((x): x is string => x !== null);
  if (wanted.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: staff.id, firstName: staff.firstName, lastName: staff.lastName, title: staff.title })
    .from(staff)
    .where(inArray(staff.id, [...new Set(wanted)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export function clientRoutes(api: Api, ctx: AppContext): void {
  api.get('/api/clients', {
    schema: {
      tags: ['clients'],
      summary: 'Clients the signed-in user may see (paged)',
      querystring: z.object({
        teamId: id.optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        offset: z.coerce.number().int().min(0).default(0),
      }).strict(),
      response: { 200: z.object({ items: z.array(clientSummary), total: z.number() }), ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { teamId, limit, offset } = request.query;
    const base = ctx.db
      .select({ c: clients, teamName: teams.name })
      .from(clients)
      .innerJoin(teams, eq(teams.id, clients.teamId));
    const scopedTeam = teamId ?? (actor.role === 'coordinator' || actor.role === 'staff' ? actor.teamId ?? undefined : undefined);
    const candidates = await (scopedTeam ? base.where(eq(clients.teamId, scopedTeam)) : base).orderBy(asc(clients.lastName), asc(clients.firstName));
    // Filter by policy first, then page, so totals never count clients the user may not see.
    const scopes = await loadClientScopes(ctx.db, candidates.map((r) => r.c.id));
    const facts = await accessFacts(ctx, actor, scopes.values());
    const visible = candidates.filter((r) => {
      const s = scopes.get(r.c.id);
      return s !== undefined && clientAccess(actor, s, 'profile', 'read', facts).allowed;
    });
    const page = visible.slice(offset, offset + limit);
    await filterAndLogClients(ctx, request, actor, page.map((r) => r.c.id), 'profile');
    const contacts = await fixedContacts(ctx, page.map((r) => r.c.fixedContactStaffId));
    return {
      total: visible.length,
      items: page.map((r) => ({
        id: r.c.id, firstName: r.c.firstName, lastName: r.c.lastName, teamId: r.c.teamId, teamName: r.teamName,
        languages: r.c.languages,
        fixedContact: r.c.fixedContactStaffId ? contacts.get(r.c.fixedContactStaffId) ?? null : null,
      })),
    };
  });

  api.get('/api/clients/:clientId', {
    schema: {
      tags: ['clients'],
      summary: "A client's profile, with key facts and relatives where the role may see them",
      params: clientParams,
      response: { 200: clientDetail, ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { clientId } = request.params;
    const { readable } = await authorizeClientParts(ctx, request, actor, clientId, 'profile', 'read', ['keyFacts', 'relatives']);
    const row = (await ctx.db.select({ c: clients, t: teams }).from(clients).innerJoin(teams, eq(teams.id, clients.teamId)).where(eq(clients.id, clientId)))[0];
    if (!row) throw notFound('The client');
    const { c, t } = row;
    const contacts = await fixedContacts(ctx, [c.fixedContactStaffId]);
    const detail: z.infer<typeof clientDetail> = {
      id: c.id, firstName: c.firstName, lastName: c.lastName, teamId: c.teamId, teamName: t.name, teamPhone: t.phone,
      languages: c.languages,
      fixedContact: c.fixedContactStaffId ? contacts.get(c.fixedContactStaffId) ?? null : null,
      birthYear: c.birthYear, street: c.street, postalCode: c.postalCode, city: c.city,
      location: { lat: c.lat, lon: c.lon }, phone: c.phone, notificationChannel: c.notificationChannel,
    };
    if (readable.has('keyFacts')) {
      detail.keyFacts = c.keyFacts;
      detail.preferences = c.preferences;
    }
    if (readable.has('relatives')) {
      const rs = await ctx.db.select().from(relatives).where(eq(relatives.clientId, clientId)).orderBy(asc(relatives.name));
      detail.relatives = rs.map((r) => ({
        id: r.id, name: r.name, relation: r.relation, phone: r.phone, email: r.email,
        consent: r.consentGivenAt !== null && r.consentWithdrawnAt === null,
      }));
    }
    return detail;
  });

  api.patch('/api/clients/:clientId', {
    schema: {
      tags: ['clients'],
      summary: "Change a client's contact details, languages, fixed contact or key facts",
      params: clientParams,
      body: z.object({
        phone: z.string().max(40).nullable().optional(),
        languages: z.array(languageCode).min(1).max(10).optional(),
        fixedContactStaffId: id.nullable().optional(),
        notificationChannel: z.enum(['sms', 'email', 'none']).optional(),
        keyFacts: z.string().max(4000).optional(),
        preferences: z.string().max(4000).optional(),
      }).strict().refine((b) => Object.keys(b).length > 0, { message: 'name at least one field to change' }),
      response: { 200: z.object({ id, updatedAt: z.string() }), ...errors, 422: errors[400] },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { clientId } = request.params;
    const body = request.body;
    const touchesProfile = ['phone', 'languages', 'fixedContactStaffId', 'notificationChannel'].some((k) => k in body);
    const touchesFacts = 'keyFacts' in body || 'preferences' in body;
    const scope = await authorizeClient(ctx, request, actor, clientId, touchesProfile ? 'profile' : 'keyFacts', 'write');
    if (touchesProfile && touchesFacts) await authorizeClient(ctx, request, actor, clientId, 'keyFacts', 'write');
    if (body.fixedContactStaffId) {
      const s = (await ctx.db.select().from(staff).where(eq(staff.id, body.fixedContactStaffId)))[0];
      if (!s || s.teamId !== scope.teamId) {
        throw new DomainError('staff-not-in-team', "The fixed contact must be a member of the client's team.", '/body/fixedContactStaffId');
      }
      // SoL 4 kap 2 b §: since 1 July 2023 only an undersköterska may be the fixed care contact.
      if (s.title !== 'underskoterska') {
        throw new DomainError('fixed-contact-not-qualified', 'Only an undersköterska may be a fixed care contact.', '/body/fixedContactStaffId');
      }
    }
    const updatedAt = ctx.now();
    await ctx.db.update(clients).set({ ...body, updatedAt }).where(eq(clients.id, clientId));
    return { id: clientId, updatedAt: updatedAt.toISOString() };
  });

  api.get('/api/clients/:clientId/visits', {
    schema: {
      tags: ['clients'],
      summary: "A client's visits between two dates (at most 62 days)",
      params: clientParams,
      querystring: z.object({ from: isoDate, to: isoDate }).strict()
        .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
        .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= 62, { message: 'at most 62 days', path: ['to'] }),
      response: { 200: z.object({ items: z.array(visitView) }), ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { clientId } = request.params;
    const { from, to } = request.query;
    const scope = await authorizeClient(ctx, request, actor, clientId, 'visits', 'read');
    await ensureClientDaysGenerated(ctx, clientId, scope.teamId, from, to, localDate(ctx.now(), ctx.config.timeZone));
    const rows = await ctx.db.select().from(visits)
      .where(and(eq(visits.clientId, clientId), gte(visits.date, from), lte(visits.date, to)))
      .orderBy(asc(visits.date), asc(visits.windowStart));
    return { items: await toVisitView(ctx, rows) };
  });

  api.get('/api/clients/:clientId/care-plan', {
    schema: {
      tags: ['clients'],
      summary: "A client's care plan (genomförandeplan)",
      params: clientParams,
      response: {
        200: z.object({ id, decisionId: id.nullable(), summary: z.string(), updatedAt: z.string(), visits: z.array(carePlanVisit) }),
        ...errors,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { clientId } = request.params;
    await authorizeClient(ctx, request, actor, clientId, 'carePlan', 'read');
    const plan = (await ctx.db.select().from(carePlans).where(eq(carePlans.clientId, clientId)))[0];
    if (!plan) throw notFound('The care plan');
    const vs = await ctx.db.select().from(carePlanVisits).where(eq(carePlanVisits.carePlanId, plan.id)).orderBy(asc(carePlanVisits.windowStart));
    return {
      id: plan.id, decisionId: plan.decisionId, summary: plan.summary, updatedAt: plan.updatedAt.toISOString(),
      visits: vs.map((v) => ({
        id: v.id, title: v.title, serviceType: v.serviceType as never, weekdays: v.weekdays, windowStart: v.windowStart,
        windowEnd: v.windowEnd, durationMin: v.durationMin, tasks: v.tasks, skills: v.skills as never,
        staffCount: v.staffCount as 1 | 2, videoAllowed: v.videoAllowed, intervalWeeks: v.intervalWeeks, weekAnchor: v.weekAnchor,
      })),
    };
  });

  api.post('/api/clients/:clientId/care-plan/visits', {
    schema: {
      tags: ['clients'],
      summary: 'Add a recurring visit to the care plan',
      params: clientParams,
      body: carePlanVisit.omit({ id: true }).strict()
        .refine((v) => v.windowStart < v.windowEnd, { message: 'windowEnd must be after windowStart', path: ['windowEnd'] })
        .refine((v) => new Set(v.weekdays).size === v.weekdays.length, { message: 'weekdays must not repeat', path: ['weekdays'] })
        .refine((v) => (v.intervalWeeks ?? 1) === 1 || Boolean(v.weekAnchor), { message: 'weekAnchor is required when intervalWeeks is more than 1', path: ['weekAnchor'] }),
      response: { 201: z.object({ id }), ...errors },
    },
  }, async (request, reply) => {
    const { actor } = sessionOf(request);
    const { clientId } = request.params;
    await authorizeClient(ctx, request, actor, clientId, 'carePlan', 'write');
    const plan = (await ctx.db.select().from(carePlans).where(eq(carePlans.clientId, clientId)))[0];
    if (!plan) throw notFound('The care plan');
    const newId = randomUUID();
    await ctx.db.transaction(async (tx) => {
      await tx.insert(carePlanVisits).values({ id: newId, carePlanId: plan.id, ...request.body });
      await tx.update(carePlans).set({ updatedAt: ctx.now() }).where(eq(carePlans.id, plan.id));
    });
    return reply.status(201).send({ id: newId });
  });

  api.get('/api/clients/:clientId/decisions', {
    schema: {
      tags: ['clients'],
      summary: "A client's decisions (biståndsbeslut), newest first",
      params: clientParams,
      response: {
        200: z.object({ items: z.array(z.object({ id, decidedAt: z.string(), validFrom: z.string(), validTo: z.string().nullable(), services: z.array(grantedService) })) }),
        ...errors,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { clientId } = request.params;
    await authorizeClient(ctx, request, actor, clientId, 'decisions', 'read');
    const rows = await ctx.db.select().from(decisions).where(eq(decisions.clientId, clientId)).orderBy(desc(decisions.validFrom));
    return { items: rows.map((d) => ({ id: d.id, decidedAt: d.decidedAt, validFrom: d.validFrom, validTo: d.validTo, services: d.services as never })) };
  });

  api.post('/api/clients/:clientId/decisions', {
    schema: {
      tags: ['clients'],
      summary: 'Record a new decision for the client',
      params: clientParams,
      body: z.object({
        decidedAt: isoDate,
        validFrom: isoDate,
        validTo: isoDate.nullable(),
        services: z.array(grantedService.strict()).min(1).max(20),
      }).strict().refine((d) => d.validTo === null || d.validFrom <= d.validTo, { message: 'validTo must not be before validFrom', path: ['validTo'] }),
      response: { 201: z.object({ id }), ...errors },
    },
  }, async (request, reply) => {
    const { actor } = sessionOf(request);
    const { clientId } = request.params;
    await authorizeClient(ctx, request, actor, clientId, 'decisions', 'write');
    const newId = randomUUID();
    await ctx.db.insert(decisions).values({ id: newId, clientId, ...request.body, createdBy: actor.userId });
    return reply.status(201).send({ id: newId });
  });

  api.get('/api/clients/:clientId/access-log', {
    schema: {
      tags: ['clients'],
      summary: "Who read this client's data, newest first (the client's own report, or the unit manager's check)",
      params: clientParams,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }).strict(),
      response: {
        200: z.object({
          items: z.array(z.object({ at: z.string(), who: z.string(), role: z.string(), action: z.string(), what: z.string() })),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { clientId } = request.params;
    // Read the entries before logging this read, so the report shows who came before.
    const rows = await ctx.db
      .select({ at: accessLog.at, who: users.displayName, role: accessLog.role, action: accessLog.action, what: accessLog.what })
      .from(accessLog)
      .leftJoin(users, eq(users.id, accessLog.userId))
      .where(eq(accessLog.clientId, clientId))
      .orderBy(desc(accessLog.id))
      .limit(request.query.limit);
    await authorizeClient(ctx, request, actor, clientId, 'accessLog', 'read');
    return { items: rows.map((r) => ({ at: r.at.toISOString(), who: r.who ?? '(removed user)', role: r.role, action: r.action, what: r.what })) };
  });
}

