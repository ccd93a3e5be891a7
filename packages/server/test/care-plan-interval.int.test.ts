// A care-plan visit every other week goes through the API as written and comes back with its
// interval and anchor, so a coordinator's fortnightly cleaning is not stored as weekly.
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Database } from '../src/db/connection.js';
import { databaseKinds } from './databases.js';
import { withFixtureApp } from './fixture-app.js';
import { password, type Fixture } from './fixture.js';
import { as, signIn } from './http.js';

describe.each(databaseKinds)('care-plan visits every N weeks on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let f: Fixture;

  withFixtureApp(kind, (d, a, fixture) => {
    [database, app, f] = [d, a, fixture];
  });

  it('stores a cleaning every other week and gives back its interval and anchor; weekly visits read as every week', async () => {
    const session = await signIn(app, f.usernames.coordinator, password);
    const call = as(app, session);
    const cleaning = {
      title: 'Städning', serviceType: 'service', weekdays: [3], windowStart: '09:00', windowEnd: '11:00', durationMin: 60,
      tasks: [], skills: ['service'], staffCount: 1, videoAllowed: false, intervalWeeks: 2, weekAnchor: '2026-12-16',
    };
    const created = await call({ method: 'POST', url: `/api/clients/${f.clientA1}/care-plan/visits`, payload: cleaning });
    expect(created.statusCode).toBe(201);
    const plan = await call({ method: 'GET', url: `/api/clients/${f.clientA1}/care-plan` });
    expect(plan.statusCode).toBe(200);
    const visits = plan.json().visits as { id: string; intervalWeeks: number; weekAnchor: string | null }[];
    expect(visits.find((v) => v.id === created.json().id)).toMatchObject({ intervalWeeks: 2, weekAnchor: '2026-12-16' });
    expect(visits.filter((v) => v.id !== created.json().id).every((v) => v.intervalWeeks === 1 && v.weekAnchor === null)).toBe(true);
  });
});
