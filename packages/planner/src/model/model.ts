// The solver's view of a day: flat typed arrays indexed by task and vehicle, built once by
// ModelBuilder. A task is one staff slot of a visit (a double-staffed visit gives two tasks that
// share a start minute); a vehicle is one staff member (or one Solomon truck).

/** Everything the search reads. Never mutated during the search except the sync windows. */
export interface Model {
  readonly nTasks: number;
  readonly nVehicles: number;
  readonly nLocs: number;
  /** Location index of each task. */
  readonly taskLoc: Int32Array;
  /** Window on the start of service (a Solution narrows a synchronised pair's to one minute). */
  readonly early: Float64Array;
  readonly late: Float64Array;
  readonly service: Float64Array;
  readonly demand: Float64Array;
  /** The other task of a double-staffed visit, or -1. */
  readonly partner: Int32Array;
  /** Cost of leaving the task unassigned (must-visits carry a huge one). */
  readonly dropCost: Float64Array;
  readonly mustAssign: Uint8Array;

  readonly vStartLoc: Int32Array;
  readonly vEndLoc: Int32Array;
  readonly vShiftStart: Float64Array;
  readonly vShiftEnd: Float64Array;
  readonly vCapacity: Float64Array;
  /** Whether exceeding capacity is forbidden (Solomon) or only costs `loadCost` a unit (fair spread). */
  readonly hardCapacity: boolean;
  readonly loadCost: number;
  readonly vMode: Int32Array;
  readonly vFixedCost: Float64Array;
  /** Breaks of vehicle v are breakEarly[vBreakFirst[v] .. vBreakFirst[v+1]-1], in time order. */
  readonly vBreakFirst: Int32Array;
  readonly breakEarly: Float64Array;
  readonly breakLate: Float64Array;
  readonly breakDur: Float64Array;

  /** Travel time by mode: time[mode][a * nLocs + b]. */
  readonly time: readonly Float64Array[];
  /** Cost per unit of travel time. */
  readonly travelCost: number;
  /** compat[t * nVehicles + v] = 1 when vehicle v may do task t; null when all may. */
  readonly compat: Uint8Array | null;
  /** assignCost[t * nVehicles + v]: soft cost of vehicle v doing task t; null when none. */
  readonly assignCost: Float64Array | null;
  /** Granular neighbours: the `nNeighbours` tasks nearest to each task. */
  readonly neighbours: Int32Array;
  readonly nNeighbours: number;
  /**
   * Independent parts of the day: a task's component holds every vehicle that may do it (and,
   * through them, their other tasks, and its partner). Teams that may not lend staff to each
   * other are separate components, so a change in one never alters the other's price.
   */
  readonly nComponents: number;
  readonly taskComponent: Int32Array;
  readonly vehicleComponent: Int32Array;
  /** All vehicles alike, no breaks, partners, compat or assignment costs: the O(1) segment path applies. */
  readonly uniform: boolean;
  /** A share of tasks the day should give to their preferred vehicle; null when none. */
  readonly continuity: Continuity | null;
}

/**
 * The day's continuity target (home care: visits by the client's fixed contact). The preference
 * is priced in `assignCost` as `weight × coef`; when the day falls short of `target`, the search
 * raises that weight for the whole day (one price for one day-wide target, as a Lagrange
 * multiplier would be) by adding to `assignCost`, and `raised` says by how much so far.
 */
export interface Continuity {
  /** Each task's preferred vehicle, −1 for none. A pair's two tasks may both name it; only one can be on it. */
  readonly vehicle: Int32Array;
  /** Tasks with a preferred vehicle, a pair counted once. */
  readonly able: number;
  /** Share (0–1) of them that should be on their preferred vehicle. */
  readonly target: number;
  /** The preference's weight as given. */
  readonly weight: number;
  /** coef[t * nVehicles + v]: how many times the weight vehicle v doing task t pays. */
  readonly coef: Float64Array;
  /** What the search has added to the weight so far (mutable: the model's prices change with it). */
  raised: number;
}

export interface TaskSpec {
  loc: number;
  early: number;
  late: number;
  service: number;
  demand?: number;
  dropCost: number;
  must?: boolean;
}

export interface VehicleSpec {
  startLoc: number;
  endLoc: number;
  shiftStart: number;
  shiftEnd: number;
  capacity?: number;
  mode?: number;
  fixedCost?: number;
  breaks?: { early: number; late: number; duration: number }[];
}

/** A readable way to assemble a Model: add tasks and vehicles, then `build()`. */
export class ModelBuilder {
  private readonly tasks: TaskSpec[] = [];
  private readonly vehicles: VehicleSpec[] = [];
  private readonly partners: [number, number][] = [];
  private compatFn: ((task: number, vehicle: number) => boolean) | null = null;
  private assignFn: ((task: number, vehicle: number) => number) | null = null;
  private continuitySpec: { vehicleOf: (task: number) => number; coef: (task: number, vehicle: number) => number; weight: number; target: number } | null = null;
  hardCapacity = true;
  loadCost = 0;
  travelCost = 1;
  nNeighbours = 40;

