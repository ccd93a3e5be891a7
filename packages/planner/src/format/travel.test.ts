import { describe, expect, it } from 'vitest';
import { greatCircleKm, travelFunction } from './travel.js';
import { parseProblem } from './schema.js';
import { twoStaffDay } from '../testing/fixtures.js';

describe('travel model', () => {
  it('measures one degree of latitude as 6371.0088 km × π / 180', () => {
    expect(greatCircleKm({ lat: 60, lon: 15 }, { lat: 61, lon: 15 })).toBeCloseTo(111.1951, 3);
  });

  it('applies detour, speed and parking, then rounds up to whole minutes', () => {
    const p = parseProblem({ ...twoStaffDay(), travel: { model: 'haversine', detourFactor: 1.3, speedKmh: { car: 35, walk: 4.5 }, parkingMin: { car: 2 } } });
    const f = travelFunction(p);
    // 111.1951 km × 1.3 = 144.5536 km; / 35 km/h × 60 = 247.806 min; + 2 parking = 249.806 -> 250.
    expect(f({ lat: 60, lon: 15 }, { lat: 61, lon: 15 }, 'car')).toBe(250);
    // Walking has no parking: 144.5536 / 4.5 × 60 = 1927.38 -> 1928.
    expect(f({ lat: 60, lon: 15 }, { lat: 61, lon: 15 }, 'walk')).toBe(1928);
  });

  it('reads an explicit matrix by location position', () => {
    const p = parseProblem(twoStaffDay());
    const f = travelFunction(p);
    expect(f(p.visits[0]!.location, p.visits[3]!.location, 'car')).toBe(30);
  });
});
