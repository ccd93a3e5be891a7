// The municipality, its units (hemtjänstområden), teams and staff. Day teams are small (4–6) and
// own an area; an evening team and a service group serve every six day teams (a "district").
import type { Municipality, Skill, Staff, StaffTitle, Team, Transport, Unit } from '@tillit/domain';
import { KALIX_AREAS, PLACES, REMOTE_KM, haversineKm, scatter, type AreaTemplate, type Place } from './geography.js';
import { mobilePhone, kalixPhone, personName, type Origin } from './names.js';
import type { Rng } from './prng.js';

/** How a staff member's rota is built (see schedule.ts). */
export interface StaffProfile {
  staff: Staff;
  team: Team;
  substitute: boolean;
  /** 0 or 1: which weeks this person works the weekend. */
  weekendParity: number;
  /** 0..2: spreads the weekday off among the team. */
  offSlot: number;
  partTime: boolean;
  origin: Origin;
}

export interface DayTeamInfo {
  team: Team;
  /** 0-based among day teams. */
  index: number;
  template: AreaTemplate;
  clientCount: number;
  evening: Team;
  service: Team;
}

export interface Organisation {
  municipality: Municipality;
  units: Unit[];
  teams: Team[];
  dayTeams: DayTeamInfo[];
  staff: Staff[];
  profiles: Map<string, StaffProfile>;
  staffByTeam: Map<string, StaffProfile[]>;
}

const DEFAULT_UNIT_NAMES = ['Hemtjänst Kalix centrum', 'Hemtjänst Kalix ytterområden'];

/**
 * Languages members of a day team must speak, so clients who speak them can be served; two
 * speakers where clients need the language, so one is at work on the other's day off.
 */
function requiredOrigins(dayIndex: number): Origin[] {
  const byIndex: Origin[][] = [['fi', 'ar', 'fa', 'ar', 'fa'], ['fi', 'so', 'so', 'fi'], ['fi', 'ar', 'ar'], ['fi', 'fi'], ['fi', 'fi'], ['fi', 'fi']];
  return [...(byIndex[dayIndex % 6] ?? ['fi'])];
}

function staffLanguages(rng: Rng, origin: Origin): string[] {
  const langs = ['sv'];
  if (origin !== 'sv') langs.push(origin);
  // Many in the Torne valley speak Finnish or meänkieli without a Finnish name.
  if (origin === 'sv' && rng.chance(0.1)) langs.push('fi');
  if (rng.chance(origin === 'sv' || origin === 'fi' ? 0.35 : 0.6)) langs.push('en');
  return langs;
}

function careSkills(rng: Rng, title: StaffTitle): Skill[] {
  const skills: Skill[] = ['care'];
  if (title === 'underskoterska') {
    skills.push('medication', 'double');
    if (rng.chance(0.3)) skills.push('dementia');
    if (rng.chance(0.15)) skills.push('palliative');
  } else {
    // Most vårdbiträden have the nurse's delegation for medication too.
    if (rng.chance(0.7)) skills.push('medication');
    if (rng.chance(0.6)) skills.push('double');
  }
  return skills;
}

interface StaffSpec {
  kind: Team['kind'];
  substitute: boolean;
  title: StaffTitle;
  origin: Origin;
  transport: Transport;
}

function makeStaff(rng: Rng, team: Team, spec: StaffSpec, slot: number): StaffProfile {
  const name = personName(rng, spec.origin, false, 0.82);
  const employmentForm = spec.substitute ? 'hourly' : rng.chance(0.78) ? 'permanent' : 'fixed_term';
  const partTime = !spec.substitute && rng.chance(0.2);
  const skills: Skill[] = spec.kind === 'service' ? ['service'] : careSkills(rng, spec.title);
  const staff: Staff = {
    id: rng.uuid(),
    teamId: team.id,
    firstName: name.firstName,
    lastName: name.lastName,
    title: spec.title,
    employmentForm,
    skills,
    languages: staffLanguages(rng, spec.origin),
    transport: spec.transport,
    contractedHoursPerWeek: spec.substitute ? 0 : partTime ? 30 : 40,
    phone: mobilePhone(rng),
  };
  return {
    staff, team, substitute: spec.substitute, partTime, origin: spec.origin,
    weekendParity: slot % 2, offSlot: Math.floor(slot / 2) % 3,
  };
}

function randomOrigin(rng: Rng): Origin {
  return rng.weighted<Origin>([['sv', 74], ['fi', 12], ['ar', 6], ['so', 4], ['fa', 4]]);
}

/**
 * @param rng - the random source
 * @param clients - number of clients in the municipality
 * @param dayTeamCount - number of day teams
 */
