// A small, hand-made municipality for API tests: two units, one team in each, a few clients,
// and one account per role scoped to unit 1 / team A. "Other" things live in unit 2 / team B.
import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Role } from '@tillit/domain';
import type { Db } from '../src/db/connection.js';
import {
  carePlanVisits, carePlans, clients, decisions, municipalities, planningJobs, relatives, shifts, staff, swapRequests, teams, units, users, visits,
} from '../src/db/schema.js';
import { hashPassword } from '../src/auth/passwords.js';
import { calendarFeeds } from '../src/db/schema-client-comms.js';

export const today = '2026-11-25';
/** 09:00 in Stockholm on the fixture's today. */
export const fixedNow = new Date('2026-11-25T08:00:00Z');
export const password = 'fixture-password';

export interface Fixture {
  municipalityId: string;
  unit1: string; unit2: string;
  teamA: string; teamB: string;
  staffA1: string; staffA2: string; substituteA: string; staffB1: string;
  clientA1: string; clientA2: string; clientB1: string;
  relativeA1: string; relativeB1: string;
  visitA1Today: string; visitB1Today: string;
  jobA: string; jobB: string; swapA: string; swapB: string;
  /** The client A1's own calendar feed and its secret token. */
  feedClientA1: string; feedTokenClientA1: string;
  /** Usernames by role; all scoped to unit 1 / team A / client A1. */
  usernames: Record<Role, string>;
}

const uuid = () => randomUUID();

