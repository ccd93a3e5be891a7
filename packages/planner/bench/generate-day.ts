// A small stand-in for the demo generator: a Kalix-like home-care day as tillit.problem/v1
// (teams of 6-7 staff, about 50 visits per team, double staffing, fixed contacts, known staff,
// languages, breaks). Used by the benchmark and tests until @tillit/demo provides homeCareProblem.
import { Random } from '../src/search/random.js';

export interface DayOptions {
  seed: number;
  teams?: number;
  clientsPerTeam?: number;
  date?: string;
}

const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** @returns a tillit.problem/v1 object for one day. */
export function generateDay(opt: DayOptions): Record<string, unknown> {
  const rnd = new Random(opt.seed);
  const teams = opt.teams ?? 6;
  const clientsPerTeam = opt.clientsPerTeam ?? 20;
  const staff: Record<string, unknown>[] = [];
  const visits: Record<string, unknown>[] = [];
  const pick = <T>(a: readonly T[]): T => a[rnd.int(a.length)]!;
  for (let k = 0; k < teams; k++) {
    const team = `t${k + 1}`;
    // Team area: a few km around its centre near Kalix (65.85 N, 23.14 E).
    const cLat = 65.85 + (rnd.next() - 0.5) * 0.25;
    const cLon = 23.14 + (rnd.next() - 0.5) * 0.5;
    const base = { lat: cLat, lon: cLon };
    const teamStaff: { id: string; langs: string[]; shift: [number, number] }[] = [];
    const nStaff = 7 + rnd.int(2);
    for (let i = 0; i < nStaff; i++) {
      const id = `${team}-s${i + 1}`;
      const evening = i >= nStaff - 3;
      const shift: [number, number] = evening ? [13 * 60, 21 * 60 + 30] : [7 * 60, i % 2 === 0 ? 16 * 60 : 15 * 60 + 30];
      const langs = ['sv'];
      if (rnd.next() < 0.35) langs.push('fi');
      if (rnd.next() < 0.1) langs.push('ar');
      const skills = ['care', 'service'];
      if (rnd.next() < 0.7) skills.push('medication');
      teamStaff.push({ id, langs, shift });
      staff.push({
        id,
        team,
        skills,
        languages: langs,
        transport: rnd.next() < 0.8 ? 'car' : 'bike',
        start: base,
        end: base,
        shift: { start: hhmm(shift[0]), end: hhmm(shift[1]) },
        breaks: [evening ? { earliest: '17:00', latest: '18:30', durationMin: 30 } : { earliest: '11:00', latest: '13:00', durationMin: 30 }],
      });
    }
    for (let c = 0; c < clientsPerTeam; c++) {
      const client = `${team}-c${c + 1}`;
      const loc = { lat: cLat + (rnd.next() - 0.5) * 0.06, lon: cLon + (rnd.next() - 0.5) * 0.14 };
      const r = rnd.next();
      const languages = r < 0.72 ? ['sv'] : r < 0.92 ? ['fi', 'sv'] : r < 0.97 ? ['ar', 'sv'] : [];
      const dayStaff = teamStaff.filter((s) => s.shift[0] < 12 * 60);
      const fixed = pick(dayStaff).id;
      const known: Record<string, number> = { [fixed]: 6 + rnd.int(5) };
      for (let j = 0; j < 2; j++) known[pick(teamStaff).id] = 1 + rnd.int(4);
      const double = rnd.next() < 0.08;
      // Each client's own times: windows open at staggered quarter hours, as care plans agree.
      const q = (n: number): number => 15 * rnd.int(n);
      const slots: [number, number, number, string, 'must' | 'normal'][] = [
        [7 * 60 + q(10), 60 + q(5), 30, 'care', 'must'],
        [11 * 60 + q(7), 60 + q(3), 20, 'care', 'must'],
        [13 * 60 + q(8), 120, 40, 'service', 'normal'],
        [16 * 60 + q(8), 60 + q(3), 25, 'care', 'must'],
        [19 * 60 + q(6), 60, 25, 'care', 'normal'],
      ];
      // Morning care most days, lunch often, the rest now and then.
      const odds = [0.9, 0.6, 0.3, 0.4, 0.25];
      const chosen = slots.filter((_, i) => rnd.next() < odds[i]!);
      if (chosen.length === 0) chosen.push(slots[0]!);
      for (const [start, width, dur, kind, prio] of chosen) {
        const med = kind === 'care' && rnd.next() < 0.3;
        visits.push({
          id: `${client}-${hhmm(start).replace(':', '')}`,
          client,
          team,
          location: loc,
          window: { start: hhmm(start), end: hhmm(start + width) },
          durationMin: dur + 5 * rnd.int(3),
          skills: med ? ['care', 'medication'] : [kind],
          staffCount: double && kind === 'care' ? 2 : 1,
          languages,
          fixedContact: fixed,
          knownStaff: known,
          priority: med ? 'must' : prio,
        });
      }
    }
  }
  return {
    format: 'tillit.problem/v1',
    date: opt.date ?? '2026-11-23',
    travel: { model: 'haversine', detourFactor: 1.3, speedKmh: { car: 35, bike: 14, walk: 4.5 }, parkingMin: { car: 2 } },
    staff,
    visits,
  };
}
