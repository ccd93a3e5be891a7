// Clients (brukare) with addresses in their team's area, languages, a fixed contact, what a new
// person must know, their own wishes, and relatives with or without the client's consent.
import type { Client, Relative } from '@tillit/domain';
import { addDays } from '@tillit/domain';
import { PLACES, scatter, type PlaceKey } from './geography.js';
import { emailLocal, kalixPhone, mobilePhone, personName, type Origin } from './names.js';
import type { DayTeamInfo, Organisation, StaffProfile } from './organisation.js';
import type { Rng } from './prng.js';
import { quotaList } from './quotas.js';

export const needLevels = ['light', 'medium', 'heavy', 'hoist'] as const;
/** hoist: heavy care with transfers by ceiling hoist, done by two staff. */
export type NeedLevel = (typeof needLevels)[number];

export interface ClientProfile {
  client: Client;
  team: DayTeamInfo;
  origin: Origin;
  need: NeedLevel;
  medication: boolean;
  woman: boolean;
}

const KEY_BOX = ['Nyckeln finns i nyckelgömman till höger om dörren.', 'Nyckel finns på kontoret, märkt med adressen.', 'Dörren har digitalt lås; öppna med appen.', 'Ring på och vänta – det tar en stund att komma till dörren.'];
const OTHER_FACTS = [
  'Hunden Sixten är snäll men hoppar upp; stäng grinden efter dig.',
  'Katten får inte gå ut.',
  'Hör dåligt: tala tydligt och vänd ansiktet mot brukaren. Hörapparaten ligger på nattduksbordet.',
  'Diabetes typ 2: se till att måltiderna blir uppätna och att det finns mellanmål.',
  'Fallrisk: rollatorn ska alltid stå nära sängen, och mattan i hallen är borttagen.',
  'Ser dåligt: flytta inte saker utan att säga var de står.',
  'Trygghetslarmet sitter på vänster handled; kontrollera att det är på.',
  'Allergisk mot nötter.',
  'Glömsk: säg vilken dag det är och vem du är när du kommer.',
  'Röker på balkongen; se till att fimpar är släckta.',
];
const PREFERENCES = [
  'Jag vill ha kaffet starkt, gärna innan vi gör något annat.',
  'Jag tycker om att prata om fiske och om barnbarnen.',
  'Jag vill inte bli väckt före halv åtta.',
  'Ta av er skorna i hallen, tack.',
  'Jag vill göra så mycket som möjligt själv, även om det tar tid.',
  'Radion ska vara på, P4 Norrbotten.',
  'Jag vill att ni ringer om ni blir sena.',
  'Jag vill hellre duscha på kvällen än på morgonen, men förstår om det inte går.',
  'Jag äter helst lunch klockan tolv.',
  'Ställ tillbaka sakerna där de stod.',
  'Jag vill att samma personer kommer så ofta det går.',
];
const LANGUAGE_FACT: Partial<Record<Origin, string>> = {
  fi: 'Talar helst finska, särskilt när hen är trött.',
  ar: 'Talar arabiska; svenska bara lite. Dottern tolkar vid behov.',
  so: 'Talar somaliska; svenska bara lite.',
  fa: 'Talar persiska; svenska bara lite.',
};

/** The languages a client speaks, most preferred first. */
function clientLanguages(rng: Rng, origin: Origin): string[] {
  if (origin === 'sv') return ['sv'];
  if (origin === 'fi') return ['fi', 'sv'];
  return rng.chance(0.5) ? [origin, 'sv'] : [origin];
}

function speaks(p: StaffProfile, lang: string): boolean {
  return p.staff.languages.includes(lang);
}

/**
 * @param rng - the random source
 * @param org - the organisation the clients belong to
 * @param today - the demo's today (birth years and consent dates count back from it)
 */
