import { describe, expect, it } from 'vitest';
import { groupReads, splitWhat } from './accessLog.js';

const entry = (at: string, who: string, role: string, what: string) => ({ at, who, role, action: 'read', what });

describe('the access log for people', () => {
  it('splits the category from the endpoint', () => {
    expect(splitWhat('visits GET /api/me/day')).toEqual({ category: 'visits', endpoint: 'GET /api/me/day' });
  });

  it('merges one person\'s reads in the same minute and leaves out the client\'s own', () => {
    const groups = groupReads([
      entry('2026-11-25T08:31:10Z', 'Nour Aziz', 'staff', 'keyFacts GET /api/clients/:clientId'),
      entry('2026-11-25T08:31:09Z', 'Nour Aziz', 'staff', 'profile GET /api/clients/:clientId'),
      entry('2026-11-25T08:31:05Z', 'Sture Nilsson', 'client', 'visits GET /api/clients/:clientId/visits'),
      entry('2026-11-25T08:30:59Z', 'Nour Aziz', 'staff', 'visits GET /api/me/day'),
    ], 'client');
    expect(groups).toEqual([
      { at: '2026-11-25T08:31:10Z', who: 'Nour Aziz', role: 'staff', categories: ['keyFacts', 'profile'] },
      { at: '2026-11-25T08:30:59Z', who: 'Nour Aziz', role: 'staff', categories: ['visits'] },
    ]);
  });
});
