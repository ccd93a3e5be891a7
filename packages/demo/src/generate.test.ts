import {
  absence, addDays, carePlan, client, daysBetween, decision, decisionValidOn, isoWeekday, municipality, relative, shift, staff,
  team, toMinutes, unit, visit, type Shift, type Visit,
} from '@tillit/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateDemo } from './generate.js';
import { haversineKm } from './geography.js';
import type { DemoMunicipality } from './types.js';

// A Wednesday; the history runs back to Wednesday 11 November.
const TODAY = '2026-11-25';
let demo: DemoMunicipality;

beforeAll(() => {
  demo = generateDemo({ seed: 1, today: TODAY });
});

const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((x) => [x.id, x]));

describe('the default demo municipality (seed 1)', () => {
  it('is the same for the same seed and today, and differs for another seed', () => {
    expect(generateDemo({ seed: 1, today: TODAY })).toEqual(demo);
    expect(generateDemo({ seed: 2, today: TODAY, clients: 20, teams: 1 }).municipality.id).not.toBe(demo.municipality.id);
  });

  it('passes the domain schema for every entity', () => {
    const checks: [string, z.ZodType, unknown][] = [
      ['municipality', municipality, demo.municipality],
      ['units', z.array(unit), demo.units],
      ['teams', z.array(team), demo.teams],
      ['staff', z.array(staff), demo.staff],
      ['clients', z.array(client), demo.clients],
      ['relatives', z.array(relative), demo.relatives],
      ['decisions', z.array(decision), demo.decisions],
      ['carePlans', z.array(carePlan), demo.carePlans],
      ['shifts', z.array(shift), demo.shifts],
      ['absences', z.array(absence), demo.absences],
      ['visits', z.array(visit), demo.visits],
    ];
    for (const [name, schema, value] of checks) {
      const r = schema.safeParse(value);
      expect(r.success ? [] : r.error.issues.slice(0, 3), name).toEqual([]);
    }
  });

  it('never uses the same id twice', () => {
    const ids = [
      demo.municipality.id, ...demo.units, ...demo.teams, ...demo.staff, ...demo.clients, ...demo.relatives, ...demo.decisions,
      ...demo.carePlans, ...demo.carePlans.flatMap((p) => p.visits), ...demo.shifts, ...demo.absences, ...demo.visits,
    ].map((x) => (typeof x === 'string' ? x : x.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is Kalix kommun with six day teams of 4–6 staff, an evening team and a service group', () => {
    expect(demo.municipality).toMatchObject({ name: 'Kalix kommun', code: '2514' });
    expect(demo.units.length).toBeGreaterThanOrEqual(1);
    expect(demo.units.length).toBeLessThanOrEqual(2);
    const day = demo.teams.filter((t) => t.kind === 'day');
    expect(day).toHaveLength(6);
    for (const t of day) {
      const n = demo.staff.filter((s) => s.teamId === t.id).length;
      expect(n, t.name).toBeGreaterThanOrEqual(4);
      expect(n, t.name).toBeLessThanOrEqual(6);
    }
    expect(demo.teams.some((t) => t.kind === 'evening' && t.name === 'Kvällslaget')).toBe(true);
    expect(demo.teams.filter((t) => t.kind === 'service')).toHaveLength(1);
    expect(demo.staff.filter((s) => demo.teams.find((t) => t.id === s.teamId)?.kind === 'service').every((s) => s.title === 'service' && s.skills.includes('service'))).toBe(true);
  });

  it('has 110 clients in and around Kalix, mostly aged 70–98, speaking Swedish, Finnish, Arabic, Somali and Persian', () => {
    expect(demo.clients).toHaveLength(110);
    for (const c of demo.clients) {
      expect(c.location.lat).toBeGreaterThan(65.7);
      expect(c.location.lat).toBeLessThan(66.1);
      expect(c.location.lon).toBeGreaterThan(22.6);
      expect(c.location.lon).toBeLessThan(23.6);
      expect(c.postalCode).toMatch(/^952 \d\d$/);
    }
    const ages = demo.clients.map((c) => 2026 - c.birthYear);
    expect(ages.filter((a) => a >= 70 && a <= 98).length / ages.length).toBeGreaterThan(0.85);
    const first = new Set(demo.clients.map((c) => c.languages[0]));
    for (const lang of ['sv', 'en', 'fi', 'ar', 'so', 'fa']) expect(first, lang).toContain(lang);
    expect(demo.clients.filter((c) => c.languages[0] === 'fi').every((c) => c.languages[1] === 'sv')).toBe(true);
  });

  it('gives every client a fixed contact who is an undersköterska of their team and not a substitute', () => {
    const staffById = byId(demo.staff);
    for (const c of demo.clients) {
      const s = staffById.get(c.fixedContactStaffId ?? '');
      expect(s?.title, `${c.firstName} ${c.lastName}`).toBe('underskoterska');
      expect(s?.teamId).toBe(c.teamId);
      expect(s?.employmentForm).not.toBe('hourly');
    }
  });

  it('gives a fixed contact clients in one part of the area, shared out evenly', () => {
    // Mean distance between two clients of one contact, against two clients of one team: the
    // contacts' clients lie in one village or one side of it (measured 0.75 km against 2.04 km).
    const mean = (groups: (typeof demo.clients)[]): number => {
      let km = 0;
      let pairs = 0;
      for (const g of groups)
        for (let i = 0; i < g.length; i++)
          for (let j = i + 1; j < g.length; j++) {
            km += haversineKm((g[i] as (typeof g)[number]).location, (g[j] as (typeof g)[number]).location);
            pairs++;
          }
      return km / pairs;
    };
    const group = (key: (c: (typeof demo.clients)[number]) => string) => {
      const m = new Map<string, typeof demo.clients>();
      for (const c of demo.clients) m.set(key(c), [...(m.get(key(c)) ?? []), c]);
      return [...m.values()];
    };
    const byContact = group((c) => c.fixedContactStaffId ?? '');
    expect(mean(byContact)).toBeLessThan(mean(group((c) => c.teamId)) / 2);
    const sizes = byContact.map((g) => g.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(6);
  });

  it('has someone in the team who speaks the first language of each client', () => {
    for (const c of demo.clients) {
      const lang = c.languages[0] as string;
      expect(demo.staff.some((s) => s.teamId === c.teamId && s.languages.includes(lang)), `${c.id} ${lang}`).toBe(true);
    }
  });

  it('has staff of every employment form, with Swedish for all and other languages for some', () => {
    const forms = new Set(demo.staff.map((s) => s.employmentForm));
    expect([...forms].sort()).toEqual(['fixed_term', 'hourly', 'permanent']);
    expect(demo.staff.every((s) => s.languages[0] === 'sv')).toBe(true);
    for (const lang of ['fi', 'ar', 'so', 'fa', 'en']) expect(demo.staff.some((s) => s.languages.includes(lang)), lang).toBe(true);
    expect(demo.staff.filter((s) => s.employmentForm === 'hourly').every((s) => s.contractedHoursPerWeek === 0)).toBe(true);
    expect(new Set(demo.staff.map((s) => s.transport))).toEqual(new Set(['car', 'bike', 'walk']));
  });

  it('has a decision valid today behind every care plan, and replaced at least one expired decision', () => {
    for (const p of demo.carePlans) {
      const d = demo.decisions.find((x) => x.id === p.decisionId);
      expect(d && decisionValidOn(d, TODAY)).toBe(true);
      expect(p.visits.length).toBeGreaterThan(0);
      for (const v of p.visits) {
        const window = toMinutes(v.windowEnd) - toMinutes(v.windowStart);
        expect(window).toBeGreaterThanOrEqual(30);
        expect(window).toBeLessThanOrEqual(120);
        expect(v.durationMin).toBeGreaterThanOrEqual(10);
        expect(v.durationMin).toBeLessThanOrEqual(60);
      }
    }
    const expired = demo.decisions.filter((d) => d.validTo !== null && d.validTo < TODAY);
    expect(expired.length).toBeGreaterThanOrEqual(1);
    for (const old of expired) {
      expect(demo.decisions.some((d) => d.clientId === old.clientId && d.validFrom === addDays(old.validTo as string, 1))).toBe(true);
    }
  });

  it('has about 10 % of clients with double-staffed visits, and video allowed for some reminders and check-ins', () => {
    const doubled = demo.carePlans.filter((p) => p.visits.some((v) => v.staffCount === 2)).length;
    expect(doubled / demo.clients.length).toBeGreaterThan(0.07);
    expect(doubled / demo.clients.length).toBeLessThan(0.13);
    const video = demo.carePlans.flatMap((p) => p.visits).filter((v) => v.videoAllowed);
    expect(video.length).toBeGreaterThan(5);
    expect(video.every((v) => ['medication', 'safety_check'].includes(v.serviceType))).toBe(true);
  });

  it('has about 300 visits today, planned', () => {
    const today = demo.visits.filter((v) => v.date === TODAY);
    expect(today.length).toBeGreaterThan(270);
    expect(today.length).toBeLessThan(340);
    expect(today.every((v) => v.status === 'planned')).toBe(true);
    expect(today.filter((v) => v.staffIds.length > 0).length / today.length).toBeGreaterThan(0.95);
  });

  it('never assigns staff who are absent, off shift, in another team or without the skills', () => {
    const shifts = new Map<string, Shift>(demo.shifts.map((s) => [`${s.staffId}|${s.date}`, s]));
    const staffById = byId(demo.staff);
    const away = new Set<string>();
    for (const a of demo.absences) for (let d = a.fromDate; d <= a.toDate; d = addDays(d, 1)) away.add(`${a.staffId}|${d}`);
    const absent = (id: string, date: string) => away.has(`${id}|${date}`);
    for (const v of demo.visits) {
      if (v.status === 'cancelled') continue;
      if (v.plannedStart !== null) {
        expect(toMinutes(v.plannedStart)).toBeGreaterThanOrEqual(toMinutes(v.windowStart));
        expect(toMinutes(v.plannedStart)).toBeLessThanOrEqual(toMinutes(v.windowEnd));
      }
      for (const id of v.staffIds) {
        const sh = shifts.get(`${id}|${v.date}`);
        expect(sh, `${id} on ${v.date}`).toBeDefined();
        expect(absent(id, v.date)).toBe(false);
        expect(staffById.get(id)?.teamId).toBe(v.teamId);
        for (const skill of v.skills) expect(staffById.get(id)?.skills).toContain(skill);
        const start = toMinutes(v.plannedStart as string);
        expect(start).toBeGreaterThanOrEqual(toMinutes((sh as Shift).start));
        expect(start + v.durationMin).toBeLessThanOrEqual(toMinutes((sh as Shift).end));
      }
    }
  });

  it('gives double-staffed visits two different staff at one start, and no one two visits at once', () => {
    const doubles = demo.visits.filter((v) => v.staffCount === 2 && v.staffIds.length > 0);
    expect(doubles.length).toBeGreaterThan(0);
    for (const v of doubles) {
      expect(v.staffIds).toHaveLength(2);
      expect(v.staffIds[0]).not.toBe(v.staffIds[1]);
      expect(v.plannedStart).not.toBeNull();
    }
    const busy = new Map<string, Visit[]>();
    for (const v of demo.visits) for (const id of v.plannedStart ? v.staffIds : []) busy.set(`${id}|${v.date}`, [...(busy.get(`${id}|${v.date}`) ?? []), v]);
    for (const list of busy.values()) {
      list.sort((a, b) => toMinutes(a.plannedStart as string) - toMinutes(b.plannedStart as string));
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1] as Visit;
        expect(toMinutes((list[i] as Visit).plannedStart as string)).toBeGreaterThanOrEqual(toMinutes(prev.plannedStart as string) + prev.durationMin);
      }
    }
  });

  it('keeps schedules healthy: one shift a day, 11 h rest, no evening before a morning, at most six days in a row', () => {
    const byStaff = new Map<string, Shift[]>();
    for (const s of demo.shifts) byStaff.set(s.staffId, [...(byStaff.get(s.staffId) ?? []), s]);
    for (const s of demo.staff) expect(byStaff.has(s.id), `${s.firstName} has shifts`).toBe(true);
    for (const list of byStaff.values()) {
      list.sort((a, b) => a.date.localeCompare(b.date));
      let run = 1;
      for (let i = 1; i < list.length; i++) {
        const a = list[i - 1] as Shift;
        const b = list[i] as Shift;
        expect(b.date).not.toBe(a.date);
        const gapMin = daysBetween(a.date, b.date) * 1440 + toMinutes(b.start) - toMinutes(a.end);
        expect(gapMin).toBeGreaterThanOrEqual(11 * 60);
        run = daysBetween(a.date, b.date) === 1 ? run + 1 : 1;
        expect(run).toBeLessThanOrEqual(6);
      }
      expect(new Set(list.map((x) => x.start)).size).toBe(1);
    }
    const day = new Set(demo.teams.filter((t) => t.kind === 'day').map((t) => t.id));
    const dayStaff = new Set(demo.staff.filter((s) => day.has(s.teamId) && s.employmentForm !== 'hourly').map((s) => s.id));
    const onShift = (date: string) => demo.shifts.filter((s) => s.date === date && dayStaff.has(s.staffId)).length;
    const weekend = onShift(addDays(TODAY, 3)) + onShift(addDays(TODAY, 4));
    const weekdays = onShift(addDays(TODAY, 1)) + onShift(addDays(TODAY, 5));
    expect(isoWeekday(addDays(TODAY, 3))).toBe(6);
    expect(weekend).toBeLessThan(weekdays);
  });

  it('has sick and child-care days in the history and exactly one staff member absent today', () => {
    const history = demo.absences.filter((a) => a.toDate < TODAY);
    expect(history.some((a) => a.reason === 'sick')).toBe(true);
    expect(history.some((a) => a.reason === 'child_care')).toBe(true);
    expect(demo.absences.filter((a) => a.fromDate <= TODAY && TODAY <= a.toDate)).toHaveLength(1);
  });

  it('has 14 days of history: done with real times, some late, 2–3 % missed with a reason, a few cancelled', () => {
    const history = demo.visits.filter((v) => v.date < TODAY);
    expect(new Set(history.map((v) => v.date)).size).toBe(14);
    const done = history.filter((v) => v.status === 'done');
    const missed = history.filter((v) => v.status === 'missed');
    expect(done.every((v) => v.actualStart !== null && v.actualEnd !== null && v.staffIds.length > 0 && v.actualEnd > v.actualStart)).toBe(true);
    expect(done.filter((v) => toMinutes(v.actualStart as string) > toMinutes(v.windowEnd)).length).toBeGreaterThan(10);
    expect(missed.length / history.length).toBeGreaterThan(0.01);
    expect(missed.length / history.length).toBeLessThan(0.04);
    expect(missed.every((v) => (v.missedReason ?? '').length > 10)).toBe(true);
    expect(history.filter((v) => v.status === 'cancelled').length).toBeGreaterThan(0);
    expect(demo.visits.filter((v) => v.date >= TODAY).every((v) => v.status === 'planned' && v.actualStart === null)).toBe(true);
  });

  it('has the fixed contact do most of their clients\' day visits', () => {
    const clients = byId(demo.clients);
    const dayTeams = new Set(demo.teams.filter((t) => t.kind === 'day').map((t) => t.id));
    const done = demo.visits.filter((v) => v.status === 'done' && dayTeams.has(v.teamId));
    const byFixed = done.filter((v) => v.staffIds.includes(clients.get(v.clientId)?.fixedContactStaffId ?? '')).length;
    expect(byFixed / done.length).toBeGreaterThan(0.45);
  });

  it('has relatives for about half the clients, with consent given, never given and withdrawn', () => {
    const withRelatives = new Set(demo.relatives.map((r) => r.clientId)).size;
    expect(withRelatives / demo.clients.length).toBeGreaterThan(0.35);
    expect(withRelatives / demo.clients.length).toBeLessThan(0.65);
    expect(demo.relatives.some((r) => r.consentGivenAt !== null && r.consentWithdrawnAt === null)).toBe(true);
    expect(demo.relatives.some((r) => r.consentGivenAt === null)).toBe(true);
    expect(demo.relatives.some((r) => r.consentWithdrawnAt !== null && r.consentGivenAt !== null && r.consentWithdrawnAt > r.consentGivenAt)).toBe(true);
  });
});

describe('the demo logins', () => {
  const user = (name: string) => {
    const u = demo.users.find((x) => x.username === name);
    if (!u) throw new Error(`no user ${name}`);
    return u;
  };

  it('exist for every role with the password tillit', () => {
    const names = ['admin', 'chef', 'samordnare', 'personal', 'vikarie', 'handlaggare', 'ekonomi', 'brukare', 'anhorig', 'brukare.fi', 'brukare.ar', 'anhorig.utan'];
    for (const n of names) expect(user(n).password).toBe('tillit');
    expect(new Set(demo.users.map((u) => u.username)).size).toBe(demo.users.length);
    expect(user('chef')).toMatchObject({ role: 'unit_manager', unitId: demo.units[0]?.id });
    expect(user('handlaggare').role).toBe('needs_assessor');
    expect(user('ekonomi').role).toBe('finance');
  });

  it('put the coordinator, staff member and substitute in the first team', () => {
    const team1 = demo.teams[0];
    const staffById = byId(demo.staff);
    expect(user('samordnare')).toMatchObject({ role: 'coordinator', teamId: team1?.id });
    expect(staffById.get(user('samordnare').staffId ?? '')?.teamId).toBe(team1?.id);
    expect(staffById.get(user('personal').staffId ?? '')?.teamId).toBe(team1?.id);
    const sub = staffById.get(user('vikarie').staffId ?? '');
    expect(sub).toMatchObject({ teamId: team1?.id, employmentForm: 'hourly' });
  });

  it('give the substitute visits today', () => {
    const id = user('vikarie').staffId as string;
    expect(demo.visits.filter((v) => v.date === TODAY && v.staffIds.includes(id)).length).toBeGreaterThan(0);
  });

  it('make brukare a Swedish-speaking client of the first team with a fixed contact and visits today, and anhorig their consenting relative', () => {
    const c = demo.clients.find((x) => x.id === user('brukare').clientId);
    expect(c).toMatchObject({ teamId: demo.teams[0]?.id });
    expect(c?.languages[0]).toBe('sv');
    expect(c?.fixedContactStaffId).not.toBeNull();
    expect(demo.visits.some((v) => v.date === TODAY && v.clientId === c?.id)).toBe(true);
    const r = demo.relatives.find((x) => x.id === user('anhorig').relativeId);
    expect(r).toMatchObject({ clientId: c?.id, consentWithdrawnAt: null });
    expect(r?.consentGivenAt).not.toBeNull();
  });

  it('include Finnish- and Arabic-speaking clients and a relative without consent', () => {
    expect(demo.clients.find((x) => x.id === user('brukare.fi').clientId)?.languages[0]).toBe('fi');
    expect(demo.clients.find((x) => x.id === user('brukare.ar').clientId)?.languages[0]).toBe('ar');
    expect(demo.clients.find((x) => x.id === user('brukare.en').clientId)?.languages[0]).toBe('en');
    expect(demo.relatives.find((x) => x.id === user('anhorig.utan').relativeId)?.consentGivenAt).toBeNull();
  });
});

describe('generateDemo options', () => {
  it('rejects a bad option naming the field', () => {
    expect(() => generateDemo({ seed: 1.5, today: TODAY })).toThrow(/seed/);
    expect(() => generateDemo({ seed: 1, today: '2026-13-01' })).toThrow(/today/);
    expect(() => generateDemo({ seed: 1, today: TODAY, clients: 0 })).toThrow(/clients/);
  });
});

describe('other seeds and days', () => {
  it.each([
    [2, '2026-11-28'],
    [4, '2027-03-01'],
    [9, '2026-06-15'],
  ])('seed %i on %s still has every login, a busy substitute and few missed visits', (seed, today) => {
    const d = generateDemo({ seed, today });
    for (const n of ['admin', 'chef', 'samordnare', 'personal', 'vikarie', 'handlaggare', 'ekonomi', 'brukare', 'anhorig', 'brukare.fi', 'brukare.ar', 'anhorig.utan']) {
      expect(d.users.some((u) => u.username === n), n).toBe(true);
    }
    const sub = d.users.find((u) => u.username === 'vikarie')?.staffId;
    expect(d.visits.filter((v) => v.date === today && sub && v.staffIds.includes(sub)).length).toBeGreaterThan(0);
    const history = d.visits.filter((v) => v.date < today);
    expect(history.filter((v) => v.status === 'missed').length / history.length).toBeLessThan(0.045);
    expect(z.array(visit).safeParse(d.visits).success).toBe(true);
  });
});
