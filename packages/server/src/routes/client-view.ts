// What a client (or a consenting relative) sees: the next days' visits as time windows with who
// is coming, what changed since they last looked, their fixed contact, consent, calendar feeds.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import ical from 'ical-generator';
import { DateTime } from 'luxon';
import { addDays, calendarEventText, clientChanges, id, readerLanguage, type ClientVisitState } from '@tillit/domain';
import type { AppContext } from '../context.js';
import { localDate } from '../context.js';
import { clients, dayPlans, relatives, shifts, staff, teams, users, visits } from '../db/schema.js';
import { calendarFeeds, consentEvents, seenVisits } from '../db/schema-client-comms.js';
import { authorizeClient } from '../access/guard.js';
import { logClientAccess } from '../access-log/access-log.js';
import { forbidden, HttpProblem, notFound } from '../errors/problem.js';
import { sessionOf } from '../app.js';
import { ensureClientDaysGenerated } from '../services/visit-generation.js';
import { type Api, errors } from './api.js';

const clientParams = z.object({ clientId: id });
const person = z.object({ firstName: z.string(), initials: z.string(), photoUrl: z.string().nullable(), isFixedContact: z.boolean() });
const change = z.object({ kind: z.enum(['person', 'moved', 'cancelled', 'added']), before: z.array(z.string()).optional(), after: z.array(z.string()).optional() });

