import { describe, expect, it } from 'vitest';
import { compileProblem } from './from-problem.js';
import { parseProblem } from '../format/schema.js';
import { twoStaffDay } from '../testing/fixtures.js';

/** twoStaffDay with a third staff member and the double-staffed v2 given a fixed contact and a language. */
function day() {
  const p = twoStaffDay();
  const v2 = { ...p.visits[1]!, fixedContact: 'anna', languages: ['fi', 'sv'] };
  return parseProblem({
    ...p,
    staff: [...p.staff, { ...p.staff[0]!, id: 'cai', languages: ['sv'] }],
    visits: [p.visits[0]!, v2, ...p.visits.slice(2)],
    weights: { notKnownStaff: 0 },
  });
}

describe('soft costs of a double-staffed visit', () => {
  const p = day();
  const cp = compileProblem(p);
  const m = cp.model;
  const nV = m.nVehicles;
  const [anna, bo, cai] = [0, 1, 2];
  const t0 = cp.visitTask[1]!;
  const pairCost = (a: number, b: number): number => m.assignCost![t0 * nV + a]! + m.assignCost![(t0 + 1) * nV + b]!;
  const w = p.weights;

  it('charges the fixed contact once per visit: in full when neither staff member is the fixed contact, nothing when one is', () => {
    // bo speaks Finnish, cai does not: compare pairs that differ only in the fixed contact.
    expect(pairCost(anna, bo) - pairCost(cai, bo)).toBeCloseTo(-w.notFixedContact, 9);
    // With the fixed contact in the pair the visit pays nothing for continuity (only anna's missing first language, at half).
    expect(pairCost(anna, bo)).toBeCloseTo(0.5 * w.noFirstLanguage, 9);
  });

  it('charges a missing first language at half per staff member, so one speaker halves it', () => {
    expect(pairCost(cai, bo)).toBeCloseTo(w.notFixedContact + 0.5 * w.noFirstLanguage, 9);
    expect(pairCost(anna, cai)).toBeCloseTo(w.noFirstLanguage, 9);
  });

  it('charges a single-staffed visit in full', () => {
    const v1 = cp.visitTask[0]!; // fixed contact anna, no languages
    expect(m.assignCost![v1 * nV + anna]).toBe(0);
    expect(m.assignCost![v1 * nV + bo]).toBe(w.notFixedContact);
  });
});
