// The demo's shopping and pharmacy errands carry their kind, so the service group can group them
// into car trips (domain errands.ts), without changing anything else the demo draws.
import { daysBetween, groupErrandTrips, type ErrandVisit, type Place } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate.js';

const TODAY = '2026-11-25';

describe("the demo's errands", () => {
  const demo = generateDemo({ seed: 1, today: TODAY });
  const planVisits = demo.carePlans.flatMap((p) => p.visits);

  it('marks shopping and pharmacy visits as errands and nothing else', () => {
    expect(planVisits.filter((v) => v.title === 'Inköp').every((v) => v.errand === 'shopping')).toBe(true);
    expect(planVisits.filter((v) => v.title === 'Apoteksärende').every((v) => v.errand === 'pharmacy')).toBe(true);
    expect(planVisits.filter((v) => v.title !== 'Inköp' && v.title !== 'Apoteksärende').every((v) => v.errand === null)).toBe(true);
    expect(planVisits.filter((v) => v.errand).length).toBeGreaterThan(50);
  });

  it('leaves every drawn figure as it was (the closing note of issue 5: 315 visits today)', () => {
    // 315 while cleaning and laundry were weekly; 9 of those service visits are in their off week
    // today (the service group's 41 visits today became 32), so 306.
    expect(demo.visits.filter((v) => v.date === TODAY).length).toBe(306);
    expect(demo.staff.length).toBe(75);
    expect(demo.clients.length).toBe(110);
  });

  it("groups a service group's errands of one day into trips that save driving and shop time", () => {
    const errandOf = new Map(planVisits.filter((v) => v.errand).map((v) => [v.id, v.errand!]));
    const client = new Map(demo.clients.map((c) => [c.id, c]));
    const service = demo.teams.find((t) => t.kind === 'service')!;
    const errands: ErrandVisit[] = demo.visits
      .filter((v) => v.teamId === service.id && v.date === TODAY && v.carePlanVisitId && errandOf.has(v.carePlanVisitId))
      .map((v) => ({ id: v.id, errand: errandOf.get(v.carePlanVisitId!)!, location: client.get(v.clientId)!.location, windowStart: v.windowStart, windowEnd: v.windowEnd, durationMin: v.durationMin }));
    // Kalix centre: the shop and the pharmacy by the square; 35 km/h with a 1.3 detour, 2 min parking.
    const km = (a: Place, b: Place) => 6371.0088 * 2 * Math.asin(Math.sqrt(Math.sin(((b.lat - a.lat) * Math.PI) / 360) ** 2 + Math.cos((a.lat * Math.PI) / 180) * Math.cos((b.lat * Math.PI) / 180) * Math.sin(((b.lon - a.lon) * Math.PI) / 360) ** 2));
    const trips = groupErrandTrips(errands, {
      shops: { shopping: service.base, pharmacy: service.base },
      sharedMin: { shopping: 15, pharmacy: 10 }, homeMin: 10, maxClients: 4,
      travelMin: (a, b) => Math.ceil((km(a, b) * 1.3 / 35) * 60) + 2,
    });
    expect(errands.length).toBeGreaterThan(3);
    expect(trips.length).toBeGreaterThan(0);
    expect(trips.every((t) => t.savedMin > 0 && t.visits.length >= 2)).toBe(true);
    console.log(`demo ${TODAY}: ${errands.length} errands of ${service.name}; ${trips.length} trips of ${trips.map((t) => t.visits.length).join('+')} clients, ${trips.reduce((a, t) => a + t.savedMin, 0)} min saved`);
  });
});

describe("the demo's cleaning and laundry", () => {
  const demo = generateDemo({ seed: 1, today: TODAY });
  const planVisits = demo.carePlans.flatMap((p) => p.visits);
  const fortnightly = planVisits.filter((v) => v.title === 'Städning' || v.title === 'Tvätt');

  it('come every other week, 14 days apart for each client, in both weeks about equally', () => {
    expect(fortnightly.length).toBeGreaterThan(50);
    expect(fortnightly.every((v) => v.intervalWeeks === 2 && v.weekAnchor)).toBe(true);
    expect(planVisits.filter((v) => v.title !== 'Städning' && v.title !== 'Tvätt').every((v) => v.intervalWeeks === undefined)).toBe(true);
    for (const pv of fortnightly) {
      const dates = demo.visits.filter((v) => v.carePlanVisitId === pv.id).map((v) => v.date).sort();
      for (let i = 1; i < dates.length; i++) expect(daysBetween(dates[i - 1]!, dates[i]!)).toBe(14);
    }
    const thisWeek = fortnightly.filter((v) => v.weekAnchor === TODAY).length;
    expect(Math.abs(2 * thisWeek - fortnightly.length)).toBeLessThanOrEqual(fortnightly.length / 5);
  });
});
