import { describe, expect, it } from 'vitest';
import { checkPlan } from './check-plan.js';
import { parseProblem, type Plan } from '../format/schema.js';
import { twoStaffDay } from '../testing/fixtures.js';

// Hand-made valid plan for twoStaffDay (10 minutes per step on the line, start and end at 0):
// anna: v1 at loc 1 08:10-08:40; v2 at loc 2 09:00-09:30; break 11:00-11:30 at loc 2;
//       v3 at loc 3 11:40-12:10 (travel 10 after the break); back at 0 by 12:40.
// bo:   v2 09:00-09:30 (travel 20 from 0, arrives 08:20); v4 at loc 4 12:00-12:30; break
//       12:30-13:00 at loc 4; v5 at loc 5 13:10-13:40; back 14:30.
function validPlan(): Plan {
  return {
    format: 'tillit.plan/v1',
    date: '2026-11-23',
    routes: [
      { staff: 'anna', stops: [
        { visit: 'v1', start: '08:10', end: '08:40' },
        { visit: 'v2', start: '09:00', end: '09:30' },
        { break: true, start: '11:00', end: '11:30' },
        { visit: 'v3', start: '11:40', end: '12:10' },
      ] },
      { staff: 'bo', stops: [
        { visit: 'v2', start: '09:00', end: '09:30' },
        { visit: 'v4', start: '12:00', end: '12:30' },
        { break: true, start: '12:30', end: '13:00' },
        { visit: 'v5', start: '13:10', end: '13:40' },
      ] },
    ],
    unassigned: [],
    metrics: {},
  };
}

const problem = parseProblem(twoStaffDay());

describe('checkPlan', () => {
  it('accepts a hand-checked valid plan and recomputes its metrics', () => {
    const r = checkPlan(problem, validPlan());
    expect(r.violations).toEqual([]);
    expect(r.valid).toBe(true);
    // Travel: anna 10+10+10(after break)+30 back = 60; bo 20+20+10+50 back = 100.
    expect(r.metrics.travelMin).toBe(160);
    expect(r.metrics.assigned).toBe(5);
    // v1 by anna (fixed contact), v4 by bo (fixed contact): 2 of 2.
    expect(r.metrics.byFixedContact).toBe(1);
    // v3 wants Finnish; anna does not speak it although bo could have come.
    expect(r.metrics.firstLanguageMatch).toBe(0);
    expect(r.metrics.staffWithoutVisits).toBe(0);
  });

  it('counts staff on shift without a visit, whom the work spread leaves out', () => {
    const withCai = parseProblem({ ...twoStaffDay(), staff: [...twoStaffDay().staff, { ...twoStaffDay().staff[0]!, id: 'cai' }] });
    const r = checkPlan(withCai, validPlan());
    expect(r.metrics.staffWithoutVisits).toBe(1);
    // anna and bo have 90 visit minutes each: the spread is theirs alone (with cai's 0 it would be 42).
    expect(r.metrics.workMinStdDev).toBe(0);
  });

  it('says when travel does not fit between two visits', () => {
    const plan = validPlan();
    plan.routes[0]!.stops[1] = { visit: 'v2', start: '08:45', end: '09:15' };
    plan.routes[1]!.stops[0] = { visit: 'v2', start: '08:45', end: '09:15' };
    const r = checkPlan(problem, plan);
    expect(r.valid).toBe(false);
    expect(r.violations).toContain('anna: visit v2 starts 08:45 but cannot arrive before 08:50 (10 min travel after visit v1)');
    expect(r.violations).toContain('bo: visit v2 starts 08:45, outside its window 09:00-10:00');
  });

  it('says when a double-staffed visit does not start at the same minute', () => {
    const plan = validPlan();
    plan.routes[1]!.stops[0] = { visit: 'v2', start: '09:05', end: '09:35' };
    expect(checkPlan(problem, plan).violations).toContain('double-staffed visit v2 has different starts: anna 09:00, bo 09:05');
  });

  it('says when a double-staffed visit has only one person', () => {
    const plan = validPlan();
    plan.routes[1]!.stops.shift();
    expect(checkPlan(problem, plan).violations).toContain('visit v2 needs 2 staff but appears 1 time(s)');
  });

  it('says when a break is missing, late or overlaps a visit', () => {
    const plan = validPlan();
    plan.routes[0]!.stops.splice(2, 1);
    expect(checkPlan(problem, plan).violations).toContain('anna: 1 break(s) not taken');
    const late = validPlan();
    late.routes[0]!.stops[2] = { break: true, start: '13:05', end: '13:35' };
    late.routes[0]!.stops[3] = { visit: 'v3', start: '11:40', end: '12:10' };
    const v = checkPlan(problem, late).violations;
    expect(v).toContain('anna: break starts 13:05, outside 11:00-13:00');
    const overlap = validPlan();
    overlap.routes[1]!.stops[2] = { break: true, start: '12:15', end: '12:45' };
    expect(checkPlan(problem, overlap).violations).toContain('bo: break at 12:15 overlaps visit v4 (free from 12:30)');
  });

  it('says when a visit is missing, unknown, or lacks a skill holder', () => {
    const plan = validPlan();
    plan.routes[1]!.stops.pop();
    plan.routes[0]!.stops.push({ visit: 'v99', start: '14:00', end: '14:30' });
    const v = checkPlan(problem, plan).violations;
    expect(v).toContain('visit v5 is neither planned nor listed as unassigned');
    expect(v).toContain('anna: unknown visit "v99"');
    const skill = parseProblem({ ...twoStaffDay(), visits: twoStaffDay().visits.map((x) => (x.id === 'v1' ? { ...x, skills: ['medication'] } : x)) });
    expect(checkPlan(skill, validPlan()).violations).toContain("anna lacks skill 'medication' for visit v1");
  });

  it('accepts an unassigned visit with a reason and says when it has none', () => {
    const plan = validPlan();
    plan.routes[1]!.stops.pop();
    plan.unassigned = [{ visit: 'v5', reason: 'no qualified staff is free' }];
    expect(checkPlan(problem, plan).valid).toBe(true);
    expect(checkPlan(problem, plan).metrics.unassigned).toBe(1);
  });

  it('says when a route runs past the end of the shift', () => {
    const plan = validPlan();
    plan.routes[1]!.stops[3] = { visit: 'v5', start: '15:00', end: '15:30' };
    // v5 window ends 15:00, so only the return is late: 15:30 + 50 min = 16:20.
    expect(checkPlan(problem, plan).violations).toContain('bo: back at the end at 16:20, after the shift ends 16:00');
  });
});

