import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { solveSolomon } from './solve.js';
import { parseSolomon, solomonModel } from './model/solomon.js';
import { search } from './search/anneal.js';
import { checkSolomon } from './check/check-solomon.js';
import { InputError } from './errors.js';

const dir = process.env.TILLIT_SOLOMON_DIR ?? path.resolve(import.meta.dirname, '../../../../shared/bench/solomon');
const read = (name: string): string => readFileSync(path.join(dir, `${name}.txt`), 'utf8');

// Golden runs: a fixed number of iterations (so the result does not depend on machine load) and a
// generous gap to the best seen distance in bks.csv.
const golden: [string, number, number][] = [
  ['C101', 828.94, 0.5],
  ['R101', 1642.88, 4],
  ['RC208', 778.93, 8],
];

describe('Solomon instances', () => {
  it.each(golden)('%s: feasible and within the gap after a short search', (name, best, gapPct) => {
    const inst = parseSolomon(read(name));
    const r = search(solomonModel(inst), { timeLimitMs: 60_000, maxIterations: 4000, seed: 1, localSearch: false });
    const routes = r.best.routes().filter((x) => x.length > 0).map((x) => x.map((t) => inst.customers[t + 1]!.id));
    const chk = checkSolomon(inst, routes);
    expect(chk.violations).toEqual([]);
    expect(r.best.total()).toBeCloseTo(chk.distance, 6);
    expect(chk.distance).toBeLessThanOrEqual(best * (1 + gapPct / 100));
  });

  it('reports the distance and vehicles of the routes it returns', async () => {
    const text = read('C101');
    const sol = await solveSolomon(text, { timeLimitMs: 300, threads: 1, seed: 1 });
    const chk = checkSolomon(parseSolomon(text), sol.routes);
    expect(chk.valid).toBe(true);
    expect(sol.distance).toBeCloseTo(chk.distance, 1);
    expect(sol.vehicles).toBe(chk.vehicles);
    expect(sol.instance).toBe('c101');
  });

  it('uses a worker thread and still returns a checked solution', async () => {
    const text = read('R201');
    const sol = await solveSolomon(text, { timeLimitMs: 1500, threads: 2, seed: 3 });
    expect(checkSolomon(parseSolomon(text), sol.routes).valid).toBe(true);
  });

  it('reduces vehicles under the vehicles objective', async () => {
    const text = read('R201');
    const dist = await solveSolomon(text, { timeLimitMs: 800, threads: 1, objective: 'distance' });
    const veh = await solveSolomon(text, { timeLimitMs: 800, threads: 1, objective: 'vehicles' });
    expect(checkSolomon(parseSolomon(text), veh.routes).valid).toBe(true);
    expect(veh.vehicles).toBeLessThan(dist.vehicles);
  });

  it('parses CRLF files and rejects text that is not an instance, naming the line', () => {
    const inst = parseSolomon(read('C101'));
    expect(inst.customers).toHaveLength(101);
    expect(inst.capacity).toBe(200);
    expect(() => parseSolomon('C101\r\nVEHICLE\r\nNUMBER CAPACITY\r\n25 200\r\nCUST NO.\r\n0 1 2 x 0 10 0\r\n')).toThrow(InputError);
    expect(() => parseSolomon('C101\nVEHICLE\nNUMBER CAPACITY\n25 200\nCUST NO.\n0 1 2 x 0 10 0\n')).toThrow(/line 6/);
  });
});

describe('fleet minimisation', () => {
  it.each([false, true])('removes routes and stays feasible (penalised: %s)', (penalisedFleet) => {
    const inst = parseSolomon(read('R201'));
    const m = solomonModel(inst);
    const plain = search(m, { timeLimitMs: 60_000, maxIterations: 300, seed: 2, localSearch: false });
    const fewer = search(m, { timeLimitMs: 1500, seed: 2, localSearch: false, minimiseVehicles: true, penalisedFleet });
    const routes = fewer.best.routes().filter((x) => x.length > 0).map((x) => x.map((t) => inst.customers[t + 1]!.id));
    expect(checkSolomon(inst, routes).violations).toEqual([]);
    expect(fewer.best.routeCount()).toBeLessThan(plain.best.routeCount());
  });
});