export function buildClients(rng: Rng, org: Organisation, today: string): ClientProfile[] {
  const n = org.dayTeams.reduce((s, t) => s + t.clientCount, 0);
  const origins = quotaList<Origin>(rng, n, [['sv', 0], ['fi', 0.12], ['ar', 0.035], ['so', 0.025], ['fa', 0.025]]);
  const year = Number(today.slice(0, 4));

  // Clients who speak little Swedish live where a team member speaks their language.
  const slots = org.dayTeams.map((t) => ({ info: t, origins: [] as Origin[] }));
  const teamSpeaks = (lang: Origin) =>
    slots.filter((s) => (org.staffByTeam.get(s.info.team.id) ?? []).some((p) => !p.substitute && speaks(p, lang)));
  const speakers = new Map<Origin, typeof slots>(['ar', 'so', 'fa'].map((l) => [l as Origin, teamSpeaks(l as Origin)]));
  const rest: Origin[] = [];
  for (const o of origins) {
    const able = (speakers.get(o) ?? []).filter((s) => s.origins.length < s.info.clientCount);
    if (o === 'sv' || o === 'fi' || able.length === 0) {
      rest.push(o === 'fi' ? 'fi' : 'sv');
      continue;
    }
    rng.pick(able).origins.push(o);
  }
  for (const s of slots) while (s.origins.length < s.info.clientCount) s.origins.push(rest.pop() ?? 'sv');

  const result: ClientProfile[] = [];
  for (const { info, origins: teamOrigins } of slots) {
    // Needs are shared out per team, so every team carries about the same load.
    const needs = quotaList<NeedLevel>(rng, teamOrigins.length, [['medium', 0], ['light', 0.35], ['heavy', 0.1], ['hoist', 0.1]]);
    let k = 0;
    const teamClients: ClientProfile[] = [];
    const placeOf = new Map<ClientProfile, PlaceKey>();
    for (const origin of teamOrigins) {
      const need = needs[k++] as NeedLevel;
      const name = personName(rng, origin, true, 0.62);
      const placeKey = rng.weighted<PlaceKey>(info.template.places);
      const place = PLACES[placeKey];
      const age = rng.chance(0.05) ? rng.int(65, 69) : 70 + Math.round(((rng.next() + rng.next()) / 2) * 28);
      const languages = clientLanguages(rng, origin);

      const facts = [rng.pick(KEY_BOX)];
      const langFact = LANGUAGE_FACT[origin];
      if (langFact) facts.push(langFact);
      if (need === 'hoist') facts.push('Förflyttning med taklyft, alltid två personal. Selen hänger i badrummet.');
      const extraFacts = rng.int(0, 2);
      for (let i = 0; i < extraFacts; i++) {
        const f = rng.pick(OTHER_FACTS);
        if (!facts.includes(f)) facts.push(f);
      }
      const prefs: string[] = [];
      for (let i = rng.int(1, 3); i > 0; i--) {
        const p = rng.pick(PREFERENCES);
        if (!prefs.includes(p)) prefs.push(p);
      }
      const client: Client = {
        id: rng.uuid(),
        teamId: info.team.id,
        firstName: name.firstName,
        lastName: name.lastName,
        birthYear: year - age,
        street: `${rng.pick(place.streets)} ${rng.int(1, 48)}`,
        postalCode: rng.pick(place.postalCodes),
        city: place.city,
        location: scatter(place.centre, 350, () => rng.next()),
        phone: rng.chance(0.6) ? kalixPhone(rng) : rng.chance(0.7) ? mobilePhone(rng) : null,
        languages,
        fixedContactStaffId: null,
        keyFacts: facts.join(' '),
        preferences: prefs.join(' '),
        notificationChannel: rng.weighted<Client['notificationChannel']>([['sms', 60], ['email', 15], ['none', 25]]),
      };
      const profile: ClientProfile = { client, team: info, origin, need, medication: need !== 'light' && rng.chance(0.7), woman: name.woman };
      teamClients.push(profile);
      placeOf.set(profile, placeKey);
    }
    const contacts = (org.staffByTeam.get(info.team.id) ?? []).filter((p) => !p.substitute && p.staff.title === 'underskoterska');
    assignFixedContacts(teamClients, (c) => placeOf.get(c) as PlaceKey, info.template.places.map(([key]) => key), contacts);
    result.push(...teamClients);
  }
  return result;
}

/**
 * Fixed contacts by part of the area, as teams share out their clients: each undersköterska takes
 * the clients of one village or one side of it, so that continuity and short travel go together
 * (a contact with clients in both Sangis and Karlsborg would drive between them all day). The
 * clients are swept village by village, and round each village's centre by bearing, and dealt out
 * in runs of at most ceil(clients / contacts). A client who speaks little Swedish gets the least
 * loaded speaker of their language first; one who speaks Swedish as well (most Finnish speakers)
 * gets a speaker of their first language while one has room.
 * Uses no random numbers, so every other figure of the demo is drawn as before.
 * @param clients - one team's clients, with their addresses
 * @param placeOf - the village (place) each client lives in
 * @param places - the team's villages, in the order to sweep them
 * @param contacts - the team's undersköterskor (not substitutes)
 */