export function buildOrganisation(rng: Rng, clients: number, dayTeamCount: number): Organisation {
  const municipality: Municipality = { id: rng.uuid(), name: 'Kalix kommun', code: '2514' };
  const unitCount = Math.max(1, Math.ceil(dayTeamCount / 3));
  const units: Unit[] = Array.from({ length: unitCount }, (_, i) => ({
    id: rng.uuid(),
    municipalityId: municipality.id,
    name: unitCount <= DEFAULT_UNIT_NAMES.length ? (DEFAULT_UNIT_NAMES[i] as string) : `Hemtjänstområde ${i + 1}`,
  }));
  const teams: Team[] = [];
  const dayTeams: DayTeamInfo[] = [];
  const profiles = new Map<string, StaffProfile>();
  const staffByTeam = new Map<string, StaffProfile[]>();
  const add = (p: StaffProfile) => {
    profiles.set(p.staff.id, p);
    const list = staffByTeam.get(p.team.id);
    if (list) list.push(p);
    else staffByTeam.set(p.team.id, [p]);
  };

  const districts = Math.ceil(dayTeamCount / 6);
  const perTeam = Math.floor(clients / dayTeamCount);
  const extra = clients % dayTeamCount;
  const centrum: Place = PLACES.centrum;
  for (let d = 0; d < districts; d++) {
    const first = d * 6;
    const last = Math.min(dayTeamCount, first + 6);
    const unit = units[Math.floor(first / 3)] as Unit;
    const suffix = districts > 1 ? ` ${d + 1}` : '';
    const evening: Team = {
      id: rng.uuid(), unitId: unit.id, name: `Kvällslaget${suffix}`, area: 'Kalix med byarna runt, kvällar',
      phone: kalixPhone(rng), kind: 'evening', base: centrum.centre,
    };
    const service: Team = {
      id: rng.uuid(), unitId: unit.id, name: `Servicegruppen${suffix}`, area: 'Städ, tvätt, inköp och apoteksärenden',
      phone: kalixPhone(rng), kind: 'service', base: centrum.centre,
    };
    teams.push(evening, service);
    const eveningClients = new Map<Team, number>([[evening, 0]]);
    let districtClients = 0;
    for (let t = first; t < last; t++) {
      const template = KALIX_AREAS[t % 6] as AreaTemplate;
      const round = Math.floor(t / 6);
      const basePlace = PLACES[(template.places[0] as readonly [keyof typeof PLACES, number])[0]];
      const team: Team = {
        id: rng.uuid(),
        unitId: (units[Math.floor(t / 3)] as Unit).id,
        name: round === 0 ? template.team : `${template.team} ${round + 1}`,
        area: round === 0 ? template.area : `${template.area}, område ${t + 1}`,
        phone: kalixPhone(rng),
        kind: 'day',
        base: round === 0 ? basePlace.centre : scatter(basePlace.centre, 1500, () => rng.next()),
      };
      const clientCount = perTeam + (t < extra ? 1 : 0);
      districtClients += clientCount;
      teams.push(team);
      let teamEvening = evening;
      if (haversineKm(team.base, centrum.centre) > REMOTE_KM) {
        teamEvening = {
          id: rng.uuid(), unitId: team.unitId, name: `Kvällslaget ${basePlace.name}${round === 0 ? '' : ` ${round + 1}`}`,
          area: `${template.area}, kvällar`, phone: kalixPhone(rng), kind: 'evening', base: team.base,
        };
        teams.push(teamEvening);
        eveningClients.set(teamEvening, 0);
      }
      eveningClients.set(teamEvening, (eveningClients.get(teamEvening) ?? 0) + clientCount);
      dayTeams.push({ team, index: t, template, clientCount, evening: teamEvening, service });
    }

    for (const info of dayTeams.slice(first, last)) {
      const regular = Math.max(3, Math.round(info.clientCount / 3.8));
      const required = requiredOrigins(info.index);
      // Every day team has one hourly substitute who knows its clients.
      for (let s = 0; s <= regular; s++) {
        const substitute = s === regular;
        // At least three undersköterskor per team: only they may be fixed contacts (SoL 4 kap 2 b §).
        const title: StaffTitle = s < 3 || rng.chance(0.75) ? 'underskoterska' : 'vardbitrade';
        // In the town centre the first two walk and bike and some others do too; at its edge some bike.
        const share = info.template.townShare;
        const transport: Transport = share >= 0.4 && s < 2 ? (s === 0 ? 'walk' : 'bike')
          : rng.chance(share) ? (share >= 0.4 ? rng.pick(['bike', 'walk'] as const) : 'bike') : 'car';
        add(makeStaff(rng, info.team, { kind: 'day', substitute, title, origin: required.shift() ?? randomOrigin(rng), transport }, s));
      }
    }
    for (const [eveningTeam, served] of eveningClients) {
      // The evening team serves every area, so it needs speakers of all the clients' languages, more than once.
      const eveningRequired: Origin[] = eveningTeam === evening ? ['fi', 'ar', 'fi', 'so', 'fa', 'ar', 'fi'] : ['fi', 'fi'];
      const eveningCount = Math.max(4, Math.round(served / 5));
      // Evenings need as many hands at weekends as on weekdays, so the evening team has more substitutes.
      const substitutes = Math.max(1, Math.round(eveningCount / 4));
      for (let s = 0; s < eveningCount + substitutes; s++) {
        const title: StaffTitle = s < 2 || rng.chance(0.7) ? 'underskoterska' : 'vardbitrade';
        add(makeStaff(rng, eveningTeam, { kind: 'evening', substitute: s >= eveningCount, title, origin: eveningRequired.shift() ?? randomOrigin(rng), transport: 'car' }, s));
      }
    }
    const serviceCount = Math.max(3, Math.round(districtClients / 11));
    const serviceRequired: Origin[] = ['fi', 'ar', 'fi'];
    for (let s = 0; s <= serviceCount; s++) {
      add(makeStaff(rng, service, { kind: 'service', substitute: s === serviceCount, title: 'service', origin: serviceRequired.shift() ?? randomOrigin(rng), transport: 'car' }, s));
    }
  }
  const kindOrder: Record<Team['kind'], number> = { day: 0, evening: 1, service: 2 };
  teams.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind]);
  const staff = [...profiles.values()].map((p) => p.staff);
  return { municipality, units, teams, dayTeams, staff, profiles, staffByTeam };
}
