import { isoWeekday } from '@tillit/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { haversineKm } from './geography.js';
import { DEFAULT_PROBLEM_DATE, homeCareProblem, type HomeCareProblem, type ProblemStaff } from './problem.js';

let problem: HomeCareProblem;

beforeAll(() => {
  problem = homeCareProblem({ seed: 1 });
});

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

describe('homeCareProblem (seed 1)', () => {
  it('is a tillit.problem/v1 for an ordinary Monday with the haversine travel model', () => {
    expect(problem.format).toBe('tillit.problem/v1');
    expect(problem.date).toBe(DEFAULT_PROBLEM_DATE);
    expect(isoWeekday(problem.date)).toBe(1);
    expect(problem.travel).toEqual({ model: 'haversine', detourFactor: 1.3, speedKmh: { car: 35, bike: 14, walk: 4.5 }, parkingMin: { car: 2 } });
  });

  it('is the same every time for the same seed', () => {
    expect(homeCareProblem({ seed: 1 })).toEqual(problem);
  });

  it('has about 300 visits over the six day teams, the evening team and the service group', () => {
    expect(problem.visits.length).toBeGreaterThan(260);
    expect(problem.visits.length).toBeLessThan(340);
    const teams = new Set(problem.visits.map((v) => v.team));
    expect(teams.size).toBeGreaterThanOrEqual(8);
    expect(new Set(problem.visits.map((v) => v.id)).size).toBe(problem.visits.length);
  });

  it('has staff on shift with breaks, skills, languages and a start and end at the team base', () => {
    expect(problem.staff.length).toBeGreaterThan(30);
    for (const s of problem.staff) {
      expect(s.shift.start).toMatch(HHMM);
      expect(s.shift.end).toMatch(HHMM);
      expect(s.shift.start < s.shift.end).toBe(true);
      expect(s.breaks).toHaveLength(1);
      const b = s.breaks[0] as ProblemStaff['breaks'][number];
      expect(s.shift.start <= b.earliest && b.earliest <= b.latest && b.latest < s.shift.end).toBe(true);
      expect(s.languages).toContain('sv');
      expect(s.skills.length).toBeGreaterThan(0);
      expect(['car', 'bike', 'walk']).toContain(s.transport);
      expect(s.start).toEqual(s.end);
    }
    expect(new Set(problem.staff.map((s) => s.id)).size).toBe(problem.staff.length);
  });

  it('has valid visits: windows, durations, skills someone in the team holds, double staffing, priorities', () => {
    const staffOfTeam = (team: string) => problem.staff.filter((s) => s.team === team);
    for (const v of problem.visits) {
      expect(v.window.start).toMatch(HHMM);
      expect(v.window.end).toMatch(HHMM);
      expect(v.window.start <= v.window.end).toBe(true);
      expect(v.durationMin).toBeGreaterThanOrEqual(5);
      expect([1, 2]).toContain(v.staffCount);
      expect(v.languages.length).toBeGreaterThan(0);
      const able = staffOfTeam(v.team).filter((s) => v.skills.every((k) => s.skills.includes(k)));
      expect(able.length, `${v.id} ${v.skills.join(',')}`).toBeGreaterThanOrEqual(v.staffCount);
      expect(['must', 'normal']).toContain(v.priority);
      for (const [id, n] of Object.entries(v.knownStaff)) {
        expect(problem.staff.some((s) => s.id === id)).toBe(true);
        expect(n).toBeGreaterThan(0);
      }
      if (v.fixedContact !== undefined) expect(problem.staff.some((s) => s.id === v.fixedContact)).toBe(true);
    }
    expect(problem.visits.filter((v) => v.staffCount === 2).length).toBeGreaterThan(5);
    expect(problem.visits.filter((v) => v.priority === 'must').length).toBeGreaterThan(problem.visits.length / 2);
    expect(problem.visits.some((v) => v.priority === 'normal')).toBe(true);
  });

  it('has the fixed contact on shift and able to do most of their clients\' visits', () => {
    const staff = new Map(problem.staff.map((s) => [s.id, s]));
    const withFixed = problem.visits.filter((v) => v.fixedContact !== undefined);
    const able = withFixed.filter((v) => {
      const s = staff.get(v.fixedContact as string) as ProblemStaff;
      return s.team === v.team && v.skills.every((k) => s.skills.includes(k));
    });
    // Fixed contacts work in the day teams, about five days in seven.
    expect(withFixed.length / problem.visits.length).toBeGreaterThan(0.3);
    expect(able.length / withFixed.length).toBeGreaterThan(0.8);
    const known = problem.visits.filter((v) => Object.keys(v.knownStaff).length > 0);
    expect(known.length / problem.visits.length).toBeGreaterThan(0.8);
  });

  it('has a speaker of the client\'s first language on staff for nearly every visit', () => {
    const served = problem.visits.filter((v) => problem.staff.some((s) => s.team === v.team && s.languages.includes(v.languages[0] as string)));
    expect(served.length / problem.visits.length).toBeGreaterThan(0.95);
    expect(problem.visits.some((v) => v.languages[0] !== 'sv')).toBe(true);
  });

  it('keeps every visit within reach of its team base', () => {
    for (const v of problem.visits) {
      const base = problem.staff.find((s) => s.team === v.team)?.start;
      expect(base).toBeDefined();
      expect(haversineKm(base as { lat: number; lon: number }, v.location)).toBeLessThan(40);
    }
  });
});
