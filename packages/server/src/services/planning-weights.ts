// What a team's suggested plans weigh: the planning engine's soft costs, each in minutes of travel,
// and the day's continuity target, a share (table team_planning_weights, set by the team's
// coordinator, the unit manager or an administrator). A team without its own plans with the
// engine's defaults, read from the engine's own schema so the two never drift apart.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { weightsSchema, type Weights } from '@tillit/planner';
import type { Db } from '../db/connection.js';
import { teamPlanningWeights, users } from '../db/schema.js';

export type PlanningWeights = Weights;

/** The engine's defaults: what a team plans with until it sets its own. */
export const defaultPlanningWeights: PlanningWeights = weightsSchema.parse({});

/**
 * The highest value the API accepts for each weight. Beyond these a weight stops being a
 * preference and becomes a rule (a fixed contact worth four hours of driving), or drowns every
 * other weight; a leftover normal visit must stay far cheaper than a must-visit (10⁷ in the engine).
 * The continuity target is a share: all of the visits is the most there is.
 */
export const planningWeightMaxima = {
  travelPerMin: 10,
  notFixedContact: 240,
  continuityTarget: 1,
  notKnownStaff: 240,
  noFirstLanguage: 240,
  noLanguage: 240,
  unfairLoadPerMin: 5,
  movedFromPrevious: 2000,
  slackMin: 30,
  unassignedNormal: 100_000,
} as const satisfies Record<keyof PlanningWeights, number>;

/** What a figure is, where its name does not say (the others are minutes of travel, or per minute). */
const descriptions: Partial<Record<keyof PlanningWeights, string>> = {
  continuityTarget: 'A share from 0 to 1 (0.9 is 90 %), not a percent: of the visits that a fixed contact could do at all, how many the plan '
    + 'should give them; while the day falls short, the engine raises notFixedContact for that day. 0 turns the target off.',
};

const weightFields = Object.fromEntries(Object.entries(planningWeightMaxima).map(([k, max]) => {
  const field = z.number().min(0).max(max);
  const description = descriptions[k as keyof PlanningWeights];
  return [k, description ? field.describe(description) : field];
})) as { [K in keyof PlanningWeights]: z.ZodNumber };

/** The weights as the API answers them. */
export const planningWeightsView = z.object(weightFields);

/** A team's weights as the API takes them: every weight, none unknown. */
export const planningWeightsInput = z.object(weightFields).strict().superRefine((w, ctx) => {
  // Speaking none of the client's languages may not be preferred to speaking another of them.
  if (w.noLanguage < w.noFirstLanguage) {
    ctx.addIssue({ code: 'custom', path: ['noLanguage'], message: `must be at least noFirstLanguage (${w.noFirstLanguage})` });
  }
}, {
  // Checked whenever both are numbers, so it is reported together with other fields' problems.
  when: ({ value }) => {
    const v = value as Record<string, unknown> | null;
    return typeof v?.noLanguage === 'number' && typeof v.noFirstLanguage === 'number';
  },
});

const weightKeys = Object.keys(planningWeightMaxima) as (keyof PlanningWeights)[];
/** The weights of a stored row, without whose they are and when. */
const fromRow = (r: typeof teamPlanningWeights.$inferSelect): PlanningWeights =>
  Object.fromEntries(weightKeys.map((k) => [k, r[k]])) as PlanningWeights;

export interface TeamPlanningWeights {
  weights: PlanningWeights;
  /** False while the team plans with the defaults. */
  own: boolean;
  updatedAt: Date | null;
  /** Who set them last (the display name of the account), when the team has its own. */
  updatedByName: string | null;
}

/** @returns the team's weights, and whether they are its own or the defaults. */
export async function weightsOfTeam(db: Db, teamId: string): Promise<TeamPlanningWeights> {
  const r = (await db.select({ w: teamPlanningWeights, name: users.displayName }).from(teamPlanningWeights)
    .leftJoin(users, eq(users.id, teamPlanningWeights.updatedBy)).where(eq(teamPlanningWeights.teamId, teamId)))[0];
  return r
    ? { weights: fromRow(r.w), own: true, updatedAt: r.w.updatedAt, updatedByName: r.name ?? null }
    : { weights: defaultPlanningWeights, own: false, updatedAt: null, updatedByName: null };
}

/** Store a team's own weights, replacing earlier ones; who and when are kept with them. */
export async function saveTeamWeights(db: Db, teamId: string, w: PlanningWeights, by: string, at: Date): Promise<void> {
  const values = { ...w, updatedAt: at, updatedBy: by };
  await db.insert(teamPlanningWeights).values({ teamId, ...values }).onConflictDoUpdate({ target: teamPlanningWeights.teamId, set: values });
}

/** Forget a team's own weights: it plans with the defaults again. */
export async function resetTeamWeights(db: Db, teamId: string): Promise<void> {
  await db.delete(teamPlanningWeights).where(eq(teamPlanningWeights.teamId, teamId));
}
