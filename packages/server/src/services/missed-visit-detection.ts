// The missed-visit detection run: flags planned visits not marked done in time (possibly missed)
// and visits started well after their window (late), so the team settles them on the board.
// Idempotent: a visit is flagged once per kind. The server calls it when a board is opened, and the
// scheduled job `missed-visit-detection` (jobs/scheduled.ts) every five minutes on published days.
import { and, eq, gte, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import { addDays, visitFlag, type LocalNow, type MissedVisitSettings } from '@tillit/domain';
import type { Db } from '../db/connection.js';
import { dayPlans, visits } from '../db/schema.js';
import { visitFlags } from '../db/schema-follow-up.js';

export interface DetectionScope {
  teamId?: string;
  /** Only visits on these dates (default: the last 14 days up to today). */
  from?: string;
  to?: string;
}

/**
 * @param now - the local date and minute
 * @param detectedAt - the instant to record
 * @returns how many new flags of each kind were raised
 */
export async function detectMissedVisits(
  db: Db, now: LocalNow, detectedAt: Date, settings: MissedVisitSettings, scope: DetectionScope = {},
): Promise<{ possiblyMissed: number; late: number }> {
  const from = scope.from ?? addDays(now.date, -14);
  const to = scope.to && scope.to < now.date ? scope.to : now.date;
  if (from > to) return { possiblyMissed: 0, late: 0 };
  const conds = [gte(visits.date, from), lte(visits.date, to), or(eq(visits.status, 'planned'), eq(visits.status, 'done'))];
  if (scope.teamId) conds.push(eq(visits.teamId, scope.teamId));
  // A possibly missed visit that staff have since recorded (done) needs no settling any more.
  await db.execute(sql`UPDATE visit_flag SET settled_at = ${detectedAt.toISOString()}::timestamptz, outcome = v.status
    FROM visit v WHERE v.id = visit_flag.visit_id AND visit_flag.kind = 'possibly_missed' AND visit_flag.settled_at IS NULL
    AND v.status <> 'planned' AND visit_flag.date BETWEEN ${from}::date AND ${to}::date
    ${scope.teamId ? sql`AND visit_flag.team_id = ${scope.teamId}::uuid` : sql``}`);
  const rows = await db.select({
    id: visits.id, teamId: visits.teamId, date: visits.date, windowStart: visits.windowStart, windowEnd: visits.windowEnd,
    status: visits.status, actualStart: visits.actualStart,
  }).from(visits).where(and(...conds));
  const found = rows.flatMap((v) => {
    const kind = visitFlag(v, now, settings);
    return kind ? [{ visitId: v.id, kind, teamId: v.teamId, date: v.date, detectedAt }] : [];
  });
  if (found.length === 0) return { possiblyMissed: 0, late: 0 };
  const existing = await db.select({ visitId: visitFlags.visitId, kind: visitFlags.kind }).from(visitFlags)
    .where(inArray(visitFlags.visitId, [...new Set(found.map((f) => f.visitId))]));
  const seen = new Set(existing.map((e) => `${e.visitId}|${e.kind}`));
  const fresh = found.filter((f) => !seen.has(`${f.visitId}|${f.kind}`));
  for (let i = 0; i < fresh.length; i += 500) await db.insert(visitFlags).values(fresh.slice(i, i + 500)).onConflictDoNothing();
  return {
    possiblyMissed: fresh.filter((f) => f.kind === 'possibly_missed').length,
    late: fresh.filter((f) => f.kind === 'late').length,
  };
}

/**
 * The scheduled run: detection for every team whose day is published, today and yesterday (an
 * evening visit's grace may run past midnight). Unpublished days are still being planned, so
 * nothing on them is missed yet.
 * @param now - the local date and minute
 * @param detectedAt - the instant to record
 * @param settingsOf - the settings of a team (its unit's)
 * @returns the teams looked at and how many new flags of each kind were raised
 */
export async function detectMissedVisitsOnPublishedDays(
  db: Db, now: LocalNow, detectedAt: Date, settingsOf: (teamId: string) => Promise<MissedVisitSettings>,
): Promise<{ teams: number; possiblyMissed: number; late: number }> {
  const from = addDays(now.date, -1);
  const days = await db.select({ teamId: dayPlans.teamId, date: dayPlans.date }).from(dayPlans)
    .where(and(gte(dayPlans.date, from), lte(dayPlans.date, now.date), isNotNull(dayPlans.publishedAt)));
  const total = { teams: new Set(days.map((d) => d.teamId)).size, possiblyMissed: 0, late: 0 };
  for (const d of days) {
    const r = await detectMissedVisits(db, now, detectedAt, await settingsOf(d.teamId), { teamId: d.teamId, from: d.date, to: d.date });
    total.possiblyMissed += r.possiblyMissed;
    total.late += r.late;
  }
  return total;
}
