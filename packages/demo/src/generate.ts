// The demo municipality: a Kalix-like home-care organisation with 14 days of history and a week
// planned ahead, the same for the same seed and today.
import { addDays, isValidDate } from '@tillit/domain';
import { buildClientPlan, type ClientPlan } from './care-plans.js';
import { buildClients, buildRelatives } from './clients.js';
import { buildOrganisation } from './organisation.js';
import { Rng } from './prng.js';
import { buildSchedule } from './schedule.js';
import { todayInStockholm } from './today.js';
import type { DemoBreak, DemoMunicipality, DemoOptions } from './types.js';
import { buildUsers, chooseCast, DEMO_PASSWORD } from './users.js';
import { buildVisits, type Stay } from './visits.js';

export const DEFAULT_CLIENTS = 110;
/** About one day team per 18 clients, as in the default (110 clients, 6 teams). */
export const CLIENTS_PER_TEAM = 18;
export const MAX_CLIENTS = 200_000;

function checkInt(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
  }
}

/** Resolved options: every field set. */
export type ResolvedOptions = Required<DemoOptions>;

/** @returns the options with defaults filled in; throws a RangeError naming the bad field. */
export function resolveOptions(options: DemoOptions, today: string): ResolvedOptions {
  checkInt('seed', options.seed, -2_147_483_648, 4_294_967_295);
  if (!isValidDate(today)) throw new RangeError(`today must be a date YYYY-MM-DD, got ${today}`);
  const clients = options.clients ?? DEFAULT_CLIENTS;
  checkInt('clients', clients, 1, MAX_CLIENTS);
  const teams = options.teams ?? Math.max(1, Math.round(clients / CLIENTS_PER_TEAM));
  checkInt('teams', teams, 1, clients);
  const historyDays = options.historyDays ?? 14;
  checkInt('historyDays', historyDays, 0, 60);
  const aheadDays = options.aheadDays ?? 7;
  checkInt('aheadDays', aheadDays, 0, 60);
  return { seed: options.seed, today, clients, teams, historyDays, aheadDays };
}

/**
 * @param options - seed, today and size; without `today` the date in Sweden now is used, which is
 *   the only clock read: pass `today` (e.g. from {@link todayInStockholm}) for a repeatable demo
 * @returns the whole demo municipality; the same seed and today give a deep-equal result
 */
export function generateDemo(options: DemoOptions): DemoMunicipality {
  return buildDemo(resolveOptions(options, options.today ?? todayInStockholm(new Date())));
}

/** The generator proper: every option given, no clock. */
export function buildDemo(o: ResolvedOptions): DemoMunicipality {
  const { seed, today } = o;
  const from = addDays(today, -o.historyDays);
  const to = addDays(today, o.aheadDays);
  const org = buildOrganisation(new Rng(seed, 'organisation'), o.clients, o.teams);
  const clients = buildClients(new Rng(seed, 'clients'), org, today);

  const planRng = new Rng(seed, 'care-plans');
  const replaced = new Set(planRng.shuffle(clients.map((c) => c.client.id)).slice(0, Math.max(2, Math.round(clients.length * 0.015))));
  const plans = new Map<string, ClientPlan>();
  clients.forEach((c, slot) => plans.set(c.client.id, buildClientPlan(planRng, c, today, replaced.has(c.client.id), slot)));

  const schedule = buildSchedule(new Rng(seed, 'schedule'), org, today, from, to);

  // A few clients were in hospital for some days of the history (never the first team's, whose
  // clients are the demo logins).
  const stayRng = new Rng(seed, 'hospital');
  const hospitalStays: Stay[] = [];
  if (o.historyDays > 0) {
    const others = clients.filter((c) => c.team.index !== 0);
    const count = Math.min(others.length, Math.max(2, Math.round(clients.length * 0.015)));
    for (const c of stayRng.shuffle([...others]).slice(0, count)) {
      const start = addDays(today, -stayRng.int(2, o.historyDays));
      const end = addDays(start, stayRng.int(1, 4));
      hospitalStays.push({ clientId: c.client.id, from: start, to: end < today ? end : addDays(today, -1) });
    }
  }

  const breaks: DemoBreak[] = [];
  const visits = buildVisits(new Rng(seed, 'visits'), { org, clients, plans, schedule, today, from, to, hospitalStays, breaks });
  const cast = chooseCast(org, clients, visits.filter((v) => v.date === today), new Set(schedule.absentToday.map((p) => p.staff.id)));
  const forceConsent = new Set([cast.client.client.id]);
  const relatives = buildRelatives(new Rng(seed, 'relatives'), clients, today, forceConsent);
  const users = buildUsers(new Rng(seed, 'users'), org, cast, relatives);

  // One client reads English best (a Swedish-speaking household from abroad), so the client view,
  // the weekly letter and notifications are shown in every language Tillit speaks.
  const castIds = new Set([cast.client, cast.clientFi, cast.clientAr].filter(Boolean).map((c) => c!.client.id));
  const english = clients.find((c) => c.client.languages[0] === 'sv' && !castIds.has(c.client.id) && c.team.index === 0
    && org.staff.some((s) => s.teamId === c.team.team.id && s.languages.includes('en')));
  if (english) {
    english.client.languages = ['en', 'sv'];
    users.push({
      username: 'brukare.en', password: DEMO_PASSWORD, role: 'client', displayName: `${english.client.firstName} ${english.client.lastName}`,
      clientId: english.client.id, teamId: english.team.team.id,
    });
  }

  return {
    today,
    seed,
    municipality: org.municipality,
    units: org.units,
    teams: org.teams,
    staff: org.staff,
    clients: clients.map((c) => c.client),
    relatives,
    decisions: clients.flatMap((c) => plans.get(c.client.id)?.decisions ?? []),
    carePlans: clients.map((c) => (plans.get(c.client.id) as ClientPlan).carePlan),
    shifts: schedule.shifts,
    absences: schedule.absences,
    visits,
    breaks,
    users,
  };
}
