// Loads a generated demo municipality into an empty database, in one transaction.
import { sql } from 'drizzle-orm';
import type { DemoMunicipality } from '@tillit/demo';
import { addDays, daysBetween, rotaFromShifts } from '@tillit/domain';
import type { Db } from './connection.js';
import {
  absences, carePlanVisits, carePlans, clients, dayPlans, decisions, generatedDays, municipalities, relatives, rotaShifts, shifts, staff,
  teams, units, users, visits,
} from './schema.js';
import { hashPassword } from '../auth/passwords.js';
import { seedFollowUp } from '../services/follow-up-seed.js';
import { recordPublishedBaseline } from '../services/change-notifications.js';

/** @returns whether the database holds no municipality yet (so the demo may be loaded). */
export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(municipalities);
  return Number(rows[0]?.n ?? 0) === 0;
}

async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Insert the whole demo. Passwords are hashed here; the generator only knows them in plain. */
/**
 * Publish the demo's days from today on for every team, as if each team had held its morning
 * meeting: clients see who comes, and later changes are told to them.
 */
export async function publishDemoDays(db: Db, demo: DemoMunicipality, days: number, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    for (const t of demo.teams) {
      for (let i = 0; i < days; i++) {
        const date = addDays(demo.today, i);
        await tx.insert(dayPlans).values({ teamId: t.id, date, version: 1, publishedAt: now, publishedVersion: 1 })
          .onConflictDoUpdate({ target: [dayPlans.teamId, dayPlans.date], set: { publishedAt: now, publishedVersion: 1 } });
        await recordPublishedBaseline(tx, t.id, date, now);
      }
    }
  });
}

export async function loadDemo(db: Db, demo: DemoMunicipality): Promise<void> {
  const hashes = new Map<string, string>();
  for (const u of demo.users) if (!hashes.has(u.password)) hashes.set(u.password, await hashPassword(u.password));
  const dates = (() => {
    const ds = demo.visits.map((v) => v.date).sort();
    if (ds.length === 0) return [];
    const out: string[] = [];
    for (let i = 0; i <= daysBetween(ds[0]!, ds[ds.length - 1]!); i++) out.push(addDays(ds[0]!, i));
    return out;
  })();
  const chunk = 500;
  // Clients (and their relatives) start in the client's first language where Tillit speaks it.
  const spoken = new Set(['sv', 'en', 'fi', 'ar', 'so', 'fa']);
  const relativeClient = new Map(demo.relatives.map((r) => [r.id, r.clientId]));
  const clientLanguage = new Map(demo.clients.map((c) => [c.id, c.languages.find((l) => spoken.has(l)) ?? 'sv']));
  const localeOf = (clientId: string | null) => (clientId ? clientLanguage.get(clientId) ?? 'sv' : 'sv');
  await db.transaction(async (tx) => {
    const m = demo.municipality;
    await tx.insert(municipalities).values({ id: m.id, name: m.name, code: m.code });
    await tx.insert(units).values(demo.units);
    await insertChunked(demo.teams, chunk, (c) => tx.insert(teams).values(c.map((t) => ({
      id: t.id, unitId: t.unitId, name: t.name, area: t.area, phone: t.phone, kind: t.kind, baseLat: t.base.lat, baseLon: t.base.lon,
    }))));
    await insertChunked(demo.staff, chunk, (c) => tx.insert(staff).values(c));
    await insertChunked(demo.clients, chunk, (c) => tx.insert(clients).values(c.map(({ location, ...rest }) => ({
      ...rest, lat: location.lat, lon: location.lon,
    }))));
    await insertChunked(demo.relatives, chunk, (c) => tx.insert(relatives).values(c.map((r) => ({
      ...r,
      consentGivenAt: r.consentGivenAt ? new Date(r.consentGivenAt) : null,
      consentWithdrawnAt: r.consentWithdrawnAt ? new Date(r.consentWithdrawnAt) : null,
    }))));
    await insertChunked(demo.decisions, chunk, (c) => tx.insert(decisions).values(c));
    await insertChunked(demo.carePlans, chunk, (c) => tx.insert(carePlans).values(c.map((p) => ({
      id: p.id, clientId: p.clientId, decisionId: p.decisionId, summary: p.summary, updatedAt: new Date(p.updatedAt),
    }))));
    // A care-plan visit done by another team than the client's (evening, service) keeps that team.
    const clientTeam = new Map(demo.clients.map((c) => [c.id, c.teamId]));
    const doneBy = new Map<string, string>();
    for (const v of demo.visits) if (v.carePlanVisitId && v.teamId !== clientTeam.get(v.clientId)) doneBy.set(v.carePlanVisitId, v.teamId);
    const planVisits = demo.carePlans.flatMap((p) => p.visits.map((v) => ({ ...v, carePlanId: p.id, teamId: doneBy.get(v.id) ?? null })));
    await insertChunked(planVisits, chunk, (c) => tx.insert(carePlanVisits).values(c));
    await insertChunked(demo.shifts, chunk, (c) => tx.insert(shifts).values(c));
    // The last two weeks of shifts become each person's rota for the days after the demo's.
    const recent = demo.shifts.filter((s) => s.date >= addDays(demo.today, -14) && s.date < demo.today);
    await insertChunked(rotaFromShifts(recent), chunk, (c) => tx.insert(rotaShifts).values(c));
    await insertChunked(demo.absences, chunk, (c) => tx.insert(absences).values(c));
    // Each visit carries its care-plan visit's errand kind, so the service group can group errands into trips.
    const errandOf = new Map(planVisits.map((v) => [v.id, v.errand ?? null]));
    await insertChunked(demo.visits, chunk, (c) => tx.insert(visits).values(c.map((v) => ({ ...v, errand: (v.carePlanVisitId && errandOf.get(v.carePlanVisitId)) || null }))));
    // The demo's days are complete as generated; lazy generation must not add to them.
    const days = demo.teams.flatMap((t) => dates.map((date) => ({ teamId: t.id, date })));
    await insertChunked(days, chunk, (c) => tx.insert(generatedDays).values(c));
    // Where the demo's own plans put each break, so its days are valid by the checker as loaded.
    const teamOf = new Map(demo.staff.map((s) => [s.id, s.teamId]));
    const breaksByDay = new Map<string, { teamId: string; date: string; breaks: Record<string, string[]> }>();
    for (const b of demo.breaks) {
      const teamId = teamOf.get(b.staffId);
      if (!teamId) continue;
      const key = `${teamId} ${b.date}`;
      const day = breaksByDay.get(key) ?? { teamId, date: b.date, breaks: {} };
      day.breaks[b.staffId] = [b.start];
      breaksByDay.set(key, day);
    }
    await insertChunked([...breaksByDay.values()], chunk, (c) => tx.insert(dayPlans).values(c.map((d) => ({ ...d, version: 1 }))));
    await insertChunked(demo.users, chunk, (c) => tx.insert(users).values(c.map((u) => ({
      id: crypto.randomUUID(), username: u.username, passwordHash: hashes.get(u.password)!, role: u.role,
      displayName: u.displayName, municipalityId: m.id, unitId: u.unitId ?? null, teamId: u.teamId ?? null,
      staffId: u.staffId ?? null, clientId: u.clientId ?? null, relativeId: u.relativeId ?? null,
      locale: localeOf(u.clientId ?? relativeClient.get(u.relativeId ?? '') ?? null),
    }))));
  });
  await seedFollowUp(db, demo);
}
