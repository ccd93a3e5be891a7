import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { search } from './anneal.js';
import { solomonModel, type SolomonInstance } from '../model/solomon.js';
import { checkSolomon } from '../check/check-solomon.js';
import { Random } from './random.js';

function randomInstance(seed: number, n: number): SolomonInstance {
  const rnd = new Random(seed);
  const customers = [{ id: 0, x: 50, y: 50, demand: 0, ready: 0, due: 1000, service: 0 }];
  for (let i = 1; i <= n; i++) {
    const x = rnd.int(100);
    const y = rnd.int(100);
    // Reachable from the depot and back in time, as in Solomon's instances.
    const reach = Math.ceil(Math.hypot(x - 50, y - 50));
    const ready = reach + rnd.int(600);
    customers.push({ id: i, x, y, demand: 1 + rnd.int(30), ready, due: Math.min(1000 - 10 - reach, ready + 30 + rnd.int(200)), service: 10 });
  }
  return { name: `rand${seed}`, vehicles: n, capacity: 100, customers };
}

describe('the search on VRPTW instances', () => {
  it('always returns solutions that the independent Solomon checker accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), (seed, n, vehicles) => {
        const inst = randomInstance(seed, n);
        const r = search(solomonModel(inst), { timeLimitMs: 60_000, maxIterations: 150, seed, localSearch: true, minimiseVehicles: vehicles });
        const routes = r.best.routes().filter((x) => x.length > 0).map((x) => x.map((t) => inst.customers[t + 1]!.id));
        expect(checkSolomon(inst, routes).violations).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('returns the same solution for the same seed and iteration count', () => {
    const inst = randomInstance(5, 30);
    const a = search(solomonModel(inst), { timeLimitMs: 60_000, maxIterations: 300, seed: 9, localSearch: false });
    const b = search(solomonModel(inst), { timeLimitMs: 60_000, maxIterations: 300, seed: 9, localSearch: false });
    expect(a.best.routes()).toEqual(b.best.routes());
  });
});