const initials = (first: string, last: string) => `${first[0] ?? ''}${last[0] ?? ''}`.toUpperCase();
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function clientViewRoutes(api: Api, ctx: AppContext): void {
  const today = () => localDate(ctx.now(), ctx.config.timeZone);

  api.get('/api/clients/:clientId/week', {
    schema: {
      tags: ['client view'],
      summary: 'Today and the next 7 days: each visit as a time window, who is coming (once the day is published), and what changed since I last looked',
      params: clientParams,
      response: {
        200: z.object({
          from: z.string(),
          team: z.object({ name: z.string(), phone: z.string() }),
          fixedContact: person.extend({ lastName: z.string(), workingDays: z.array(z.object({ date: z.string(), start: z.string(), end: z.string() })) }).nullable(),
          days: z.array(z.object({
            date: z.string(),
            published: z.boolean(),
            visits: z.array(z.object({
              id, windowStart: z.string(), windowEnd: z.string(), title: z.string(), serviceType: z.string(), video: z.boolean(),
              status: z.string(), staff: z.array(person).nullable(), changes: z.array(change),
            })),
          })),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { clientId } = request.params;
    const scope = await authorizeClient(ctx, request, actor, clientId, 'visits', 'read');
    const from = today();
    const to = addDays(from, 7);
    await ensureClientDaysGenerated(ctx, clientId, scope.teamId, from, to, from);
    const c = (await ctx.db.select().from(clients).where(eq(clients.id, clientId)))[0]!;
    const team = (await ctx.db.select().from(teams).where(eq(teams.id, c.teamId)))[0]!;
    const rows = await ctx.db.select().from(visits).where(and(eq(visits.clientId, clientId), gte(visits.date, from), lte(visits.date, to)))
      .orderBy(asc(visits.date), asc(visits.windowStart));
    const teamIds = [...new Set(rows.map((r) => r.teamId))];
    const published = teamIds.length === 0 ? [] : await ctx.db.select().from(dayPlans).where(and(inArray(dayPlans.teamId, teamIds), gte(dayPlans.date, from), lte(dayPlans.date, to)));
    const isPublished = (teamId: string, date: string) => published.some((p) => p.teamId === teamId && p.date === date && p.publishedAt !== null);
    const staffIds = [...new Set([...rows.flatMap((r) => r.staffIds), ...(c.fixedContactStaffId ? [c.fixedContactStaffId] : [])])];
    const people = staffIds.length === 0 ? [] : await ctx.db.select().from(staff).where(inArray(staff.id, staffIds));
    const byId = new Map(people.map((p) => [p.id, p]));
    const personOf = (sid: string) => {
      const p = byId.get(sid);
      return p ? { firstName: p.firstName, initials: initials(p.firstName, p.lastName), photoUrl: p.photoUrl, isFixedContact: sid === c.fixedContactStaffId } : null;
    };
    // Changes since this viewer last looked; staff viewing on the client's behalf leave no mark.
    const tracksSeen = actor.role === 'client' || actor.role === 'relative';
    const seen = tracksSeen && rows.length > 0 ? await ctx.db.select().from(seenVisits).where(and(eq(seenVisits.userId, actor.userId), inArray(seenVisits.visitId, rows.map((r) => r.id)))) : [];
    const seenById = new Map(seen.map((s) => [s.visitId, s.state as ClientVisitState]));
    const days = [];
    const nowSeen: (typeof seenVisits.$inferInsert)[] = [];
    for (let i = 0; i <= 7; i++) {
      const date = addDays(from, i);
      const dayRows = rows.filter((r) => r.date === date);
      const pub = dayRows.length > 0 && dayRows.every((r) => isPublished(r.teamId, date));
      const dayVisits = [];
      for (const r of dayRows) {
        const showStaff = isPublished(r.teamId, date);
        const state: ClientVisitState = {
          visitId: r.id, date: r.date, windowStart: r.windowStart, windowEnd: r.windowEnd, plannedStart: r.plannedStart, status: r.status,
          staffIds: showStaff ? r.staffIds : [], staffNames: showStaff ? r.staffIds.map((s) => byId.get(s)?.firstName ?? '?') : [],
        };
        const before = seenById.get(r.id);
        const changes = before ? clientChanges(before, state) : [];
        if (tracksSeen) nowSeen.push({ userId: actor.userId, visitId: r.id, state, seenAt: ctx.now() });
        dayVisits.push({
          id: r.id, windowStart: r.windowStart, windowEnd: r.windowEnd, title: r.title, serviceType: r.serviceType, video: r.video, status: r.status,
          staff: showStaff ? r.staffIds.map(personOf).filter((p): p is NonNullable<typeof p> => p !== null) : null,
          changes: changes.map((ch) => (ch.kind === 'person' ? { kind: ch.kind, before: [...ch.before], after: [...ch.after] } : { kind: ch.kind })),
        });
      }
      days.push({ date, published: pub, visits: dayVisits });
    }
    // What this viewer has now seen, in one statement.
    if (nowSeen.length > 0) {
      await ctx.db.insert(seenVisits).values(nowSeen)
        .onConflictDoUpdate({ target: [seenVisits.userId, seenVisits.visitId], set: { state: sql`excluded.state`, seenAt: sql`excluded.seen_at` } });
    }
    let fixedContact = null;
    if (c.fixedContactStaffId && byId.get(c.fixedContactStaffId)) {
      const p = byId.get(c.fixedContactStaffId)!;
      const work = await ctx.db.select().from(shifts).where(and(eq(shifts.staffId, p.id), gte(shifts.date, from), lte(shifts.date, to))).orderBy(asc(shifts.date));
      fixedContact = { ...personOf(p.id)!, lastName: p.lastName, workingDays: work.map((w) => ({ date: w.date, start: w.start, end: w.end })) };
    }
    return { from, team: { name: team.name, phone: team.phone }, fixedContact, days };
  });

  api.post('/api/clients/:clientId/relatives/:relativeId/consent', {
    schema: {
      tags: ['client view'],
      summary: "Record the client's consent for a relative to see their visits, or its withdrawal (logged)",
      params: clientParams.extend({ relativeId: id }),
      body: z.object({ given: z.boolean() }).strict(),
      response: { 200: z.object({ consent: z.boolean() }), ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { clientId, relativeId } = request.params;
    await authorizeClient(ctx, request, actor, clientId, 'relatives', 'write');
    const r = (await ctx.db.select().from(relatives).where(eq(relatives.id, relativeId)))[0];
    if (!r || r.clientId !== clientId) throw notFound('The relative');
    const now = ctx.now();
    await ctx.db.transaction(async (tx) => {
      await tx.update(relatives).set(request.body.given ? { consentGivenAt: now, consentWithdrawnAt: null } : { consentWithdrawnAt: now }).where(eq(relatives.id, relativeId));
      await tx.insert(consentEvents).values({ id: randomUUID(), relativeId, clientId, action: request.body.given ? 'given' : 'withdrawn', recordedBy: actor.userId, at: now });
      // Withdrawn consent ends the relative's calendar feeds at once.
      if (!request.body.given) await tx.update(calendarFeeds).set({ revokedAt: now }).where(and(eq(calendarFeeds.relativeId, relativeId), isNull(calendarFeeds.revokedAt)));
    });
    return { consent: request.body.given };
  });

  api.post('/api/clients/:clientId/calendar-feeds', {
    schema: {
      tags: ['client view'],
      summary: 'Make a secret calendar feed (iCalendar) of the planned visits; the URL is shown once',
      params: clientParams,
      response: { 201: z.object({ id, url: z.string() }), ...errors },
    },
  }, async (request, reply) => {
    const { actor } = sessionOf(request);
    const { clientId } = request.params;
    if (actor.role !== 'client' && actor.role !== 'relative') throw forbidden('Calendar feeds are for the client and consenting relatives.');
    await authorizeClient(ctx, request, actor, clientId, 'visits', 'read');
    const token = randomBytes(24).toString('base64url');
    const feedId = randomUUID();
    await ctx.db.insert(calendarFeeds).values({ id: feedId, tokenHash: sha256(token), clientId, relativeId: actor.role === 'relative' ? actor.relativeId ?? null : null, userId: actor.userId });
    const base = `${request.protocol}://${request.host}`;
    return reply.status(201).send({ id: feedId, url: `${base}/api/calendar/${token}.ics` });
  });

  api.get('/api/clients/:clientId/calendar-feeds', {
    schema: {
      tags: ['client view'],
      summary: 'My calendar feeds for this client',
      params: clientParams,
      response: { 200: z.object({ items: z.array(z.object({ id, createdAt: z.string(), revoked: z.boolean() })) }), ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { clientId } = request.params;
    if (actor.role !== 'client' && actor.role !== 'relative') throw forbidden('Calendar feeds are for the client and consenting relatives.');
    await authorizeClient(ctx, request, actor, clientId, 'visits', 'read');
    const rows = await ctx.db.select().from(calendarFeeds).where(and(eq(calendarFeeds.clientId, clientId), eq(calendarFeeds.userId, actor.userId)));
    return { items: rows.map((r) => ({ id: r.id, createdAt: r.createdAt.toISOString(), revoked: r.revokedAt !== null })) };
  });

  api.delete('/api/calendar-feeds/:feedId', {
    schema: { tags: ['client view'], summary: 'Revoke a calendar feed: its URL answers 404 from now on', params: z.object({ feedId: id }), response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    const { actor } = sessionOf(request);
    const feed = (await ctx.db.select().from(calendarFeeds).where(eq(calendarFeeds.id, request.params.feedId)))[0];
    if (!feed || feed.userId !== actor.userId) throw notFound('The calendar feed');
    await ctx.db.update(calendarFeeds).set({ revokedAt: ctx.now() }).where(eq(calendarFeeds.id, feed.id));
    return reply.status(204).send(null);
  });

  api.get('/api/calendar/:token', {
    schema: {
      tags: ['client view'],
      summary: 'The calendar feed (text/calendar); the secret URL is the credential, and every read is access-logged',
      security: [],
      params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}\.ics$/, { message: 'is not a calendar feed address' }) }),
    },
  }, async (request, reply) => {
    const token = request.params.token.replace(/\.ics$/, '');
    const feed = (await ctx.db.select().from(calendarFeeds).where(eq(calendarFeeds.tokenHash, sha256(token))))[0];
    // Revoked, or consent withdrawn since: as if it never existed.
    if (!feed || feed.revokedAt) throw new HttpProblem(404, 'not-found', 'No such calendar.');
    if (feed.relativeId) {
      const r = (await ctx.db.select().from(relatives).where(eq(relatives.id, feed.relativeId)))[0];
      if (!r || !r.consentGivenAt || r.consentWithdrawnAt) throw new HttpProblem(404, 'not-found', 'No such calendar.');
    }
    const owner = (await ctx.db.select().from(users).where(eq(users.id, feed.userId)))[0];
    if (!owner || owner.disabled) throw new HttpProblem(404, 'not-found', 'No such calendar.');
    const from = addDays(today(), -7);
    const to = addDays(today(), 28);
    const rows = await ctx.db.select().from(visits).where(and(eq(visits.clientId, feed.clientId), gte(visits.date, from), lte(visits.date, to)));
    const plans = rows.length === 0 ? [] : await ctx.db.select().from(dayPlans).where(and(inArray(dayPlans.teamId, [...new Set(rows.map((r) => r.teamId))]), gte(dayPlans.date, from), lte(dayPlans.date, to)));
    const names = await ctx.db.select({ id: staff.id, firstName: staff.firstName }).from(staff).where(inArray(staff.id, [...new Set(rows.flatMap((r) => r.staffIds)), '00000000-0000-4000-8000-000000000000']));
    const nameOf = new Map(names.map((n) => [n.id, n.firstName]));
    await logClientAccess(ctx.db, { actor: { userId: owner.id, role: owner.role as never, municipalityId: owner.municipalityId }, clientIds: [feed.clientId], category: 'visits', action: 'read', endpoint: 'GET /api/calendar/:token', requestId: String(request.id) });
    // Times are written as UTC instants (RFC 5545 form 2, "…Z"), which every calendar shows in its
    // own zone. A calendar-wide TZID without a VTIMEZONE block is not valid iCalendar, and
    // ical-generator then prints the server process's local clock, which is UTC in production.
    const cal = ical({ name: 'Hemtjänsten', prodId: { company: 'Tillit', product: 'calendar' } });
    cal.x([['X-WR-TIMEZONE', ctx.config.timeZone]]);
    // In the language the feed's owner reads the client's page in.
    const ownClient = feed.relativeId ? null : (await ctx.db.select({ languages: clients.languages }).from(clients).where(eq(clients.id, feed.clientId)))[0];
    const lang = readerLanguage(owner.locale, ownClient?.languages ?? null);
    for (const r of rows) {
      if (r.status === 'cancelled' || r.status === 'missed') continue;
      const published = plans.some((p) => p.teamId === r.teamId && p.date === r.date && p.publishedAt !== null);
      const names = published ? r.staffIds.map((s) => nameOf.get(s)).filter((n): n is string => !!n) : [];
      // Only what the consent covers: when and who, not what the care is.
      cal.createEvent({
        id: `${r.id}@tillit`,
        start: zoned(r.date, r.windowStart, ctx.config.timeZone),
        end: zoned(r.date, r.windowEnd, ctx.config.timeZone),
        ...calendarEventText(lang, { video: r.video, names, windowStart: r.windowStart, windowEnd: r.windowEnd }),
      });
    }
    return reply.type('text/calendar; charset=utf-8').send(cal.toString());
  });
}

/**
 * The instant of a local date and time in a time zone, by the IANA rules in luxon. On the day
 * summer time starts a time that does not exist (02:30 on the last Sunday of March in Stockholm)
 * moves forward to 03:30 summer time; on the day it ends a time that occurs twice (02:30 on the
 * last Sunday of October) is the second one, in normal time.
 * @param date - YYYY-MM-DD
 * @param time - HH:MM
 * @param timeZone - IANA zone, e.g. Europe/Stockholm
 * @returns the instant
 */
export function zoned(date: string, time: string, timeZone: string): Date {
  const local = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  if (!local.isValid) throw new Error(`not a local time in ${timeZone}: ${date} ${time} (${local.invalidReason})`);
  return local.toJSDate();
}
