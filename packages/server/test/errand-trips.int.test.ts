// Errand trips (decision 0009) through the API on the demo municipality, on both databases: a
// suggested plan for the service group groups its shopping and pharmacy errands into car trips,
// each one stop for the engine; using it gives a trip's visits to one person in delivery order at
// the laid-out offsets; the day stays valid by the engine's independent checker; the team's board
// shows each trip with its clients and the minutes saved, and moving one visit moves the trip.
import { and, eq, isNotNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '@tillit/demo';
import { toMinutes } from '@tillit/domain';
import { checkPlan, parsePlan, parseProblem } from '@tillit/planner';
import { buildApp } from '../src/app.js';
import type { Database } from '../src/db/connection.js';
import { clients, planningJobs, teams, users, visits } from '../src/db/schema.js';
import { loadDemo } from '../src/db/seed.js';
import type { JobQueue } from '../src/jobs/queue.js';
import { planningSettings, startJobs } from '../src/server.js';
import { loadDay } from '../src/services/planning-problem.js';
import { testConfig } from './config.js';
import { databaseKinds, openTestDatabase } from './databases.js';
import { as, signIn, type Session } from './http.js';

const today = '2026-11-25';
const now = () => new Date('2026-11-25T06:30:00Z');

interface Trip { id: string; visits: string[]; offsets: number[]; durationMin: number; savedMin: number; window: { start: string; end: string } }

describe.each(databaseKinds)('errand trips on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let queue: JobQueue;
  let manager: Session;
  let coordinator: Session;
  let serviceId: string;
  let teamId: string;
  let trips: Trip[];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(database.db, generateDemo({ seed: 1, today }));
    const config = { ...testConfig, planningSeconds: 1 };
    queue = await startJobs(database, config);
    app = await buildApp({ db: database.db, config, now, jobs: { queue, settings: planningSettings(config) } }, { serveWeb: false });
    manager = await signIn(app, 'chef', 'tillit');
    coordinator = await signIn(app, 'samordnare', 'tillit');
    serviceId = (await database.db.select().from(teams).where(eq(teams.kind, 'service')))[0]!.id;
    teamId = (await database.db.select().from(users).where(eq(users.username, 'samordnare')))[0]!.teamId!;
  });
  afterAll(async () => {
    await app?.close();
    await queue?.stop();
    await database?.close();
  });

  const url = (path: string) => `/api/teams/${serviceId}/days/${today}${path}`;
  const serviceVisits = () => database.db.select().from(visits).where(and(eq(visits.teamId, serviceId), eq(visits.date, today)));

  it('stores the errand kind of the demo\'s shopping and pharmacy visits on the care plan and on the day\'s visits', async () => {
    const rows = await serviceVisits();
    expect(rows.filter((v) => v.title === 'Inköp').every((v) => v.errand === 'shopping')).toBe(true);
    expect(rows.filter((v) => v.title === 'Apoteksärende').every((v) => v.errand === 'pharmacy')).toBe(true);
    expect(rows.filter((v) => v.errand).length).toBeGreaterThan(3);
    // Nothing is on a trip before a plan is suggested.
    expect(rows.every((v) => v.errandTrip === null)).toBe(true);
  });

  it('carries the errand kind from the care plan to the visits of a day generated later', async () => {
    const later = '2026-12-30';
    expect((await as(app, manager)({ method: 'GET', url: `/api/teams/${serviceId}/days/${later}/plan` })).statusCode).toBe(200);
    const rows = await database.db.select().from(visits).where(and(eq(visits.teamId, serviceId), eq(visits.date, later)));
    expect(rows.filter((v) => v.errand === 'shopping').length).toBeGreaterThan(0);
    expect(rows.every((v) => (v.title === 'Inköp') === (v.errand === 'shopping'))).toBe(true);
    expect(rows.every((v) => (v.title === 'Apoteksärende') === (v.errand === 'pharmacy'))).toBe(true);
  });

  it("suggests a plan for the service group with its errands as car trips, one stop each, valid by the checker", async () => {
    const started = await as(app, manager)({ method: 'POST', url: url('/planning-jobs') });
    expect(started.statusCode, started.body).toBe(202);
    let job: { id: string; status: string; check: { valid: boolean; violations: string[] } } | undefined;
    for (let i = 0; i < 300 && !['done', 'failed', 'cancelled'].includes(job?.status ?? ''); i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await as(app, manager)({ method: 'GET', url: `/api/planning-jobs/${started.json().jobId}` })).json();
    }
    expect(job!.status).toBe('done');
    expect(job!.check.violations).toEqual([]);
    expect(job!.check.valid).toBe(true);
    const result = (await database.db.select().from(planningJobs).where(eq(planningJobs.id, job!.id)))[0]!.result as unknown as {
      errandTrips: Trip[]; routes: { staff: string; stops: { visit?: string; start: string }[] }[]; unassigned: { visit: string }[];
    };
    trips = result.errandTrips;
    expect(trips.length).toBeGreaterThan(1);
    expect(trips.every((t) => t.visits.length >= 2 && t.savedMin > 0)).toBe(true);
    // The engine saw each trip as one visit, never its members.
    const planned = new Set(result.routes.flatMap((r) => r.stops.map((s) => s.visit)));
    // Trips are formed only where a driver's day (shift, drive, break) lets them start, so all are planned.
    expect(trips.filter((t) => !planned.has(t.id))).toEqual([]);
    expect(result.unassigned).toEqual([]);
    expect(trips.flatMap((t) => t.visits).some((v) => planned.has(v))).toBe(false);

    const version = (await as(app, manager)({ method: 'GET', url: url('/plan') })).json().version;
    const applied = await as(app, manager)({ method: 'POST', url: `/api/planning-jobs/${job!.id}/apply`, payload: { version } });
    expect(applied.statusCode, applied.body).toBe(200);
  });

  it("gives a trip's visits to one person in delivery order, each at the trip's start plus its offset", async () => {
    const rows = new Map((await serviceVisits()).map((v) => [v.id, v]));
    let checked = 0;
    for (const t of trips) {
      const members = t.visits.map((id) => rows.get(id)!);
      expect(members.every((m) => m.errandTrip === t.id)).toBe(true);
      if (!members[0]!.plannedStart) continue;
      checked++;
      expect(new Set(members.map((m) => m.staffIds.join())).size).toBe(1);
      expect(members[0]!.staffIds.length).toBe(1);
      // Start of the trip = first delivery − its offset; every delivery at start + its offset, in its window.
      const start = toMinutes(members[0]!.plannedStart) - t.offsets[0]!;
      members.forEach((m, i) => {
        expect(toMinutes(m.plannedStart!)).toBe(start + t.offsets[i]!);
        expect(m.plannedStart! >= m.windowStart && m.plannedStart! <= m.windowEnd).toBe(true);
      });
      expect(members.map((m) => m.plannedStart)).toEqual([...members.map((m) => m.plannedStart)].sort());
    }
    expect(checked).toBe(trips.length);
    console.log(`${kind}: ${trips.length} trips of ${trips.map((t) => t.visits.length).join('+')} clients, ${checked} planned, ${trips.reduce((a, t) => a + t.savedMin, 0)} min saved`);
  });

  it("is valid by the engine's independent checker, which sees each trip as one stop", async () => {
    const day = await loadDay(database.db, serviceId, today);
    expect(day.trips.size).toBeGreaterThan(1);
    const verdict = checkPlan(parseProblem(day.problem), parsePlan(day.currentPlan));
    expect(verdict.violations).toEqual([]);
    expect(verdict.valid).toBe(true);
    const stops = day.currentPlan.routes.flatMap((r) => r.stops.map((s) => s.visit));
    expect([...day.trips.keys()].some((id) => stops.includes(id))).toBe(true);
    expect((await as(app, manager)({ method: 'GET', url: url('/plan') })).json().check.valid).toBe(true);
  });

  it("shows the team's board each trip with its own clients by name, others without, and the minutes saved", async () => {
    const answer = await as(app, coordinator)({ method: 'GET', url: `/api/teams/${teamId}/days/${today}/service` });
    expect(answer.statusCode, answer.body).toBe(200);
    const group = answer.json().groups[0];
    const own = new Set((await database.db.select().from(clients).where(eq(clients.teamId, teamId))).map((c) => c.id));
    const shown = group.trips as { id: string; savedMin: number; staffId: string | null; start: string | null; stops: { visitId: string | null; client: { firstName: string } | null; offsetMin: number; start: string | null }[] }[];
    expect(shown.length).toBeGreaterThan(0);
    const rows = new Map((await serviceVisits()).map((v) => [v.id, v]));
    for (const t of shown) {
      const trip = trips.find((x) => x.id === t.id)!;
      expect(t.savedMin).toBe(trip.savedMin);
      expect(t.savedMin).toBeGreaterThan(0);
      expect(t.stops.map((s) => s.offsetMin)).toEqual(trip.offsets);
      t.stops.forEach((s, i) => {
        const mine = own.has(rows.get(trip.visits[i]!)!.clientId);
        expect(s.visitId).toBe(mine ? trip.visits[i] : null);
        expect(s.client === null).toBe(!mine);
      });
    }
    // Nothing of another team's client: no ids, and their deliveries are inside the trip, not busy times.
    const otherIds = [...rows.values()].filter((v) => !own.has(v.clientId)).flatMap((v) => [v.id, v.clientId]);
    const body = JSON.stringify(group.trips);
    expect(otherIds.some((x) => body.includes(x))).toBe(false);
    expect(group.visits.filter((v: { errandTrip: string | null }) => v.errandTrip).length).toBeGreaterThan(0);
    // A trip of only other teams' clients is one busy time from its start to its end, not one per delivery.
    const day = await loadDay(database.db, serviceId, today);
    const hidden = day.planRows.filter((r) => day.trips.has(r.id) && r.plannedStart && !shown.some((t) => t.id === r.id));
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    for (const r of hidden) {
      expect(group.busy).toContainEqual({ staffId: r.staffIds[0], start: r.plannedStart, end: hhmm(toMinutes(r.plannedStart!) + r.durationMin) });
      for (const id of day.trips.get(r.id)!.visits) expect(group.busy.filter((b: { start: string }) => b.start === rows.get(id)!.plannedStart).length).toBeLessThanOrEqual(1);
    }
    console.log(`${kind}: ${shown.length} trips shown to the team, ${hidden.length} only as busy times`);
  });

  it('moves and locks the whole trip when one of its visits is moved on the board, and undoes it as one', async () => {
    const group = (await as(app, coordinator)({ method: 'GET', url: `/api/teams/${teamId}/days/${today}/service` })).json().groups[0];
    const t = (group.trips as { id: string; start: string | null; stops: { visitId: string | null; start: string | null }[] }[])
      .find((x) => x.start && x.stops.some((s) => s.visitId))!;
    const trip = trips.find((x) => x.id === t.id)!;
    const i = t.stops.findIndex((s) => s.visitId);
    const memberId = t.stops[i]!.visitId!;
    // Five minutes later, if the trip's window allows it, else five minutes earlier.
    const shift = toMinutes(t.start!) + 5 <= toMinutes(trip.window.end) ? 5 : -5;
    const before = new Map((await serviceVisits()).map((v) => [v.id, v.plannedStart]));
    const newStart = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const target = newStart(toMinutes(t.stops[i]!.start!) + shift);
    const check = await as(app, coordinator)({ method: 'POST', url: `/api/teams/${teamId}/days/${today}/visits/${memberId}/check`, payload: { plannedStart: target } });
    expect(check.statusCode, check.body).toBe(200);
    const moved = await as(app, coordinator)({
      method: 'PATCH', url: `/api/teams/${teamId}/days/${today}/visits/${memberId}`,
      payload: { version: group.version, plannedStart: target, locked: true, acceptViolations: true },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = new Map((await serviceVisits()).map((v) => [v.id, v]));
    for (const id of trip.visits) {
      expect(toMinutes(after.get(id)!.plannedStart!)).toBe(toMinutes(before.get(id)!) + shift);
      expect(after.get(id)!.locked).toBe(true);
    }
    const day = await loadDay(database.db, serviceId, today);
    expect(day.trips.has(trip.id)).toBe(true);
    expect(day.currentPlan.routes.flatMap((r) => r.stops).filter((s) => s.visit === trip.id)).toHaveLength(1);

    const undone = await as(app, manager)({ method: 'POST', url: url('/undo'), payload: { version: moved.json().version } });
    expect(undone.statusCode, undone.body).toBe(200);
    const back = await database.db.select().from(visits).where(and(eq(visits.errandTrip, trip.id), isNotNull(visits.plannedStart)));
    expect(back.map((v) => v.id).sort()).toEqual([...trip.visits].sort());
    for (const v of back) expect(v.plannedStart).toBe(before.get(v.id));
  });

  it("gives the whole trip to the colleague when a swap of one of its visits is confirmed", async () => {
    const day = await loadDay(database.db, serviceId, today);
    const row = day.planRows.find((r) => day.trips.has(r.id) && r.plannedStart && r.staffIds.length === 1)!;
    const trip = day.trips.get(row.id)!;
    const driver = row.staffIds[0]!;
    const colleague = day.problem.staff.find((s) => s.id !== driver)!.id;
    // The driver offers the trip's second delivery to the colleague from the phone.
    const admin = await signIn(app, 'admin', 'tillit');
    const created = await as(app, admin)({ method: 'POST', url: '/api/admin/users', payload: {
      username: 'service.driver', password: 'tillit-driver-2026', displayName: 'Förare', role: 'staff', teamId: serviceId, staffId: driver,
    } });
    expect(created.statusCode, created.body).toBe(201);
    const phone = await signIn(app, 'service.driver', 'tillit-driver-2026');
    const offer = await as(app, phone)({ method: 'POST', url: `/api/visits/${trip.visits[1]}/swap-requests`, payload: { toStaffId: colleague } });
    expect(offer.statusCode, offer.body).toBe(201);
    const version = (await as(app, manager)({ method: 'GET', url: url('/plan') })).json().version;
    const confirmed = await as(app, manager)({ method: 'POST', url: `/api/swap-requests/${offer.json().id}/decision`, payload: { decision: 'confirm', version } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const rows = await database.db.select().from(visits).where(eq(visits.errandTrip, trip.id));
    expect(rows.map((v) => v.staffIds)).toEqual(rows.map(() => [colleague]));
    const after = await loadDay(database.db, serviceId, today);
    expect(after.planRows.find((r) => r.id === trip.id)!.staffIds).toEqual([colleague]);
  });

  it('keeps a trip under way with its driver when a suggestion made before its first delivery was marked done is used, and in the next suggestion', async () => {
    const day = await loadDay(database.db, serviceId, today);
    const row = [...day.planRows].filter((r) => day.trips.has(r.id) && r.plannedStart && r.staffIds.length === 1)
      .sort((a, b) => day.trips.get(b.id)!.visits.length - day.trips.get(a.id)!.visits.length)[0]!;
    const trip = day.trips.get(row.id)!;
    const driver = row.staffIds[0]!;
    const before = new Map((await serviceVisits()).map((v) => [v.id, v]));
    const suggest = async () => {
      const started = await as(app, manager)({ method: 'POST', url: url('/planning-jobs') });
      expect(started.statusCode, started.body).toBe(202);
      for (let i = 0; i < 300; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const job = (await as(app, manager)({ method: 'GET', url: `/api/planning-jobs/${started.json().jobId}` })).json();
        if (['done', 'failed', 'cancelled'].includes(job.status)) return job as { id: string; status: string };
      }
      throw new Error('planning job did not finish');
    };
    const job = await suggest();
    expect(job.status).toBe('done');
    // The suggestion gives the trip to a colleague (made so here, so that it surely moves it).
    const stored = (await database.db.select().from(planningJobs).where(eq(planningJobs.id, job.id)))[0]!;
    const result = stored.result as { routes: { staff: string; stops: { visit?: string; start: string; end: string }[] }[] };
    const from = result.routes.find((r) => r.stops.some((s) => s.visit === trip.id))!;
    const stop = from.stops.find((s) => s.visit === trip.id)!;
    const colleague = day.problem.staff.find((s) => s.id !== from.staff)!.id;
    from.stops = from.stops.filter((s) => s !== stop);
    const to = result.routes.find((r) => r.staff === colleague) ?? (result.routes[result.routes.push({ staff: colleague, stops: [] }) - 1]!);
    to.stops.push(stop);
    await database.db.update(planningJobs).set({ result: result as never }).where(eq(planningJobs.id, job.id));
    // Meanwhile the driver delivers the first: marked done on the phone, which is not refused.
    const account = (await database.db.select().from(users).where(eq(users.staffId, driver)))[0];
    if (!account) {
      const admin = await signIn(app, 'admin', 'tillit');
      const created = await as(app, admin)({ method: 'POST', url: '/api/admin/users', payload: {
        username: 'trip.driver', password: 'tillit-driver-2026', displayName: 'Förare', role: 'staff', teamId: serviceId, staffId: driver,
      } });
      expect(created.statusCode, created.body).toBe(201);
    }
    const phone = await signIn(app, account?.username ?? 'trip.driver', 'tillit-driver-2026');
    const first = before.get(trip.visits[0]!)!;
    const recorded = await as(app, phone)({ method: 'POST', url: `/api/visits/${first.id}/record`, payload: {
      mutationId: `trip-race-${kind}-01`, baseVersion: first.version, status: 'done', actualStart: first.plannedStart, actualEnd: null,
    } });
    expect(recorded.statusCode, recorded.body).toBe(200);
    // The suggestion's check still sees the trip, without the delivery already made.
    const checked = (await as(app, manager)({ method: 'GET', url: `/api/planning-jobs/${job.id}` })).json().check;
    expect(checked.details.filter((d: { code: string }) => ['unknown-visit', 'visit-lost'].includes(d.code))).toEqual([]);
    const version = (await as(app, manager)({ method: 'GET', url: url('/plan') })).json().version;
    const applied = await as(app, manager)({ method: 'POST', url: `/api/planning-jobs/${job.id}/apply`, payload: { version } });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().kept).toBeGreaterThanOrEqual(trip.visits.length);
    const expectTripWithDriver = async () => {
      const rows = new Map((await serviceVisits()).map((v) => [v.id, v]));
      for (const id of trip.visits) {
        expect(rows.get(id)!.staffIds).toEqual([driver]);
        expect(rows.get(id)!.plannedStart).toBe(before.get(id)!.plannedStart);
        expect(rows.get(id)!.errandTrip).toBe(trip.id);
      }
      expect(rows.get(first.id)!.status).toBe('done');
    };
    await expectTripWithDriver();
    // A suggestion made now pins the rest of the trip under way where it is.
    const next = await suggest();
    expect(next.status).toBe('done');
    const again = (await as(app, manager)({ method: 'GET', url: url('/plan') })).json().version;
    expect((await as(app, manager)({ method: 'POST', url: `/api/planning-jobs/${next.id}/apply`, payload: { version: again } })).statusCode).toBe(200);
    await expectTripWithDriver();
  });
});
