import { describe, expect, it } from 'vitest';
import type { Visit } from '../api/types.js';
import { upcomingByDay } from './upcoming.js';

const visit = (id: string, date: string, windowStart: string): Visit => ({
  id, clientId: 'c', teamId: 't', date, title: 'Morgonhjälp', serviceType: 'personal_care', windowStart, windowEnd: '23:59',
  durationMin: 30, skills: [], tasks: [], staffCount: 1, video: false, status: 'planned', plannedStart: null, staff: [],
  actualStart: null, actualEnd: null, missedReason: null,
});

describe('a client\'s next visits', () => {
  it('groups visits from today on by day, in time order, and leaves out earlier days', () => {
    const days = upcomingByDay([
      visit('c', '2026-11-26', '08:00'), visit('a', '2026-11-25', '18:00'), visit('old', '2026-11-24', '08:00'), visit('b', '2026-11-25', '07:30'),
    ], '2026-11-25');
    expect(days.map((d) => [d.date, d.visits.map((v) => v.id)])).toEqual([['2026-11-25', ['b', 'a']], ['2026-11-26', ['c']]]);
  });
});