function assignFixedContacts(clients: ClientProfile[], placeOf: (c: ClientProfile) => PlaceKey, places: readonly PlaceKey[], contacts: StaffProfile[]): void {
  if (contacts.length === 0) return;
  const capacity = Math.ceil(clients.length / contacts.length);
  const load = new Map<string, number>(contacts.map((p) => [p.staff.id, 0]));
  const bearing = (c: ClientProfile): number => {
    const o = PLACES[placeOf(c)].centre;
    return Math.atan2(c.client.location.lat - o.lat, c.client.location.lon - o.lon);
  };
  const sweep = clients.map((c) => ({ c, village: places.indexOf(placeOf(c)), b: bearing(c) }))
    .sort((x, y) => x.village - y.village || x.b - y.b);
  const loadOf = (p: StaffProfile): number => load.get(p.staff.id) ?? 0;
  const give = (c: ClientProfile, p: StaffProfile): void => {
    load.set(p.staff.id, loadOf(p) + 1);
    c.client.fixedContactStaffId = p.staff.id;
  };
  // First those who speak little Swedish: they need a speaker, however busy.
  const rest: ClientProfile[] = [];
  for (const { c } of sweep) {
    const first = c.client.languages[0] as string;
    const speakers = first === 'sv' || c.client.languages.includes('sv') ? [] : contacts.filter((p) => speaks(p, first));
    if (speakers.length === 0) rest.push(c);
    else give(c, speakers.reduce((a, p) => (loadOf(p) < loadOf(a) ? p : a)));
  }
  let current = 0;
  for (const c of rest) {
    const first = c.client.languages[0] as string;
    const here = contacts[current] as StaffProfile;
    // A Finnish speaker who also speaks Swedish gets a Finnish-speaking contact while one has room.
    const speakers = first === 'sv' ? [] : contacts.filter((p) => speaks(p, first) && loadOf(p) < capacity);
    if (speakers.length > 0 && !speakers.includes(here)) {
      give(c, speakers.reduce((a, p) => (loadOf(p) < loadOf(a) ? p : a)));
      continue;
    }
    while (loadOf(contacts[current] as StaffProfile) >= capacity && current < contacts.length - 1) current++;
    give(c, contacts[current] as StaffProfile);
  }
}

const RELATIONS_OF_WOMAN = ['dotter', 'son', 'make', 'syster', 'barnbarn', 'svärdotter'];
const RELATIONS_OF_MAN = ['dotter', 'son', 'maka', 'bror', 'barnbarn', 'sambo'];

type Consent = 'given' | 'never' | 'withdrawn';

function isoAt(date: string, hour: number, minute: number): string {
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;
}

/**
 * About half the clients have a relative in Tillit. Consent is the client's: most gave it, some never
 * did, a few withdrew it.
 * @param forceConsent - client ids that must have a relative with consent given (demo logins)
 */
export function buildRelatives(rng: Rng, clients: ClientProfile[], today: string, forceConsent: ReadonlySet<string>): Relative[] {
  const withRelatives = clients.filter((c) => forceConsent.has(c.client.id) || rng.chance(0.5));
  const consents = quotaList<Consent>(rng, withRelatives.length, [['given', 0], ['never', 0.3], ['withdrawn', 0.06]]);
  const relatives: Relative[] = [];
  withRelatives.forEach((c, i) => {
    const count = rng.chance(0.2) ? 2 : 1;
    for (let r = 0; r < count; r++) {
      const consent: Consent = forceConsent.has(c.client.id) && r === 0 ? 'given' : r === 0 ? (consents[i] as Consent) : 'never';
      const relation = rng.pick(c.woman ? RELATIONS_OF_WOMAN : RELATIONS_OF_MAN);
      const spouse = ['make', 'maka', 'sambo'].includes(relation);
      const name = personName(rng, c.origin === 'sv' ? 'sv' : c.origin, spouse, relation === 'maka' ? 1 : relation === 'make' ? 0 : 0.55);
      const lastName = spouse || rng.chance(0.5) ? c.client.lastName : name.lastName;
      const given = addDays(today, -rng.int(30, 500));
      relatives.push({
        id: rng.uuid(),
        clientId: c.client.id,
        name: `${name.firstName} ${lastName}`,
        relation,
        phone: mobilePhone(rng),
        email: rng.chance(0.7) ? `${emailLocal(name.firstName, lastName)}@example.org` : null,
        consentGivenAt: consent === 'never' ? null : isoAt(given, rng.int(7, 15), rng.int(0, 59)),
        consentWithdrawnAt: consent === 'withdrawn' ? isoAt(addDays(given, rng.int(10, 25)), rng.int(7, 15), rng.int(0, 59)) : null,
      });
    }
  });
  return relatives;
}
