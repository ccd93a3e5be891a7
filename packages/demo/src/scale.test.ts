import { client, isoWeekday, staff as staffSchema, visit } from '@tillit/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateDemo } from './generate.js';
import type { DemoMunicipality } from './types.js';

// 2 000 clients stand in for the 20 000-client load test, which is too slow for the unit suite.
const TODAY = '2026-11-25';
let demo: DemoMunicipality;
let ms = 0;

beforeAll(() => {
  const t0 = performance.now();
  demo = generateDemo({ seed: 11, today: TODAY, clients: 2000 });
  ms = performance.now() - t0;
});

describe('a 2 000-client demo', () => {
  it('scales day teams to about one per 18 clients, with evening teams, service groups and units', () => {
    const day = demo.teams.filter((t) => t.kind === 'day');
    // 2000 / 18 = 111.1
    expect(day).toHaveLength(111);
    expect(demo.teams.filter((t) => t.kind === 'service')).toHaveLength(19);
    expect(demo.teams.filter((t) => t.kind === 'evening').length).toBeGreaterThanOrEqual(19);
    expect(demo.units).toHaveLength(37);
    const perTeam = day.map((t) => demo.clients.filter((c) => c.teamId === t.id).length);
    expect(Math.min(...perTeam)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...perTeam)).toBeLessThanOrEqual(19);
  });

  it('keeps the default proportions of languages, double staffing and relatives', () => {
    const share = (n: number) => n / demo.clients.length;
    const first = (lang: string) => demo.clients.filter((c) => c.languages[0] === lang).length;
    expect(share(first('sv'))).toBeGreaterThan(0.75);
    expect(share(first('fi'))).toBeCloseTo(0.12, 1);
    expect(share(first('ar') + first('so') + first('fa'))).toBeCloseTo(0.085, 1);
    const doubled = demo.carePlans.filter((p) => p.visits.some((v) => v.staffCount === 2)).length;
    expect(share(doubled)).toBeCloseTo(0.1, 1);
    expect(share(new Set(demo.relatives.map((r) => r.clientId)).size)).toBeCloseTo(0.5, 1);
  });

  it('has about 2.7 visits per client on a weekday and staff in proportion', () => {
    expect(isoWeekday(TODAY)).toBe(3);
    const today = demo.visits.filter((v) => v.date === TODAY).length;
    expect(today / demo.clients.length).toBeGreaterThan(2.4);
    expect(today / demo.clients.length).toBeLessThan(3.1);
    expect(demo.staff.length / demo.clients.length).toBeGreaterThan(0.5);
    expect(demo.staff.length / demo.clients.length).toBeLessThan(0.8);
  });

  it('misses about 2–3 % of the history and staffs nearly all of today', () => {
    const history = demo.visits.filter((v) => v.date < TODAY);
    const missed = history.filter((v) => v.status === 'missed').length / history.length;
    expect(missed).toBeGreaterThan(0.01);
    expect(missed).toBeLessThan(0.045);
    const today = demo.visits.filter((v) => v.date === TODAY);
    expect(today.filter((v) => v.staffIds.length > 0).length / today.length).toBeGreaterThan(0.95);
  });

  it('still passes the schemas (a sample) and is quick', () => {
    expect(z.array(client).safeParse(demo.clients).success).toBe(true);
    expect(z.array(staffSchema).safeParse(demo.staff).success).toBe(true);
    expect(z.array(visit).safeParse(demo.visits.filter((_, i) => i % 50 === 0)).success).toBe(true);
    // About 2 s alone; generous for a shared machine.
    expect(ms).toBeLessThan(15_000);
  });
});
