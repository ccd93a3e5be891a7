// The format's travel model: haversine with a detour factor, a speed per transport and parking
// at every arrival, rounded up to whole minutes; or an explicit minute matrix.
import type { Problem } from './schema.js';

/** Earth radius the format prescribes (km). */
export const EARTH_RADIUS_KM = 6371.0088;

export interface LatLon {
  lat: number;
  lon: number;
}

/** @returns great-circle distance in km (haversine formula). */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A travel-time function for a problem.
 * @returns minutes from `a` to `b` by `transport`. Parking is charged on every leg, also between two
 *   visits at the same address, so a plan is valid however strictly "every arrival" is read.
 */
export function travelFunction(p: Problem): (a: LatLon, b: LatLon, transport: string) => number {
  const t = p.travel;
  if (t.model === 'matrix') {
    const index = new Map(t.locations.map((l, i) => [`${l.lat},${l.lon}`, i]));
    return (a, b) => {
      const i = index.get(`${a.lat},${a.lon}`);
      const j = index.get(`${b.lat},${b.lon}`);
      if (i === undefined || j === undefined) return Number.POSITIVE_INFINITY;
      return t.minutes[i]![j]!;
    };
  }
  return (a, b, transport) => {
    const km = greatCircleKm(a, b) * t.detourFactor;
    const speed = t.speedKmh[transport] ?? Number.NaN;
    return Math.ceil((km / speed) * 60 + (t.parkingMin[transport] ?? 0));
  };
}