  /**
   * @param nLocs - number of locations
   * @param time - travel time matrices by mode, each nLocs × nLocs row-major
   */
  constructor(
    private readonly nLocs: number,
    private readonly time: Float64Array[],
  ) {}

  /** @returns the index of the new task. */
  addTask(spec: TaskSpec): number {
    this.tasks.push(spec);
    return this.tasks.length - 1;
  }

  /** @returns the index of the new vehicle. */
  addVehicle(spec: VehicleSpec): number {
    this.vehicles.push(spec);
    return this.vehicles.length - 1;
  }

  /** Two tasks that must start at the same minute in different routes. */
  linkPartners(a: number, b: number): void {
    this.partners.push([a, b]);
  }

  setCompat(fn: (task: number, vehicle: number) => boolean): void {
    this.compatFn = fn;
  }

  setAssignCost(fn: (task: number, vehicle: number) => number): void {
    this.assignFn = fn;
  }

  /**
   * A day-wide target: `target` of the tasks that have a preferred vehicle (`vehicleOf`, −1 for
   * none) should be on it. The assignment costs must already include `weight × coef(t, v)`.
   */
  setContinuity(vehicleOf: (task: number) => number, coef: (task: number, vehicle: number) => number, weight: number, target: number): void {
    this.continuitySpec = target > 0 ? { vehicleOf, coef, weight, target } : null;
  }

  build(): Model {
    const nT = this.tasks.length;
    const nV = this.vehicles.length;
    const taskLoc = new Int32Array(nT);
    const early = new Float64Array(nT);
    const late = new Float64Array(nT);
    const service = new Float64Array(nT);
    const demand = new Float64Array(nT);
    const dropCost = new Float64Array(nT);
    const mustAssign = new Uint8Array(nT);
    const partner = new Int32Array(nT).fill(-1);
    this.tasks.forEach((t, i) => {
      taskLoc[i] = t.loc;
      early[i] = t.early;
      late[i] = t.late;
      service[i] = t.service;
      demand[i] = t.demand ?? 0;
      dropCost[i] = t.dropCost;
      mustAssign[i] = t.must ? 1 : 0;
    });
    for (const [a, b] of this.partners) {
      partner[a] = b;
      partner[b] = a;
    }
    const vStartLoc = new Int32Array(nV);
    const vEndLoc = new Int32Array(nV);
    const vShiftStart = new Float64Array(nV);
    const vShiftEnd = new Float64Array(nV);
    const vCapacity = new Float64Array(nV);
    const vMode = new Int32Array(nV);
    const vFixedCost = new Float64Array(nV);
    const vBreakFirst = new Int32Array(nV + 1);
    const breaks: { early: number; late: number; duration: number }[] = [];
    this.vehicles.forEach((v, i) => {
      vStartLoc[i] = v.startLoc;
      vEndLoc[i] = v.endLoc;
      vShiftStart[i] = v.shiftStart;
      vShiftEnd[i] = v.shiftEnd;
      vCapacity[i] = v.capacity ?? Number.POSITIVE_INFINITY;
      vMode[i] = v.mode ?? 0;
      vFixedCost[i] = v.fixedCost ?? 0;
      vBreakFirst[i] = breaks.length;
      breaks.push(...[...(v.breaks ?? [])].sort((a, b) => a.early - b.early));
    });
    vBreakFirst[nV] = breaks.length;
    let compat: Uint8Array | null = null;
    if (this.compatFn) {
      compat = new Uint8Array(nT * nV);
      for (let t = 0; t < nT; t++) for (let v = 0; v < nV; v++) compat[t * nV + v] = this.compatFn(t, v) ? 1 : 0;
    }
    let assignCost: Float64Array | null = null;
    if (this.assignFn) {
      assignCost = new Float64Array(nT * nV);
      for (let t = 0; t < nT; t++) for (let v = 0; v < nV; v++) assignCost[t * nV + v] = this.assignFn(t, v);
    }
    const v0 = this.vehicles[0];
    const uniform =
      breaks.length === 0 &&
      this.partners.length === 0 &&
      compat === null &&
      assignCost === null &&
      this.vehicles.every(
        (v) =>
          v0 !== undefined &&
          v.startLoc === v0.startLoc &&
          v.endLoc === v0.endLoc &&
          v.shiftStart === v0.shiftStart &&
          v.shiftEnd === v0.shiftEnd &&
          (v.capacity ?? Infinity) === (v0.capacity ?? Infinity) &&
          (v.mode ?? 0) === (v0.mode ?? 0) &&
          (v.fixedCost ?? 0) === (v0.fixedCost ?? 0),
      );
    const comp = components(nT, nV, compat, this.partners);
    const nNb = Math.min(this.nNeighbours, Math.max(0, nT - 1));
    const neighbours = granularNeighbours(nT, nNb, taskLoc, early, late, service, this.nLocs, this.time[0] ?? new Float64Array(0), comp.task);
    let continuity: Continuity | null = null;
    const cs = this.continuitySpec;
    if (cs && assignCost) {
      const vehicle = Int32Array.from({ length: nT }, (_, t) => cs.vehicleOf(t));
      let able = 0;
      for (let t = 0; t < nT; t++) {
        const p = partner[t]!;
        if (p >= 0 && p < t) continue;
        if (vehicle[t]! >= 0 || (p >= 0 && vehicle[p]! >= 0)) able++;
      }
      const coef = new Float64Array(nT * nV);
      for (let t = 0; t < nT; t++) for (let v = 0; v < nV; v++) coef[t * nV + v] = cs.coef(t, v);
      if (able > 0) continuity = { vehicle, able, target: cs.target, weight: cs.weight, coef, raised: 0 };
    }
    return {
      nTasks: nT,
      nVehicles: nV,
      nLocs: this.nLocs,
      taskLoc,
      early,
      late,
      service,
      demand,
      partner,
      dropCost,
      mustAssign,
      vStartLoc,
      vEndLoc,
      vShiftStart,
      vShiftEnd,
      vCapacity,
      hardCapacity: this.hardCapacity,
      loadCost: this.loadCost,
      vMode,
      vFixedCost,
      vBreakFirst,
      breakEarly: Float64Array.from(breaks, (b) => b.early),
      breakLate: Float64Array.from(breaks, (b) => b.late),
      breakDur: Float64Array.from(breaks, (b) => b.duration),
      time: this.time,
      travelCost: this.travelCost,
      compat,
      assignCost,
      neighbours,
      nNeighbours: nNb,
      nComponents: comp.n,
      taskComponent: comp.task,
      vehicleComponent: comp.vehicle,
      uniform,
      continuity,
    };
  }
}

