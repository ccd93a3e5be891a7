// The board's missed-visit follow-up: possibly missed and late visits of a team's day (detected on
// opening), and settling a visit: done after all with the real time, or missed with a reason (which
// opens a deviation). A visit found missed after its month was invoiced is credited on the next run.
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { id, isoDate, reportSource, settleVisit, settleVisitInput, type Severity } from '@tillit/domain';
import type { AppContext } from '../context.js';
import { clients, staff, visits } from '../db/schema.js';
import { visitFlags } from '../db/schema-follow-up.js';
import { authorizeClient, authorizeTeam, filterAndLogClients } from '../access/guard.js';
import { notFound } from '../errors/problem.js';
import { sessionOf } from '../app.js';
import { insertDeviation } from '../services/deviations.js';
import { settingsOfTeam } from '../services/follow-up-settings.js';
import { localInstant, localNow } from '../services/local-time.js';
import { detectMissedVisits } from '../services/missed-visit-detection.js';
import { type Api, errors } from './api.js';

const flagView = z.object({
  visitId: id, kind: z.enum(['possibly_missed', 'late']), clientId: id, clientName: z.string(), title: z.string(),
  date: z.string(), windowStart: z.string(), windowEnd: z.string(), plannedStart: z.string().nullable(),
  staff: z.array(z.string()), status: z.string(), actualStart: z.string().nullable(),
  detectedAt: z.string(), settledAt: z.string().nullable(), outcome: z.string().nullable(), deviationId: id.nullable(),
});

export function visitFollowUpRoutes(api: Api, ctx: AppContext): void {
  api.get('/api/teams/:teamId/days/:date/missed-visit-flags', {
    schema: {
      tags: ['missed visits'],
      summary: "The board's alerts: visits of the day possibly missed (not marked done in time after the window) or late; runs the detection first",
      params: z.object({ teamId: id, date: isoDate }),
      response: { 200: z.object({ date: z.string(), items: z.array(flagView), openEarlier: z.number() }), ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { teamId, date } = request.params;
    await authorizeTeam(ctx, actor, teamId, 'read');
    const now = ctx.now();
    const local = localNow(now, ctx.config.timeZone);
    await detectMissedVisits(ctx.db, local, now, (await settingsOfTeam(ctx.db, teamId)).missedVisits, { teamId, to: date });
    const rows = await ctx.db.select({ f: visitFlags, v: visits }).from(visitFlags).innerJoin(visits, eq(visits.id, visitFlags.visitId))
      .where(and(eq(visitFlags.teamId, teamId), eq(visitFlags.date, date))).orderBy(asc(visits.windowStart));
    const earlier = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(visitFlags)
      .where(and(eq(visitFlags.teamId, teamId), lt(visitFlags.date, date), isNull(visitFlags.settledAt)));
    const cs = rows.length === 0 ? [] : await ctx.db.select().from(clients).where(inArray(clients.id, [...new Set(rows.map((r) => r.v.clientId))]));
    const shown = await filterAndLogClients(ctx, request, actor, cs.map((c) => c.id), 'visits');
    const staffIds = [...new Set(rows.flatMap((r) => r.v.staffIds))];
    const people = staffIds.length === 0 ? [] : await ctx.db.select().from(staff).where(inArray(staff.id, staffIds));
    const who = new Map(people.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
    const cn = new Map(cs.map((c) => [c.id, `${c.firstName} ${c.lastName}`]));
    return {
      date,
      openEarlier: Number(earlier[0]?.n ?? 0),
      items: rows.filter((r) => shown.has(r.v.clientId)).map(({ f, v }) => ({
        visitId: v.id, kind: f.kind, clientId: v.clientId, clientName: cn.get(v.clientId) ?? '', title: v.title, date: v.date,
        windowStart: v.windowStart, windowEnd: v.windowEnd, plannedStart: v.plannedStart, staff: v.staffIds.map((s) => who.get(s) ?? ''),
        status: v.status, actualStart: v.actualStart, detectedAt: f.detectedAt.toISOString(), settledAt: f.settledAt?.toISOString() ?? null,
        outcome: f.outcome, deviationId: f.deviationId,
      })),
    };
  });

  api.post('/api/visits/:visitId/settle', {
    schema: {
      tags: ['missed visits'],
      summary: 'Settle a visit: done after all (real time), missed (reason; opens a deviation; credited if already invoiced), or late (reason; opens a deviation)',
      params: z.object({ visitId: id }),
      body: settleVisitInput,
      response: { 200: z.object({ visitId: id, status: z.string(), deviationId: id.nullable() }), ...errors, 409: errors[400], 422: errors[400] },
    },
  }, async (request) => {
    const { actor, displayName } = sessionOf(request);
    const v = (await ctx.db.select().from(visits).where(eq(visits.id, request.params.visitId)))[0];
    if (!v) throw notFound('The visit');
    // Refusals about a visit outside the actor's scope name the visit, not the client.
    await authorizeClient(ctx, request, actor, v.clientId, 'visits', 'write').catch((e: unknown) => {
      throw (e as { code?: string }).code === 'not-found' ? notFound('The visit') : e;
    });
    const now = ctx.now();
    const local = localNow(now, ctx.config.timeZone);
    const s = settleVisit(v, request.body, local, (await settingsOfTeam(ctx.db, v.teamId)).missedVisits);
    const flags = await ctx.db.select().from(visitFlags).where(eq(visitFlags.visitId, v.id));
    const deviationId = await ctx.db.transaction(async (tx) => {
      await tx.update(visits).set({
        status: s.status, actualStart: s.actualStart, actualEnd: s.actualEnd, missedReason: s.missedReason,
        ...(s.status === 'done' && v.status !== 'done' ? { recordedBy: actor.userId, recordedAt: now } : {}),
        version: sql`${visits.version} + 1`, updatedAt: now,
      }).where(eq(visits.id, v.id));
      let devId: string | null = null;
      if (s.deviation) {
        const flagged = flags.some((f) => f.kind === (s.deviation!.type === 'missed_visit' ? 'possibly_missed' : 'late'));
        devId = await insertDeviation(tx, {
          clientId: v.clientId, teamId: v.teamId, visitId: v.id, type: s.deviation.type,
          severity: (s.deviation.type === 'missed_visit' ? 'moderate' : 'low') as Severity,
          // Found by Tillit's detection, or by a person afterwards (a complaint, a check of the list).
          source: flagged ? 'automatic' : reportSource(actor.role) ?? 'staff',
          occurredAt: localInstant(v.date, v.windowStart, ctx.config.timeZone), reportedAt: now,
          reportedBy: actor.userId, reportedByName: displayName, description: s.deviation.description, immediateActions: '',
        });
      }
      const outcome = request.body.outcome;
      for (const f of flags) {
        if (f.settledAt) continue;
        await tx.update(visitFlags).set({ settledAt: now, settledBy: actor.userId, outcome, deviationId: devId })
          .where(and(eq(visitFlags.visitId, f.visitId), eq(visitFlags.kind, f.kind)));
      }
      return devId;
    });
    return { visitId: v.id, status: s.status, deviationId };
  });
}
