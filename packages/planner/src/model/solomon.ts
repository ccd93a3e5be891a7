// Solomon (1987) VRPTW instances: parsing the text format and compiling it to a Model.
// Distance is Euclidean in double precision and travel time equals distance.
import { InputError } from '../errors.js';
import { ModelBuilder, type Model } from './model.js';

export interface SolomonInstance {
  name: string;
  vehicles: number;
  capacity: number;
  /** Row 0 is the depot. */
  customers: { id: number; x: number; y: number; demand: number; ready: number; due: number; service: number }[];
}

/**
 * Parses a Solomon instance file (LF or CRLF).
 * @param text - the file's contents
 * @returns the instance; throws InputError naming the bad line
 */
export function parseSolomon(text: string): SolomonInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const name = lines.find((l) => l.length > 0) ?? '';
  const vIdx = lines.findIndex((l) => /^NUMBER\s+CAPACITY/i.test(l));
  if (vIdx < 0) throw new InputError('not a Solomon instance', ['missing the "NUMBER CAPACITY" header']);
  const vc = (lines[vIdx + 1] ?? '').split(/\s+/).map(Number);
  if (vc.length < 2 || !vc.every(Number.isFinite)) throw new InputError('not a Solomon instance', [`line ${vIdx + 2}: expected vehicle number and capacity`]);
  const cIdx = lines.findIndex((l) => /^CUST\s*NO/i.test(l));
  if (cIdx < 0) throw new InputError('not a Solomon instance', ['missing the customer table header']);
  const customers: SolomonInstance['customers'] = [];
  for (let i = cIdx + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.length === 0) continue;
    const f = l.split(/\s+/).map(Number);
    if (f.length !== 7 || !f.every(Number.isFinite)) throw new InputError('not a Solomon instance', [`line ${i + 1}: expected 7 numbers, got "${l}"`]);
    const [id, x, y, demand, ready, due, service] = f as [number, number, number, number, number, number, number];
    if (due < ready) throw new InputError('not a Solomon instance', [`line ${i + 1}: due date ${due} before ready time ${ready}`]);
    customers.push({ id, x, y, demand, ready, due, service });
  }
  if (customers.length < 2) throw new InputError('not a Solomon instance', ['no customers']);
  return { name: name.toLowerCase(), vehicles: vc[0]!, capacity: vc[1]!, customers };
}

/**
 * @param inst - the instance
 * @param fixedCost - cost per used vehicle (large to minimise vehicles first)
 * @returns the model; task i is customer row i+1
 */
export function solomonModel(inst: SolomonInstance, fixedCost = 0): Model {
  const c = inst.customers;
  const n = c.length;
  const time = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) time[i * n + j] = Math.hypot(c[i]!.x - c[j]!.x, c[i]!.y - c[j]!.y);
  const b = new ModelBuilder(n, [time]);
  const depot = c[0]!;
  for (let i = 1; i < n; i++) {
    const k = c[i]!;
    b.addTask({ loc: i, early: k.ready, late: k.due, service: k.service, demand: k.demand, dropCost: 1e7, must: true });
  }
  for (let v = 0; v < inst.vehicles; v++)
    b.addVehicle({ startLoc: 0, endLoc: 0, shiftStart: depot.ready, shiftEnd: depot.due, capacity: inst.capacity, fixedCost });
  return b.build();
}
