// Kalix town and villages (Norrbotten) with approximate real coordinates, streets and postal codes,
// and the travel model the planning problem uses (haversine × detour factor, planning-format.md).
import type { Coordinates, Transport } from '@tillit/domain';

export interface Place {
  name: string;
  /** Approximate centre of the town or village (WGS84, rounded; good to a few hundred metres). */
  centre: Coordinates;
  postalCodes: readonly string[];
  /** The postal town printed on the address. */
  city: string;
  streets: readonly string[];
}

export const PLACES = {
  centrum: {
    name: 'Kalix centrum', centre: { lat: 65.8535, lon: 23.1565 }, postalCodes: ['952 31', '952 32', '952 33'], city: 'Kalix',
    streets: ['Storgatan', 'Strandgatan', 'Köpmangatan', 'Torggatan', 'Skolgatan', 'Kyrkogatan', 'Hantverkargatan', 'Nygatan'],
  },
  nasbyn: {
    name: 'Näsbyn', centre: { lat: 65.8665, lon: 23.1240 }, postalCodes: ['952 34', '952 35'], city: 'Kalix',
    streets: ['Näsbyvägen', 'Björkvägen', 'Tallvägen', 'Granvägen', 'Lärkvägen'],
  },
  ytterbyn: {
    name: 'Ytterbyn', centre: { lat: 65.8270, lon: 23.1380 }, postalCodes: ['952 36'], city: 'Kalix',
    streets: ['Ytterbyvägen', 'Sjövägen', 'Furuvägen', 'Ängsvägen'],
  },
  rolfs: {
    name: 'Rolfs', centre: { lat: 65.8470, lon: 23.1900 }, postalCodes: ['952 50'], city: 'Kalix',
    streets: ['Rolfsvägen', 'Älvvägen', 'Rönnvägen', 'Idrottsvägen'],
  },
  nyborg: {
    name: 'Nyborg', centre: { lat: 65.8150, lon: 23.2050 }, postalCodes: ['952 51'], city: 'Kalix',
    streets: ['Nyborgsvägen', 'Hamnvägen', 'Sälgvägen'],
  },
  gammelgarden: {
    name: 'Gammelgården', centre: { lat: 65.8820, lon: 23.1750 }, postalCodes: ['952 52'], city: 'Kalix',
    streets: ['Gammelgårdsvägen', 'Byvägen', 'Åkervägen'],
  },
  karlsborg: {
    name: 'Karlsborg', centre: { lat: 65.8000, lon: 23.2830 }, postalCodes: ['952 70'], city: 'Karlsborg',
    streets: ['Bruksvägen', 'Karlsborgsvägen', 'Sågverksvägen'],
  },
  batskarsnas: {
    name: 'Båtskärsnäs', centre: { lat: 65.7790, lon: 23.3980 }, postalCodes: ['952 75'], city: 'Båtskärsnäs',
    streets: ['Båtskärsvägen', 'Strandvägen', 'Fiskarvägen'],
  },
  sangis: {
    name: 'Sangis', centre: { lat: 65.8572, lon: 23.4903 }, postalCodes: ['952 72'], city: 'Sangis',
    streets: ['Sangisvägen', 'Älvvägen', 'Kyrkvägen', 'Skolvägen'],
  },
  risogrund: {
    name: 'Risögrund', centre: { lat: 65.8050, lon: 23.0750 }, postalCodes: ['952 61'], city: 'Kalix',
    streets: ['Risögrundsvägen', 'Viksvägen', 'Havsvägen'],
  },
  tore: {
    name: 'Töre', centre: { lat: 65.9115, lon: 22.6525 }, postalCodes: ['952 95'], city: 'Töre',
    streets: ['Töre byväg', 'Stationsvägen', 'Järnvägsgatan', 'Skolvägen'],
  },
} as const satisfies Record<string, Place>;

export type PlaceKey = keyof typeof PLACES;

/** An area a day team covers: the places in it (weight = share of the area's clients). */
export interface AreaTemplate {
  team: string;
  area: string;
  places: readonly (readonly [PlaceKey, number])[];
  /** Staff who may bike or walk here (in town). */
  townShare: number;
}

/**
 * The six day-team areas of the default demo, town first. Areas are kept compact because the
 * planning format's travel model (35 km/h by car, ×1.3 detour) makes Töre almost an hour from Kalix.
 */
export const KALIX_AREAS: readonly AreaTemplate[] = [
  { team: 'Lag Centrum', area: 'Kalix centrum', places: [['centrum', 1]], townShare: 0.4 },
  { team: 'Lag Näsbyn', area: 'Näsbyn och Gammelgården', places: [['nasbyn', 3], ['gammelgarden', 1]], townShare: 0.2 },
  { team: 'Lag Rolfs', area: 'Rolfs och Nyborg', places: [['rolfs', 3], ['nyborg', 2]], townShare: 0 },
  { team: 'Lag Ytterbyn', area: 'Ytterbyn och Risögrund', places: [['ytterbyn', 3], ['risogrund', 2]], townShare: 0 },
  { team: 'Lag Karlsborg', area: 'Karlsborg, Båtskärsnäs och Sangis', places: [['karlsborg', 2], ['batskarsnas', 1], ['sangis', 2]], townShare: 0 },
  { team: 'Lag Töre', area: 'Töre', places: [['tore', 1]], townShare: 0 },
];

/** Day teams farther than this from Kalix centrum have their own evening team (an evening round from Kalix cannot reach them). */
export const REMOTE_KM = 15;

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km (haversine), the radius planning-format.md names. */
export function haversineKm(a: Coordinates, b: Coordinates): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const TRAVEL = {
  model: 'haversine',
  detourFactor: 1.3,
  speedKmh: { car: 35, bike: 14, walk: 4.5 },
  parkingMin: { car: 2 },
} as const;

/** Minutes from a to b as the planning problem's haversine model counts them (rounded up, parking on arrival). */
export function travelMinutes(a: Coordinates, b: Coordinates, by: Transport): number {
  if (a.lat === b.lat && a.lon === b.lon) return 0;
  const km = haversineKm(a, b) * TRAVEL.detourFactor;
  const parking = by === 'car' ? TRAVEL.parkingMin.car : 0;
  return Math.ceil((km / TRAVEL.speedKmh[by]) * 60 + parking);
}

/** @returns a point about `metres` (one standard deviation-ish) away from `c` in a random direction. */
export function scatter(c: Coordinates, metres: number, rnd: () => number): Coordinates {
  const dist = metres * (rnd() + rnd() + rnd()) / 1.5;
  const angle = rnd() * 2 * Math.PI;
  const dLat = (dist * Math.cos(angle)) / 111_320;
  const dLon = (dist * Math.sin(angle)) / (111_320 * Math.cos((c.lat * Math.PI) / 180));
  return { lat: Math.round((c.lat + dLat) * 1e6) / 1e6, lon: Math.round((c.lon + dLon) * 1e6) / 1e6 };
}
