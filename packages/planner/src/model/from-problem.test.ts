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

describe('the continuity target', () => {
  it('counts the visits whose fixed contact could do them, a double-staffed one once', () => {
    // day(): v1 (anna), v2 double-staffed (anna), v4 (bo) have fixed contacts, all on shift.
    const m = compileProblem(day()).model;
    expect(m.continuity?.able).toBe(3);
    expect(m.continuity?.target).toBe(0.9);
    const t2 = compileProblem(day()).visitTask[1]!;
    expect([m.continuity!.vehicle[t2], m.continuity!.vehicle[t2 + 1]]).toEqual([0, 0]);
  });

  it('leaves out a visit whose fixed contact is off shift for its window', () => {
    const p = twoStaffDay();
    const late = { ...p.visits[3]!, window: { start: '17:00', end: '18:00' } };
    const cp = compileProblem(parseProblem({ ...p, staff: [...p.staff, { ...p.staff[0]!, id: 'eve', shift: { start: '16:00', end: '22:00' }, breaks: [] }], visits: [p.visits[0]!, late] }));
    expect(cp.model.continuity?.able).toBe(1);
    expect(cp.model.continuity!.vehicle[cp.visitTask[1]!]).toBe(-1);
  });

  it('prices the fixed contact as weight × coef, so the search can raise it', () => {
    const cp = compileProblem(day());
    const m = cp.model;
    const k = m.continuity!;
    const v1 = cp.visitTask[0]!;
    expect(k.coef[v1 * m.nVehicles + 1]).toBe(1);
    expect(k.coef[v1 * m.nVehicles + 0]).toBe(0);
    expect(k.weight).toBe(day().weights.notFixedContact);
  });

  it('is off with a target of 0', () => {
    expect(compileProblem(parseProblem({ ...twoStaffDay(), weights: { continuityTarget: 0 } })).model.continuity).toBeNull();
  });
});