export async function buildFixture(db: Db): Promise<Fixture> {
  const f = {
    municipalityId: uuid(), unit1: uuid(), unit2: uuid(), teamA: uuid(), teamB: uuid(),
    staffA1: uuid(), staffA2: uuid(), substituteA: uuid(), staffB1: uuid(),
    clientA1: uuid(), clientA2: uuid(), clientB1: uuid(), relativeA1: uuid(), relativeB1: uuid(),
    visitA1Today: uuid(), visitB1Today: uuid(), jobA: uuid(), jobB: uuid(), swapA: uuid(), swapB: uuid(),
  };
  await db.insert(municipalities).values({ id: f.municipalityId, name: 'Testkommun', code: '9999' });
  await db.insert(units).values([
    { id: f.unit1, municipalityId: f.municipalityId, name: 'Område Norr' },
    { id: f.unit2, municipalityId: f.municipalityId, name: 'Område Syd' },
  ]);
  await db.insert(teams).values([
    { id: f.teamA, unitId: f.unit1, name: 'Lag A', area: 'Centrum', phone: '0923-100 01', kind: 'day', baseLat: 65.85, baseLon: 23.15 },
    { id: f.teamB, unitId: f.unit2, name: 'Lag B', area: 'Töre', phone: '0923-100 02', kind: 'day', baseLat: 65.91, baseLon: 22.65 },
  ]);
  const person = (id: string, teamId: string, firstName: string, title = 'underskoterska', employmentForm = 'permanent') => ({
    id, teamId, firstName, lastName: 'Testsson', title, employmentForm, skills: ['care', 'medication'], languages: ['sv'],
    transport: 'car', contractedHoursPerWeek: 38.25, phone: null,
  });
  await db.insert(staff).values([
    person(f.staffA1, f.teamA, 'Anna'), person(f.staffA2, f.teamA, 'Bodil', 'vardbitrade'),
    person(f.substituteA, f.teamA, 'Vera', 'vardbitrade', 'hourly'), person(f.staffB1, f.teamB, 'Britt'),
  ]);
  const client = (id: string, teamId: string, firstName: string, fixedContactStaffId: string) => ({
    id, teamId, firstName, lastName: 'Klientsson', birthYear: 1938, street: 'Storgatan 1', postalCode: '952 31', city: 'Kalix',
    lat: 65.853, lon: 23.156, phone: null, languages: ['sv'], fixedContactStaffId, keyFacts: 'Nyckel i nyckelskåp.',
    preferences: 'Kaffe först.', notificationChannel: 'none',
  });
  await db.insert(clients).values([
    client(f.clientA1, f.teamA, 'Astrid', f.staffA1), client(f.clientA2, f.teamA, 'Arvid', f.staffA1),
    client(f.clientB1, f.teamB, 'Berta', f.staffB1),
  ]);
  await db.insert(relatives).values([
    { id: f.relativeA1, clientId: f.clientA1, name: 'Rut Klientsson', relation: 'dotter', phone: null, email: 'rut@example.org', consentGivenAt: new Date('2026-01-01'), consentWithdrawnAt: null },
    { id: f.relativeB1, clientId: f.clientB1, name: 'Ragnar Klientsson', relation: 'son', phone: null, email: null, consentGivenAt: new Date('2026-01-01'), consentWithdrawnAt: null },
  ]);
  for (const c of [f.clientA1, f.clientA2, f.clientB1]) {
    const decisionId = uuid();
    const planId = uuid();
    await db.insert(decisions).values({ id: decisionId, clientId: c, decidedAt: '2026-01-10', validFrom: '2026-01-15', validTo: null, services: [{ serviceType: 'personal_care', hoursPerMonth: 30 }] });
    await db.insert(carePlans).values({ id: planId, clientId: c, decisionId, summary: 'Hjälp på morgonen.' });
    await db.insert(carePlanVisits).values({
      id: uuid(), carePlanId: planId, title: 'Morgonhjälp', serviceType: 'personal_care', weekdays: [1, 2, 3, 4, 5, 6, 7],
      windowStart: '07:30', windowEnd: '09:00', durationMin: 30, tasks: ['Dusch', 'Frukost'], skills: ['care'], staffCount: 1, videoAllowed: false,
    });
  }
  const visit = (id: string, clientId: string, teamId: string, staffIds: string[]) => ({
    id, clientId, teamId, carePlanVisitId: null, date: today, title: 'Morgonhjälp', serviceType: 'personal_care',
    windowStart: '07:30', windowEnd: '09:00', durationMin: 30, skills: ['care'], tasks: ['Dusch'], staffCount: 1, video: false,
    status: 'planned' as const, plannedStart: '07:45', staffIds,
  });
  // The substitute works client A1's visit today, and only that one.
  await db.insert(visits).values([visit(f.visitA1Today, f.clientA1, f.teamA, [f.substituteA]), visit(f.visitB1Today, f.clientB1, f.teamB, [f.staffB1])]);
  await db.insert(shifts).values([f.staffA1, f.staffA2, f.substituteA, f.staffB1].map((s) => ({ id: uuid(), staffId: s, date: today, start: '07:00', end: '16:00', breakMin: 30 })));

  await db.insert(planningJobs).values([
    { id: f.jobA, teamId: f.teamA, date: today, status: 'queued', baseVersion: 1, createdBy: f.staffA2 },
    { id: f.jobB, teamId: f.teamB, date: today, status: 'queued', baseVersion: 1, createdBy: f.staffB1 },
  ]);
  await db.insert(swapRequests).values([
    { id: f.swapA, visitId: f.visitA1Today, fromStaffId: f.substituteA, toStaffId: f.staffA1, status: 'open' },
    { id: f.swapB, visitId: f.visitB1Today, fromStaffId: f.staffB1, toStaffId: null, status: 'open' },
  ]);

  const hash = await hashPassword(password);
  const accounts: { role: Role; scope: Partial<Record<'unitId' | 'teamId' | 'staffId' | 'clientId' | 'relativeId', string>> }[] = [
    { role: 'admin', scope: {} },
    { role: 'unit_manager', scope: { unitId: f.unit1 } },
    { role: 'coordinator', scope: { teamId: f.teamA, staffId: f.staffA2 } },
    { role: 'staff', scope: { teamId: f.teamA, staffId: f.staffA1 } },
    { role: 'substitute', scope: { teamId: f.teamA, staffId: f.substituteA } },
    { role: 'needs_assessor', scope: {} },
    { role: 'finance', scope: {} },
    { role: 'client', scope: { clientId: f.clientA1 } },
    { role: 'relative', scope: { relativeId: f.relativeA1 } },
  ];
  const usernames = {} as Record<Role, string>;
  await db.insert(users).values(accounts.map((a) => {
    usernames[a.role] = `test.${a.role}`;
    return { id: uuid(), username: `test.${a.role}`, passwordHash: hash, role: a.role, displayName: `Test ${a.role}`, municipalityId: f.municipalityId, ...a.scope };
  }));
  // A calendar feed the client A1 made for themselves.
  const clientUser = (await db.select({ id: users.id }).from(users).where(eq(users.username, 'test.client')))[0]!;
  const feedClientA1 = uuid();
  const feedTokenClientA1 = 'fixture-feed-token-0123456789abcdef';
  await db.insert(calendarFeeds).values({ id: feedClientA1, tokenHash: createHash('sha256').update(feedTokenClientA1).digest('hex'), clientId: f.clientA1, relativeId: null, userId: clientUser.id });
  return { ...f, usernames, feedClientA1, feedTokenClientA1 };
}
