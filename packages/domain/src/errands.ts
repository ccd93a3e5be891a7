// Errand trips (Kalix review 4.5–4.6): the service group shops and fetches medicine for several
// clients in one car trip instead of one trip per client. A trip stops at the shop (and/or the
// pharmacy) once, where the time every visit spends there anyway (parking, queue, paying) is
// counted once, then delivers to each client in a good order. Pure: places, windows and travel
// minutes are arguments; the caller decides that a service worker with a car is free.
import { fromMinutes, toMinutes } from './time.js';

export const errandKinds = ['shopping', 'pharmacy'] as const;
export type ErrandKind = (typeof errandKinds)[number];

export interface Place {
  lat: number;
  lon: number;
}

/** One client's errand visit as the care plan has it, done alone. */
export interface ErrandVisit {
  id: string;
  errand: ErrandKind;
  /** The client's home, where the visit (the delivery) happens. */
  location: Place;
  /** When the visit at home may start, `HH:MM`. */
  windowStart: string;
  windowEnd: string;
  /** The visit alone: its time in the shop and its time at home. */
  durationMin: number;
}

export interface ErrandRules {
  /** Where each kind of errand is done. */
  shops: Record<ErrandKind, Place>;
  /** Minutes at the shop that every visit spends however many clients it serves (parking, queue, paying). */
  sharedMin: Record<ErrandKind, number>;
  /** Minutes at each client's home (unpacking, putting away, signing for medicine). */
  homeMin: number;
  /** Travel minutes by car between two places. */
  travelMin: (a: Place, b: Place) => number;
  /** Most clients on one trip (what fits in the car and in a cool bag). */
  maxClients: number;
  /**
   * Optional: when a driver's day lets a trip of `durationMin` start, within `from`..`to` (minutes
   * after midnight): their shift, the drive to the shop and back, and a break the trip must not
   * cover. @returns the start window to use, or null when no driver could do the trip then
   */
  startWindow?: (from: number, to: number, durationMin: number) => { start: number; end: number } | null;
}

export interface ErrandTrip {
  /** The visits in delivery order. */
  visits: string[];
  /** The shops visited, in order. */
  kinds: ErrandKind[];
  /** Minutes from the trip's start (arriving at the first shop) to the start of each delivery, as `visits`. */
  offsets: number[];
  /** From arriving at the first shop to leaving the last home. */
  durationMin: number;
  /** When the trip may start so that every delivery starts inside its client's window. */
  window: { start: string; end: string };
  /** Minutes saved against doing each visit alone (travel from its shop to the home plus its duration). */
  savedMin: number;
}

/** A visit's own minutes in the shop: its duration less its time at home and the shared shop time. */
function shopMin(v: ErrandVisit, rules: ErrandRules): number {
  return Math.max(0, v.durationMin - rules.homeMin - rules.sharedMin[v.errand]);
}

/** The cost of a visit done alone: from arriving at its shop to leaving the client's home. */
function soloMin(v: ErrandVisit, rules: ErrandRules): number {
  return v.durationMin + rules.travelMin(rules.shops[v.errand], v.location);
}

/**
 * Lay out one trip with its deliveries in the given order.
 * @returns the trip, or null when no start time puts every delivery inside its window
 */
export function layOutTrip(order: readonly ErrandVisit[], rules: ErrandRules): ErrandTrip | null {
  if (order.length === 0) return null;
  // Shopping first, then the pharmacy (a fixed order keeps the layout simple and reproducible).
  const kinds = errandKinds.filter((k) => order.some((v) => v.errand === k));
  let t = 0;
  let at = rules.shops[kinds[0]!];
  for (const k of kinds) {
    t += rules.travelMin(at, rules.shops[k]);
    at = rules.shops[k];
    t += rules.sharedMin[k] + order.filter((v) => v.errand === k).reduce((a, v) => a + shopMin(v, rules), 0);
  }
  const offsets: number[] = [];
  for (const v of order) {
    t += rules.travelMin(at, v.location);
    offsets.push(t);
    t += rules.homeMin;
    at = v.location;
  }
  // The trip's start T must put every delivery in its window: windowStart ≤ T + offset ≤ windowEnd.
  let earliest = -Infinity;
  let latest = Infinity;
  order.forEach((v, i) => {
    earliest = Math.max(earliest, toMinutes(v.windowStart) - offsets[i]!);
    latest = Math.min(latest, toMinutes(v.windowEnd) - offsets[i]!);
  });
  if (earliest > latest || earliest < 0) return null;
  if (rules.startWindow) {
    const w = rules.startWindow(earliest, latest, t);
    if (!w || w.start > w.end) return null;
    earliest = Math.max(earliest, w.start);
    latest = Math.min(latest, w.end);
    if (earliest > latest) return null;
  }
  const saved = order.reduce((a, v) => a + soloMin(v, rules), 0) - t;
  return {
    visits: order.map((v) => v.id), kinds, offsets, durationMin: t,
    window: { start: fromMinutes(earliest), end: fromMinutes(latest) }, savedMin: saved,
  };
}

/**
 * The best delivery order for a few visits: every order is tried (trips are small; maxClients
 * keeps this at most 5! = 120 layouts), the shortest feasible one wins, ties by id for
 * reproducible plans.
 * @returns the shortest trip, or null when no order keeps every window
 */
export function bestTrip(members: readonly ErrandVisit[], rules: ErrandRules): ErrandTrip | null {
  let best: ErrandTrip | null = null;
  for (const order of permutations([...members].sort((a, b) => a.id.localeCompare(b.id)))) {
    const trip = layOutTrip(order, rules);
    if (trip && (!best || trip.durationMin < best.durationMin)) best = trip;
  }
  return best;
}

function* permutations<T>(xs: readonly T[]): Generator<T[]> {
  if (xs.length <= 1) {
    yield [...xs];
    return;
  }
  for (let i = 0; i < xs.length; i++) {
    const rest = [...xs.slice(0, i), ...xs.slice(i + 1)];
    for (const p of permutations(rest)) yield [xs[i]!, ...p];
  }
}

/**
 * Group a team's errand visits of one day into car trips. Greedy: visits in order of their
 * window, each joins the trip where it saves the most minutes while every member's window still
 * holds, or is left alone. Only trips of two or more visits are returned; a visit in none is
 * done on its own as before.
 * @param visits - the day's errand visits (shopping and pharmacy) of clients one service group serves
 * @param rules - shops, shared shop time, time at home, travel by car, trip size
 * @returns the trips, each with its delivery order, offsets, start window and saved minutes
 */
export function groupErrandTrips(visits: readonly ErrandVisit[], rules: ErrandRules): ErrandTrip[] {
  const sorted = [...visits].sort((a, b) => a.windowStart.localeCompare(b.windowStart) || a.id.localeCompare(b.id));
  const groups: ErrandVisit[][] = [];
  const cost = (g: readonly ErrandVisit[]) => (g.length === 1 ? soloMin(g[0]!, rules) : bestTrip(g, rules)?.durationMin ?? Infinity);
  for (const v of sorted) {
    let bestGain = 0;
    let bestGroup: ErrandVisit[] | null = null;
    for (const g of groups) {
      if (g.length >= rules.maxClients) continue;
      const joined = bestTrip([...g, v], rules);
      if (!joined) continue;
      const gain = cost(g) + soloMin(v, rules) - joined.durationMin;
      if (gain > bestGain) {
        bestGain = gain;
        bestGroup = g;
      }
    }
    if (bestGroup) bestGroup.push(v);
    else groups.push([v]);
  }
  return groups.filter((g) => g.length > 1).map((g) => bestTrip(g, rules)!);
}
