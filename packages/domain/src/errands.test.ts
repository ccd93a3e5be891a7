import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toMinutes } from './time.js';
import { groupErrandTrips, layOutTrip, type ErrandRules, type ErrandVisit } from './errands.js';

// A small town on a grid: one minute of driving per 0.01 degree, along the streets.
const travelMin = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => Math.round(Math.abs(a.lat - b.lat) * 100 + Math.abs(a.lon - b.lon) * 100);
const rules: ErrandRules = {
  shops: { shopping: { lat: 0, lon: 0 }, pharmacy: { lat: 0, lon: 0.05 } },
  sharedMin: { shopping: 15, pharmacy: 10 },
  homeMin: 10,
  travelMin,
  maxClients: 4,
};
const visit = (id: string, errand: ErrandVisit['errand'], lat: number, lon: number, window: [string, string], durationMin: number): ErrandVisit =>
  ({ id, errand, location: { lat, lon }, windowStart: window[0], windowEnd: window[1], durationMin });

// Anna lives 5 min from the shop, Bo 8 min (3 min past Anna); both shop between 10 and 12.
const anna = visit('anna', 'shopping', 0.05, 0, ['10:00', '12:00'], 45); // 20 min of her own in the shop
const bo = visit('bo', 'shopping', 0.08, 0, ['10:00', '12:00'], 40); // 15 min of his own
const cilla = visit('cilla', 'shopping', 0.05, 0, ['15:00', '16:00'], 45);
const dora = visit('dora', 'pharmacy', 0.05, 0.05, ['10:00', '12:00'], 30); // 5 min from the pharmacy

describe('errand trips', () => {
  it('shops once for two clients and delivers nearest first, counting the shared shop time once', () => {
    // In the shop: 15 shared + 20 (Anna) + 15 (Bo) = 50; drive 5 to Anna (55), 10 there, drive 3
    // to Bo (68), 10 there: 78 min. Alone: Anna 45 + 5 = 50, Bo 40 + 8 = 48; saved 98 − 78 = 20.
    // Start T: Anna needs 10:00 ≤ T + 55 ≤ 12:00, Bo 10:00 ≤ T + 68 ≤ 12:00: T in 09:05–10:52.
    expect(groupErrandTrips([bo, anna], rules)).toEqual([{
      visits: ['anna', 'bo'], kinds: ['shopping'], offsets: [55, 68], durationMin: 78,
      window: { start: '09:05', end: '10:52' }, savedMin: 20,
    }]);
  });

  it('keeps a client whose window does not meet the others\' on their own', () => {
    const trips = groupErrandTrips([anna, bo, cilla], rules);
    expect(trips.map((t) => t.visits)).toEqual([['anna', 'bo']]);
    expect(layOutTrip([anna, cilla], rules)).toBeNull();
  });

  it('adds a pharmacy errand only when the detour saves time', () => {
    // With Dora: shop 50, drive 5 to the pharmacy, 10 + 10 there (75), Dora 80, Anna 95, Bo 108,
    // done 118. Apart: trip 78 + Dora alone 30 + 5 = 113 < 118, so Dora goes alone.
    expect(layOutTrip([dora, anna, bo], rules)!.durationMin).toBe(118);
    expect(groupErrandTrips([anna, bo, dora], rules).map((t) => t.visits)).toEqual([['anna', 'bo']]);
    // Two pharmacy errands next door to each other do share the trip.
    const erik = visit('erik', 'pharmacy', 0.06, 0.05, ['10:00', '12:00'], 30);
    expect(groupErrandTrips([dora, erik], rules).map((t) => [t.visits, t.kinds])).toEqual([[['dora', 'erik'], ['pharmacy']]]);
  });

  it("narrows a trip's start to when a driver's day allows it, and drops a trip no driver could do", () => {
    // Anna and Bo alone could start 09:05–10:52 (78 min). A driver whose break must start by
    // 11:00 can only do a 78-min trip that ends by then: start ≤ 09:42.
    const beforeBreak = { ...rules, startWindow: (from: number, to: number, durationMin: number) => ({ start: from, end: Math.min(to, toMinutes('11:00') - durationMin) }) };
    expect(layOutTrip([anna, bo], beforeBreak)!.window).toEqual({ start: '09:05', end: '09:42' });
    // A driver who starts at 11:00 cannot do it at all, so Anna and Bo stay apart.
    const late = { ...rules, startWindow: (from: number, to: number) => (to < toMinutes('11:00') ? null : { start: Math.max(from, toMinutes('11:00')), end: to }) };
    expect(layOutTrip([anna, bo], late)).toBeNull();
    expect(groupErrandTrips([anna, bo], late)).toEqual([]);
  });

  it('never puts more clients on a trip than fit', () => {
    const many = Array.from({ length: 7 }, (_, i) => visit(`c${i}`, 'shopping', 0.05 + i * 0.001, 0, ['09:00', '14:00'], 40));
    const trips = groupErrandTrips(many, { ...rules, maxClients: 3 });
    expect(trips.every((t) => t.visits.length <= 3)).toBe(true);
    expect(trips.flatMap((t) => t.visits).length).toBeGreaterThanOrEqual(6);
  });

  it('gives every trip a start at which each delivery starts inside its client\'s window, and saves time', () => {
    const place = fc.record({ lat: fc.integer({ min: 0, max: 20 }).map((x) => x / 100), lon: fc.integer({ min: 0, max: 20 }).map((x) => x / 100) });
    const errand = fc.record({
      errand: fc.constantFrom('shopping' as const, 'pharmacy' as const),
      location: place,
      start: fc.integer({ min: 8 * 12, max: 15 * 12 }).map((x) => x * 5),
      width: fc.integer({ min: 0, max: 36 }).map((x) => x * 5),
      durationMin: fc.integer({ min: 20, max: 60 }),
    });
    fc.assert(fc.property(fc.array(errand, { maxLength: 9 }), fc.integer({ min: 2, max: 5 }), (raw, maxClients) => {
      const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      const visits = raw.map((r, i) => ({ id: `v${i}`, errand: r.errand, location: r.location, windowStart: hhmm(r.start), windowEnd: hhmm(r.start + r.width), durationMin: r.durationMin }));
      const byId = new Map(visits.map((v) => [v.id, v]));
      const trips = groupErrandTrips(visits, { ...rules, maxClients });
      const seen = new Set<string>();
      for (const t of trips) {
        expect(t.visits.length).toBeGreaterThanOrEqual(2);
        expect(t.visits.length).toBeLessThanOrEqual(maxClients);
        expect(t.savedMin).toBeGreaterThan(0);
        for (const id of t.visits) {
          expect(seen.has(id)).toBe(false);
          seen.add(id);
        }
        // Both ends of the start window hold for every member.
        for (const start of [toMinutes(t.window.start), toMinutes(t.window.end)]) {
          t.visits.forEach((id, i) => {
            const v = byId.get(id)!;
            const at = start + t.offsets[i]!;
            expect(at).toBeGreaterThanOrEqual(toMinutes(v.windowStart));
            expect(at).toBeLessThanOrEqual(toMinutes(v.windowEnd));
          });
        }
        // Deliveries follow each other with time at home and the drive between.
        for (let i = 1; i < t.visits.length; i++) {
          expect(t.offsets[i]! - t.offsets[i - 1]!).toBeGreaterThanOrEqual(rules.homeMin + travelMin(byId.get(t.visits[i - 1]!)!.location, byId.get(t.visits[i]!)!.location));
        }
        expect(t.durationMin).toBe(t.offsets.at(-1)! + rules.homeMin);
      }
    }), { numRuns: 200 });
  });
});