/**
 * Splits tasks and vehicles into independent components (union-find over "vehicle may do task"
 * and partner links), numbered 0 .. n-1 in order of first appearance, tasks first.
 */
function components(nT: number, nV: number, compat: Uint8Array | null, partners: readonly [number, number][]): { n: number; task: Int32Array; vehicle: Int32Array } {
  const task = new Int32Array(nT);
  const vehicle = new Int32Array(nV);
  if (compat === null) return { n: nT + nV > 0 ? 1 : 0, task, vehicle };
  // Nodes: tasks 0 .. nT-1, then vehicles nT .. nT+nV-1.
  const parent = Int32Array.from({ length: nT + nV }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[ra] = rb;
  };
  for (let t = 0; t < nT; t++) for (let v = 0; v < nV; v++) if (compat[t * nV + v] === 1) union(t, nT + v);
  for (const [a, b] of partners) union(a, b);
  const id = new Map<number, number>();
  const number = (x: number): number => {
    const root = find(x);
    let c = id.get(root);
    if (c === undefined) id.set(root, (c = id.size));
    return c;
  };
  for (let t = 0; t < nT; t++) task[t] = number(t);
  for (let v = 0; v < nV; v++) vehicle[v] = number(nT + v);
  return { n: id.size, task, vehicle };
}

/**
 * Nearest tasks by travel time plus a penalty for windows that do not fit one after the other,
 * the proximity measure of Vidal et al. (2013), HGS for VRPTW, with simplified weights.
 */
function granularNeighbours(
  nT: number,
  k: number,
  loc: Int32Array,
  early: Float64Array,
  late: Float64Array,
  service: Float64Array,
  nLocs: number,
  time: Float64Array,
  comp: Int32Array,
): Int32Array {
  const out = new Int32Array(nT * k);
  const score = new Float64Array(nT);
  const idx = Array.from({ length: nT }, (_, i) => i);
  for (let i = 0; i < nT; i++) {
    for (let j = 0; j < nT; j++) {
      if (i === j) {
        score[j] = Infinity;
        continue;
      }
      const d = time[loc[i]! * nLocs + loc[j]!]!;
      const d2 = time[loc[j]! * nLocs + loc[i]!]!;
      // Waiting (0.2) and lateness (1.0) if j followed i, or i followed j; keep the better order.
      const ij = 0.2 * Math.max(early[j]! - service[i]! - d - late[i]!, 0) + Math.max(early[i]! + service[i]! + d - late[j]!, 0);
      const ji = 0.2 * Math.max(early[i]! - service[j]! - d2 - late[j]!, 0) + Math.max(early[j]! + service[j]! + d2 - late[i]!, 0);
      // Tasks of another component (another team) can never share a route: list them last.
      score[j] = d + Math.min(ij, ji) + (comp[i] === comp[j] ? 0 : 1e9);
    }
    idx.sort((a, b) => score[a]! - score[b]!);
    for (let r = 0; r < k; r++) out[i * k + r] = idx[r]!;
  }
  return out;
}
