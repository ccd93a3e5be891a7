// The demo's own day plans, as loaded and published, are valid by the engine's independent
// checker: a coordinator opening any team's board on the first start sees no broken rule
// (travel between visits, breaks, windows, double staffing) in a plan nobody has touched.
import { checkPlan, parsePlan, parseProblem } from '@tillit/planner';
import { addDays } from '@tillit/domain';
import { generateDemo } from '@tillit/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/connection.js';
import { loadDemo, publishDemoDays } from '../src/db/seed.js';
import { loadDay } from '../src/services/planning-problem.js';
import { openTestDatabase } from './databases.js';

describe('the demo municipality as loaded', () => {
  const today = '2026-11-25';
  const demo = generateDemo({ seed: 1, today });
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await loadDemo(database.db, demo);
    await publishDemoDays(database.db, demo, 7, new Date('2026-11-25T06:00:00Z'));
  });
  afterAll(async () => {
    await database?.close();
  });

  // The published week (history is done or missed, not planned).
  for (const date of [0, 1, 2, 3, 4, 5, 6].map((d) => addDays(today, d))) {
    it(`has a valid plan for every team on ${date}`, async () => {
      const broken: string[] = [];
      let assigned = 0;
      for (const team of demo.teams) {
        const day = await loadDay(database.db, team.id, date);
        const result = checkPlan(parseProblem(day.problem), parsePlan(day.currentPlan));
        assigned += result.metrics.assigned;
        if (!result.valid) broken.push(`${team.name}: ${result.violations.slice(0, 3).join('; ')}`);
      }
      expect(broken).toEqual([]);
      expect(assigned).toBeGreaterThan(200);
    });
  }
});
