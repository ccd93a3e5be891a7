// The settings the follow-up rules take as arguments: each unit's own figures (table
// unit_follow_up_settings, changed by the unit's manager or an administrator), else the domain's
// defaults. Rules and routes receive the settings; they never read the table themselves.
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import {
  defaultDeviationDeadlines, defaultLexSarahDeadlines, defaultMissedVisitSettings, deviationDeadlineSettings, lexSarahDeadlineSettings,
  missedVisitSettings, type DeviationDeadlineSettings, type LexSarahDeadlineSettings, type MissedVisitSettings,
} from '@tillit/domain';
import type { Db } from '../db/connection.js';
import { teams } from '../db/schema.js';
import { unitFollowUpSettings } from '../db/schema-follow-up.js';

export interface FollowUpSettings {
  missedVisits: MissedVisitSettings;
  deviationDeadlines: DeviationDeadlineSettings;
  lexSarahDeadlines: LexSarahDeadlineSettings;
  /** The assessor's list: delivered below (1 − x) or above (1 + x) of granted. */
  followUpDeviationShare: number;
}

/** The figures of a unit that has not set its own. */
export const followUpSettings: FollowUpSettings = {
  missedVisits: defaultMissedVisitSettings,
  deviationDeadlines: defaultDeviationDeadlines,
  lexSarahDeadlines: defaultLexSarahDeadlines,
  followUpDeviationShare: 0.25,
};

/** A unit's settings as the API reads and writes them; every part is required, so a unit states all its figures. */
export const followUpSettingsInput = z.object({
  missedVisits: missedVisitSettings.strict(),
  deviationDeadlines: deviationDeadlineSettings.strict(),
  lexSarahDeadlines: lexSarahDeadlineSettings.strict(),
  followUpDeviationShare: z.number().min(0.05).max(1),
}).strict().superRefine((s, ctx) => {
  // The steps follow each other, so their deadlines (hours from the report) may not go backwards.
  const steps = ['investigated', 'actions_decided', 'client_told', 'closed'] as const;
  for (const severity of ['low', 'moderate', 'serious'] as const) {
    for (let i = 1; i < steps.length; i++) {
      const [before, step] = [steps[i - 1]!, steps[i]!];
      if (s.deviationDeadlines[severity][step] < s.deviationDeadlines[severity][before]) {
        ctx.addIssue({ code: 'custom', path: ['deviationDeadlines', severity, step], message: `${step} must not be due before ${before}` });
      }
    }
  }
});

type Row = typeof unitFollowUpSettings.$inferSelect;
const fromRow = (r: Row): FollowUpSettings => ({
  missedVisits: { possiblyMissedAfterMin: r.possiblyMissedAfterMin, lateAfterMin: r.lateAfterMin },
  deviationDeadlines: r.deviationDeadlines,
  lexSarahDeadlines: r.lexSarahDeadlines,
  followUpDeviationShare: r.followUpDeviationShare,
});

/** @returns each unit's settings (the defaults for units without their own), keyed by unit id. */
export async function settingsOfUnits(db: Db, unitIds: readonly string[]): Promise<Map<string, FollowUpSettings>> {
  const ids = [...new Set(unitIds)];
  const rows = ids.length === 0 ? [] : await db.select().from(unitFollowUpSettings).where(inArray(unitFollowUpSettings.unitId, ids));
  const own = new Map(rows.map((r) => [r.unitId, fromRow(r)]));
  return new Map(ids.map((id) => [id, own.get(id) ?? followUpSettings]));
}

/** @returns the unit's settings, and whether they are its own or the defaults. */
export async function settingsOfUnit(db: Db, unitId: string): Promise<{ settings: FollowUpSettings; own: boolean; updatedAt: Date | null }> {
  const r = (await db.select().from(unitFollowUpSettings).where(eq(unitFollowUpSettings.unitId, unitId)))[0];
  return r ? { settings: fromRow(r), own: true, updatedAt: r.updatedAt } : { settings: followUpSettings, own: false, updatedAt: null };
}

/** @returns the settings of each team's unit, keyed by team id. */
export async function settingsOfTeams(db: Db, teamIds: readonly string[]): Promise<Map<string, FollowUpSettings>> {
  const ids = [...new Set(teamIds)];
  const rows = ids.length === 0 ? [] : await db.select({ id: teams.id, unitId: teams.unitId }).from(teams).where(inArray(teams.id, ids));
  const byUnit = await settingsOfUnits(db, rows.map((r) => r.unitId));
  const unitOf = new Map(rows.map((r) => [r.id, r.unitId]));
  return new Map(ids.map((id) => [id, byUnit.get(unitOf.get(id) ?? '') ?? followUpSettings]));
}

/** @returns the settings of the team's unit. */
export async function settingsOfTeam(db: Db, teamId: string): Promise<FollowUpSettings> {
  return (await settingsOfTeams(db, [teamId])).get(teamId) ?? followUpSettings;
}

/** Store a unit's own settings (replacing earlier ones). */
export async function saveUnitSettings(db: Db, unitId: string, s: FollowUpSettings, by: string, at: Date): Promise<void> {
  const values = {
    possiblyMissedAfterMin: s.missedVisits.possiblyMissedAfterMin, lateAfterMin: s.missedVisits.lateAfterMin,
    deviationDeadlines: s.deviationDeadlines, lexSarahDeadlines: s.lexSarahDeadlines, followUpDeviationShare: s.followUpDeviationShare,
    updatedAt: at, updatedBy: by,
  };
  await db.insert(unitFollowUpSettings).values({ unitId, ...values }).onConflictDoUpdate({ target: unitFollowUpSettings.unitId, set: values });
}
