// Shapes of answers shared by several routes.
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { z } from 'zod';
import { id } from '@tillit/domain';
import type { AppContext } from '../context.js';
import { absences, shifts, staff, type visits } from '../db/schema.js';

export const visitView = z.object({
  id,
  clientId: id,
  teamId: id,
  date: z.string(),
  title: z.string(),
  serviceType: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  durationMin: z.number(),
  skills: z.array(z.string()),
  tasks: z.array(z.string()),
  staffCount: z.number(),
  video: z.boolean(),
  status: z.string(),
  plannedStart: z.string().nullable(),
  staff: z.array(z.object({ id, firstName: z.string(), lastName: z.string() })),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  missedReason: z.string().nullable(),
  /** Bumped on every change: the phone sends it back so a change made elsewhere is a conflict. */
  version: z.number(),
  /** The staff's note on the visit; only where the role may read care notes. */
  note: z.string().nullable().optional(),
});
export type VisitView = z.infer<typeof visitView>;

type VisitRow = typeof visits.$inferSelect;

/**
 * Turn visit rows into answers, naming the assigned staff.
 * @param options.notes - include staff notes (only for roles that may read care notes)
 */
export async function toVisitView(ctx: AppContext, rows: VisitRow[], options: { notes?: boolean } = {}): Promise<VisitView[]> {
  const staffIds = [...new Set(rows.flatMap((r) => r.staffIds))];
  const people = staffIds.length === 0 ? [] : await ctx.db
    .select({ id: staff.id, firstName: staff.firstName, lastName: staff.lastName })
    .from(staff)
    .where(inArray(staff.id, staffIds));
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.map((r) => ({
    id: r.id, clientId: r.clientId, teamId: r.teamId, date: r.date, title: r.title, serviceType: r.serviceType,
    windowStart: r.windowStart, windowEnd: r.windowEnd, durationMin: r.durationMin, skills: r.skills, tasks: r.tasks,
    staffCount: r.staffCount, video: r.video, status: r.status, plannedStart: r.plannedStart,
    staff: r.staffIds.map((s) => byId.get(s)).filter((p): p is NonNullable<typeof p> => p !== undefined),
    actualStart: r.actualStart, actualEnd: r.actualEnd, missedReason: r.missedReason, version: r.version,
    ...(options.notes ? { note: r.note } : {}),
  }));
}

/**
 * A team's members on a day, in first-name order, each with their shift and any absence: the
 * lanes of the team day and of the service group on the board.
 */
export async function teamStaffOnDay(ctx: AppContext, teamId: string, date: string) {
  const people = await ctx.db.select().from(staff).where(eq(staff.teamId, teamId)).orderBy(asc(staff.firstName));
  const ids = people.map((p) => p.id);
  const dayShifts = ids.length === 0 ? [] : await ctx.db.select().from(shifts).where(and(inArray(shifts.staffId, ids), eq(shifts.date, date)));
  const away = ids.length === 0 ? [] : await ctx.db.select().from(absences)
    .where(and(inArray(absences.staffId, ids), lte(absences.fromDate, date), gte(absences.toDate, date)));
  return people.map((p) => {
    const sh = dayShifts.find((s) => s.staffId === p.id);
    const ab = away.find((a) => a.staffId === p.id);
    return {
      id: p.id, firstName: p.firstName, lastName: p.lastName, title: p.title, skills: p.skills, languages: p.languages,
      shift: sh ? { start: sh.start, end: sh.end, breakMin: sh.breakMin } : null,
      absence: ab ? { reason: ab.reason, fromDate: ab.fromDate, toDate: ab.toDate } : null,
    };
  });
}
