// The unit manager's overview: staffing and care delivered per team, as figures, no client names.
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { addDays, id } from '@tillit/domain';
import type { AppContext } from '../context.js';
import { localDate } from '../context.js';
import { absences, clients, staff, teams, units, visits } from '../db/schema.js';
import { forbidden, notFound } from '../errors/problem.js';
import { sessionOf } from '../app.js';
import { type Api, errors } from './api.js';

export function unitRoutes(api: Api, ctx: AppContext): void {
  api.get('/api/units/:unitId/overview', {
    schema: {
      tags: ['units'],
      summary: "A unit's teams with staff, clients, today's visits, absences and missed visits in the last 14 days",
      params: z.object({ unitId: id }),
      response: {
        200: z.object({
          unit: z.object({ id, name: z.string() }),
          date: z.string(),
          teams: z.array(z.object({
            id, name: z.string(), kind: z.string(), staffCount: z.number(), clientCount: z.number(),
            visitsToday: z.number(), absentToday: z.number(), doneLast14: z.number(), missedLast14: z.number(),
          })),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { unitId } = request.params;
    const unit = (await ctx.db.select().from(units).where(eq(units.id, unitId)))[0];
    if (!unit || unit.municipalityId !== actor.municipalityId) throw notFound('The unit');
    if (actor.role !== 'unit_manager' || actor.unitId !== unitId) {
      if (actor.role === 'unit_manager') throw notFound('The unit');
      throw forbidden('Only the unit manager sees the unit overview.');
    }
    const today = localDate(ctx.now(), ctx.config.timeZone);
    const from = addDays(today, -14);
    const ts = await ctx.db.select().from(teams).where(eq(teams.unitId, unitId)).orderBy(asc(teams.name));
    const teamIds = ts.map((t) => t.id);
    if (teamIds.length === 0) return { unit: { id: unit.id, name: unit.name }, date: today, teams: [] };
    const count = sql<number>`count(*)::int`;
    const staffCounts = await ctx.db.select({ teamId: staff.teamId, n: count }).from(staff).where(inArray(staff.teamId, teamIds)).groupBy(staff.teamId);
    const clientCounts = await ctx.db.select({ teamId: clients.teamId, n: count }).from(clients).where(inArray(clients.teamId, teamIds)).groupBy(clients.teamId);
    const visitCounts = (await ctx.db.select({ teamId: visits.teamId, status: visits.status, date: visits.date, n: count })
      .from(visits).where(and(inArray(visits.teamId, teamIds), gte(visits.date, from), lte(visits.date, today)))
      .groupBy(visits.teamId, visits.status, visits.date)).map((v) => ({ ...v, today: v.date === today }));
    const absent = await ctx.db.select({ teamId: staff.teamId, n: count }).from(absences).innerJoin(staff, eq(staff.id, absences.staffId))
      .where(and(inArray(staff.teamId, teamIds), lte(absences.fromDate, today), gte(absences.toDate, today))).groupBy(staff.teamId);
    const n = (rows: { teamId: string; n: number }[], t: string) => Number(rows.find((r) => r.teamId === t)?.n ?? 0);
    return {
      unit: { id: unit.id, name: unit.name },
      date: today,
      teams: ts.map((t) => {
        const vc = visitCounts.filter((v) => v.teamId === t.id);
        const sum = (f: (v: (typeof vc)[number]) => boolean) => vc.filter(f).reduce((a, v) => a + Number(v.n), 0);
        return {
          id: t.id, name: t.name, kind: t.kind,
          staffCount: n(staffCounts, t.id), clientCount: n(clientCounts, t.id),
          visitsToday: sum((v) => v.today && v.status !== 'cancelled'),
          absentToday: n(absent, t.id),
          doneLast14: sum((v) => !v.today && v.status === 'done'),
          missedLast14: sum((v) => !v.today && v.status === 'missed'),
        };
      }),
    };
  });
}
