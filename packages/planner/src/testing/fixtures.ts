// Small named problems for tests: a few staff and visits on a grid of locations with an
// explicit minute matrix, so the arithmetic in a test can be done by hand.
import type { ProblemInput } from '../format/schema.js';
import { Random } from '../search/random.js';
import { ModelBuilder, type Model } from '../model/model.js';

/** Locations 0..n-1 on a line, 10 minutes apart per step. */
export function lineMatrix(n: number): { locations: { lat: number; lon: number }[]; minutes: number[][] } {
  const locations = Array.from({ length: n }, (_, i) => ({ lat: 60, lon: 15 + i / 100 }));
  const minutes = locations.map((_, i) => locations.map((__, j) => Math.abs(i - j) * 10));
  return { locations, minutes };
}

export const loc = (i: number): { lat: number; lon: number } => ({ lat: 60, lon: 15 + i / 100 });

/**
 * Two staff at location 0, 08:00-16:00 with a 30-minute break 11:00-13:00, and visits along the line.
 * Visit v2 is double-staffed.
 */
export function twoStaffDay(): ProblemInput {
  const { locations, minutes } = lineMatrix(6);
  const staff = (id: string, languages: string[]) => ({
    id,
    team: 't1',
    skills: ['care'],
    languages,
    transport: 'car',
    start: loc(0),
    end: loc(0),
    shift: { start: '08:00', end: '16:00' },
    breaks: [{ earliest: '11:00', latest: '13:00', durationMin: 30 }],
  });
  const visit = (id: string, l: number, start: string, end: string, extra: Record<string, unknown> = {}) => ({
    id,
    client: `c-${id}`,
    team: 't1',
    location: loc(l),
    window: { start, end },
    durationMin: 30,
    skills: ['care'],
    priority: 'must' as const,
    ...extra,
  });
  return {
    format: 'tillit.problem/v1',
    date: '2026-11-23',
    travel: { model: 'matrix', locations, minutes },
    staff: [staff('anna', ['sv']), staff('bo', ['sv', 'fi'])],
    visits: [
      visit('v1', 1, '08:00', '09:00', { fixedContact: 'anna' }),
      visit('v2', 2, '09:00', '10:00', { staffCount: 2 }),
      visit('v3', 3, '10:00', '12:00', { languages: ['fi'] }),
      visit('v4', 4, '12:00', '14:00', { fixedContact: 'bo' }),
      visit('v5', 5, '13:00', '15:00', { priority: 'normal' }),
    ],
  };
}

/**
 * A random small problem: `nStaff` staff, `nVisits` visits, some double-staffed, some skills,
 * breaks, two teams; for property tests.
 */
export function randomProblem(seed: number, nStaff: number, nVisits: number): ProblemInput {
  const rnd = new Random(seed);
  const nLoc = 8;
  const locations = Array.from({ length: nLoc }, (_, i) => ({ lat: 65.8 + i / 200, lon: 23.1 + rnd.int(50) / 500 }));
  const hh = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const staff = Array.from({ length: nStaff }, (_, i) => {
    const start = 7 * 60 + 30 * rnd.int(4);
    return {
      id: `s${i}`,
      team: `t${i % 2}`,
      skills: rnd.next() < 0.6 ? ['care', 'medication'] : ['care'],
      languages: rnd.next() < 0.5 ? ['sv', 'fi'] : ['sv'],
      transport: rnd.next() < 0.7 ? 'car' : 'walk',
      start: locations[0]!,
      end: locations[rnd.int(2)]!,
      shift: { start: hh(start), end: hh(start + 6 * 60 + 30 * rnd.int(5)) },
      breaks: rnd.next() < 0.7 ? [{ earliest: hh(start + 180), latest: hh(start + 240), durationMin: 20 + 10 * rnd.int(2) }] : [],
    };
  });
  const visits = Array.from({ length: nVisits }, (_, i) => {
    const start = 7 * 60 + 15 * rnd.int(36);
    return {
      id: `v${i}`,
      client: `c${rnd.int(Math.max(1, nVisits >> 1))}`,
      team: `t${rnd.int(2)}`,
      location: locations[rnd.int(nLoc)]!,
      window: { start: hh(start), end: hh(start + 15 * rnd.int(9)) },
      durationMin: 10 + 5 * rnd.int(8),
      skills: rnd.next() < 0.2 ? ['care', 'medication'] : ['care'],
      staffCount: (rnd.next() < 0.15 ? 2 : 1) as 1 | 2,
      languages: rnd.next() < 0.3 ? ['fi', 'sv'] : ['sv'],
      fixedContact: `s${rnd.int(nStaff)}`,
      knownStaff: { [`s${rnd.int(nStaff)}`]: 1 + rnd.int(5) },
      priority: (rnd.next() < 0.6 ? 'must' : 'normal') as 'must' | 'normal',
    };
  });
  return {
    format: 'tillit.problem/v1',
    date: '2026-11-23',
    travel: { model: 'haversine', detourFactor: 1.3, speedKmh: { car: 35, bike: 14, walk: 4.5 }, parkingMin: { car: 2 } },
    staff,
    visits,
  };
}

/** A random Solomon-like uniform model (Euclidean, capacity) with `n` tasks. */
export function randomUniformModel(seed: number, n: number, vehicles = 6): Model {
  const rnd = new Random(seed);
  const pts = Array.from({ length: n + 1 }, () => [rnd.int(100), rnd.int(100)] as const);
  const time = new Float64Array((n + 1) * (n + 1));
  for (let i = 0; i <= n; i++) for (let j = 0; j <= n; j++) time[i * (n + 1) + j] = Math.hypot(pts[i]![0] - pts[j]![0], pts[i]![1] - pts[j]![1]);
  const b = new ModelBuilder(n + 1, [time]);
  for (let i = 1; i <= n; i++) {
    const e = rnd.int(400);
    b.addTask({ loc: i, early: e, late: e + 60 + rnd.int(200), service: 10, demand: 1 + rnd.int(20), dropCost: 1e5 });
  }
  for (let v = 0; v < vehicles; v++) b.addVehicle({ startLoc: 0, endLoc: 0, shiftStart: 0, shiftEnd: 1000, capacity: 100 });
  b.nNeighbours = 10;
  return b.build();
}