describe('checkPlan gives each violation a code and its parameters', () => {
  it('names the staff, visit, travel and the visit before when travel does not fit', () => {
    const plan = validPlan();
    plan.routes[0]!.stops[1] = { visit: 'v2', start: '08:45', end: '09:15' };
    plan.routes[1]!.stops[0] = { visit: 'v2', start: '08:45', end: '09:15' };
    const r = checkPlan(problem, plan);
    // anna leaves v1 at 08:40, 10 min to v2: 08:50.
    expect(r.details).toContainEqual({
      code: 'travel-too-short', message: 'anna: visit v2 starts 08:45 but cannot arrive before 08:50 (10 min travel after visit v1)',
      params: { staff: 'anna', visit: 'v2', start: '08:45', earliest: '08:50', travelMin: 10, after: 'v1', afterKind: 'visit' },
    });
    expect(r.details).toContainEqual({
      code: 'outside-window', message: 'bo: visit v2 starts 08:45, outside its window 09:00-10:00',
      params: { staff: 'bo', visit: 'v2', start: '08:45', windowStart: '09:00', windowEnd: '10:00' },
    });
  });

  it('keeps the sentences and the codes in the same order, one each', () => {
    const plan = validPlan();
    plan.routes[1]!.stops[0] = { visit: 'v2', start: '09:05', end: '09:35' };
    plan.routes[0]!.stops.splice(2, 1);
    const r = checkPlan(problem, plan);
    expect(r.details.map((d) => d.message)).toEqual(r.violations);
    expect(r.details.map((d) => d.code)).toEqual(expect.arrayContaining(['break-not-taken', 'double-starts-differ']));
    expect(r.details.find((d) => d.code === 'double-starts-differ')!.params.starts).toEqual([{ staff: 'anna', start: '09:00' }, { staff: 'bo', start: '09:05' }]);
    expect(r.details.find((d) => d.code === 'break-not-taken')!.params).toEqual({ staff: 'anna', count: 1 });
  });

  it('codes a missing skill, a lost visit, a short team and a late return', () => {
    const skill = parseProblem({ ...twoStaffDay(), visits: twoStaffDay().visits.map((x) => (x.id === 'v1' ? { ...x, skills: ['medication'] } : x)) });
    expect(checkPlan(skill, validPlan()).details.map((d) => [d.code, d.params.skills])).toEqual([['missing-skill', ['medication']]]);
    const lost = validPlan();
    lost.routes[1]!.stops.pop();
    expect(checkPlan(problem, lost).details.map((d) => d.code)).toEqual(['visit-lost']);
    const short = validPlan();
    short.routes[1]!.stops.shift();
    expect(checkPlan(problem, short).details.find((d) => d.code === 'staff-count')!.params).toEqual({ visit: 'v2', needed: 2, count: 1 });
    const late = validPlan();
    late.routes[1]!.stops[3] = { visit: 'v5', start: '15:00', end: '15:30' };
    expect(checkPlan(problem, late).details.find((d) => d.code === 'after-shift')!.params).toEqual({ staff: 'bo', back: '16:20', shiftEnd: '16:00' });
  });

  it('codes a break over a visit with the visit it overlaps', () => {
    const overlap = validPlan();
    overlap.routes[1]!.stops[2] = { break: true, start: '12:15', end: '12:45' };
    expect(checkPlan(problem, overlap).details.find((d) => d.code === 'break-overlap')!.params).toEqual({ staff: 'bo', start: '12:15', freeFrom: '12:30', after: 'v4', afterKind: 'visit' });
  });
});
