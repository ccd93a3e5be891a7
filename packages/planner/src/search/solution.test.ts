import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Solution } from './solution.js';
import { Random } from './random.js';
import { ModelBuilder, type Model } from '../model/model.js';

/** The same random instance twice: once uniform (segment joins), once forced onto the walk. */
function twin(seed: number, n: number): [Model, Model] {
  const build = (walk: boolean): Model => {
    const rnd = new Random(seed);
    const pts = Array.from({ length: n + 1 }, () => [rnd.int(100), rnd.int(100)] as const);
    const time = new Float64Array((n + 1) * (n + 1));
    for (let i = 0; i <= n; i++) for (let j = 0; j <= n; j++) time[i * (n + 1) + j] = Math.hypot(pts[i]![0] - pts[j]![0], pts[i]![1] - pts[j]![1]);
    const b = new ModelBuilder(n + 1, [time]);
    for (let i = 1; i <= n; i++) {
      const e = rnd.int(300);
      b.addTask({ loc: i, early: e, late: e + rnd.int(120), service: 5 + rnd.int(20), demand: rnd.int(30), dropCost: 1e5 });
    }
    for (let v = 0; v < 4; v++) b.addVehicle({ startLoc: 0, endLoc: 0, shiftStart: 0, shiftEnd: 600, capacity: 100 });
    // Allowing every pair explicitly changes nothing but turns the uniform O(1) path off.
    if (walk) b.setCompat(() => true);
    return b.build();
  };
  return [build(false), build(true)];
}

describe('route pricing', () => {
  it('prices every route the same by O(1) segment joins as by walking it stop by stop', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 2, max: 30 }), (seed, n) => {
        const [fast, walk] = twin(seed, n);
        expect(fast.uniform).toBe(true);
        expect(walk.uniform).toBe(false);
        const a = new Solution(fast);
        const b = new Solution(walk);
        for (const s of [a, b]) {
          s.penaltyTW = 3;
          s.penaltyLoad = 7;
        }
        // Random routes, infeasible ones included (finite penalties price them).
        const rnd = new Random(seed + 1);
        const routes: number[][] = [[], [], [], []];
        for (let t = 0; t < n; t++) routes[rnd.int(4)]!.push(t);
        routes.forEach((r, v) => {
          a.setRouteRaw(v, r);
          b.setRouteRaw(v, r);
        });
        a.updateAll();
        b.updateAll();
        for (let v = 0; v < 4; v++) expect(a.cost[v]).toBeCloseTo(b.cost[v]!, 6);
        // And an insertion priced by the unrolled O(1) formula matches the walk.
        const t = routes[0]!.length > 0 ? routes[0]![0]! : 0;
        if (routes[1]!.length > 0 && a.routeOf[t] !== 1) {
          const p = rnd.int(routes[1]!.length + 1);
          a.removeRaw(t);
          b.removeRaw(t);
          a.updateAll();
          b.updateAll();
          expect(a.priceInsertUniform(1, p, t)).toBeCloseTo(b.ev.priceInsertWalk(1, p, t), 6);
        }
      }),
      { numRuns: 200 },
    );
  });
});
