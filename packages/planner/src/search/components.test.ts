import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileProblem } from '../model/from-problem.js';
import { parseProblem, type ProblemInput } from '../format/schema.js';
import { loc, randomProblem, twoStaffDay } from '../testing/fixtures.js';
import { ComponentIndex, combineByComponent } from './components.js';
import { Solution } from './solution.js';
import { Random } from './random.js';
import { ruin } from './ruin.js';
import { search } from './anneal.js';

/** twoStaffDay's team t1, plus a team t2 of one staff member with two visits, and a visit nobody can do. */
function twoTeams(crossTeam = false): ProblemInput {
  const p = twoStaffDay();
  const cai = { ...p.staff[0]!, id: 'cai', team: 't2', breaks: [] };
  const visit = (id: string, l: number, extra: Record<string, unknown> = {}) => ({
    ...p.visits[0]!,
    id,
    client: `c-${id}`,
    team: 't2',
    location: loc(l),
    fixedContact: undefined,
    ...extra,
  });
  return {
    ...p,
    ...(crossTeam ? { crossTeam: true } : {}),
    staff: [...p.staff, cai],
    visits: [...p.visits, visit('w1', 1), visit('w2', 2), visit('nobody', 3, { skills: ['palliative'] })],
  };
}

describe('components of a day', () => {
  it('splits teams that may not lend staff, and keeps a visit nobody can do apart', () => {
    const cp = compileProblem(parseProblem(twoTeams()));
    const m = cp.model;
    expect(m.nComponents).toBe(3);
    const compOfVisit = (id: string): number => m.taskComponent[cp.visitTask[cp.problem.visits.findIndex((v) => v.id === id)]!]!;
    const compOfStaff = (id: string): number => m.vehicleComponent[cp.problem.staff.findIndex((s) => s.id === id)]!;
    expect(compOfStaff('anna')).toBe(compOfStaff('bo'));
    for (const v of ['v1', 'v2', 'v3', 'v4', 'v5']) expect(compOfVisit(v)).toBe(compOfStaff('anna'));
    // Both tasks of the double-staffed visit share it.
    expect(m.taskComponent[cp.visitTask[1]! + 1]).toBe(compOfVisit('v2'));
    expect(compOfVisit('w1')).toBe(compOfStaff('cai'));
    expect(compOfStaff('cai')).not.toBe(compOfStaff('anna'));
    const index = new ComponentIndex(m);
    expect(index.vehicles[compOfVisit('nobody')]).toHaveLength(0);
  });

  it('is one component when teams may lend staff (crossTeam)', () => {
    const m = compileProblem(parseProblem(twoTeams(true))).model;
    // The visit with a skill nobody holds is still on its own.
    expect(m.nComponents).toBe(2);
  });

  it('lists a task\'s own component first among its neighbours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 30 }), (seed, nStaff, nVisits) => {
        const m = compileProblem(parseProblem(randomProblem(seed, nStaff, nVisits))).model;
        const k = m.nNeighbours;
        for (let t = 0; t < m.nTasks; t++) {
          const same = m.neighbours.subarray(t * k, t * k + k).map((u) => (m.taskComponent[u] === m.taskComponent[t] ? 1 : 0));
          // Once a neighbour of another component appears, no neighbour of the own one follows.
          const firstOther = same.indexOf(0);
          if (firstOther >= 0) expect(same.subarray(firstOther).every((x) => x === 0)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('prices components so that they add up to the total', () => {
    const m = compileProblem(parseProblem(twoTeams())).model;
    const s = search(m, { timeLimitMs: 10_000, maxIterations: 200, seed: 3 }).best;
    const index = new ComponentIndex(m);
    let sum = 0;
    for (let c = 0; c < index.count; c++) sum += index.cost(s, c);
    expect(sum).toBeCloseTo(s.total(), 6);
  });

  it('ruins only the given component', () => {
    const m = compileProblem(parseProblem(twoTeams())).model;
    const s = search(m, { timeLimitMs: 10_000, maxIterations: 200, seed: 3 }).best;
    const index = new ComponentIndex(m);
    const rnd = new Random(5);
    const out = new Int32Array(m.nTasks);
    const ruined = new Uint8Array(m.nVehicles);
    for (let c = 0; c < index.count; c++) {
      if (index.vehicles[c]!.length === 0) continue;
      for (let i = 0; i < 20; i++) {
        const copy = new Solution(m);
        copy.copyFrom(s);
        const n = ruin(copy, rnd, { avgRemoved: 10, maxString: 10, splitRate: 0.5 }, out, ruined, -1, { tasks: index.tasks[c]!, vehicles: index.vehicles[c]! });
        expect(n).toBeGreaterThan(0);
        for (let j = 0; j < n; j++) expect(m.taskComponent[out[j]!]).toBe(c);
        for (let r = 0; r < m.nVehicles; r++) if (ruined[r] === 1) expect(m.vehicleComponent[r]).toBe(c);
      }
    }
  });

  it('combines solutions by taking each component from the one that prices it lowest', () => {
    const m = compileProblem(parseProblem(twoTeams())).model;
    const index = new ComponentIndex(m);
    const good = search(m, { timeLimitMs: 10_000, maxIterations: 300, seed: 1 }).best;
    const cAnna = m.vehicleComponent[0]!;
    const cCai = m.vehicleComponent[2]!;
    // a: team t1 as good, team t2 empty (its visits unassigned); b: the other way round.
    const a = new Solution(m);
    a.copyFrom(good);
    a.setRouteRaw(2, []);
    for (const t of index.tasks[cCai]!) a.routeOf[t] = -1;
    a.updateAll();
    const b = new Solution(m);
    b.copyFrom(good);
    for (const r of index.vehicles[cAnna]!) b.setRouteRaw(r, []);
    for (const t of index.tasks[cAnna]!) b.routeOf[t] = -1;
    b.updateAll();
    expect(a.total()).toBeGreaterThan(good.total());
    expect(b.total()).toBeGreaterThan(good.total());
    const both = combineByComponent([a, b]);
    expect(both.total()).toBeCloseTo(good.total(), 6);
    expect(both.routes()).toEqual(good.routes());
    // The inputs are left as they were.
    expect(a.routes()[2]).toEqual([]);
  });
});
