import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solve } from './solve.js';
import { checkPlan } from './check/check-plan.js';
import { parseProblem } from './format/schema.js';
import { randomProblem } from './testing/fixtures.js';

describe('every plan the engine returns', () => {
  it('passes the independent checker on random small problems', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 25 }), async (seed, nStaff, nVisits) => {
        const p = randomProblem(seed, nStaff, nVisits);
        const plan = await solve(p, { timeLimitMs: 60, threads: 1, seed });
        const r = checkPlan(parseProblem(p), plan);
        expect(r.violations).toEqual([]);
        // Every visit is accounted for, and every unassigned one has a reason.
        expect(r.metrics.assigned + plan.unassigned.length).toBe(p.visits.length);
        for (const u of plan.unassigned) expect(u.reason.length).toBeGreaterThan(10);
      }),
      { numRuns: 40 },
    );
  });
});
