import { describe, expect, it } from 'vitest';
import type { TeamDay } from '../api/types.js';
import { buildTimeline, snap5, staffAfterMove } from './timeline.js';

const person = (id: string, absent = false) => ({
  id, firstName: id, lastName: 'X', title: 'underskoterska', skills: ['care'], languages: ['sv'],
  shift: { start: '07:00', end: '16:00', breakMin: 30 },
  absence: absent ? { reason: 'sick', fromDate: '2026-11-25', toDate: '2026-11-25' } : null,
});
const visit = (id: string, staff: string[], plannedStart: string | null, staffCount = 1) => ({
  id, clientId: `c-${id}`, teamId: 't', date: '2026-11-25', title: 'Morgonhjälp', serviceType: 'personal_care',
  windowStart: '08:00', windowEnd: '10:00', durationMin: 30, skills: ['care'], tasks: [], staffCount, video: false,
  status: 'planned', plannedStart, staff: staff.map((s) => ({ id: s, firstName: s, lastName: 'X' })),
  actualStart: null, actualEnd: null, missedReason: null,
  client: { firstName: 'C', lastName: id, languages: ['sv'], fixedContactStaffId: null },
});
const day = (staff: ReturnType<typeof person>[], visits: ReturnType<typeof visit>[]): TeamDay => ({
  team: { id: 't', unitId: 'u', name: 'Lag', area: '', phone: '', kind: 'day' }, date: '2026-11-25', staff, visits,
});

describe('the board\'s timeline', () => {
  it('lists an absent person\'s visits as without staff and leaves their lane empty', () => {
    const t = buildTimeline(day([person('a'), person('b', true)], [visit('v1', ['b'], '08:00'), visit('v2', ['a'], '09:00')]), null);
    expect(t.unstaffed.map((u) => [u.visit.id, u.reason, u.lost.map((p) => p.id)])).toEqual([['v1', 'absent', ['b']]]);
    expect(t.lanes.find((l) => l.staff.id === 'b')!.items).toEqual([]);
  });

  it('measures the time between visits without the break: 08:00–08:30, break 08:40–09:10, visit 09:20 leaves 20 min', () => {
    const plan = { format: 'tillit.plan/v1' as const, date: '2026-11-25', unassigned: [], routes: [{ staff: 'a', stops: [{ break: true as const, start: '08:40', end: '09:10' }] }] };
    // 09:20 − 08:30 = 50 min, minus the 30-minute break = 20 min of travel and air.
    const t = buildTimeline(day([person('a')], [visit('v1', ['a'], '08:00'), visit('v2', ['a'], '09:20')]), plan);
    const lane = t.lanes[0]!;
    expect(lane.gapsBetween).toEqual([20]);
    expect([lane.breakNeeded, lane.breakPlanned]).toEqual([true, true]);
  });

  it('gives a dragged visit the new person in place of the old, and a double-staffed one keeps the colleague', () => {
    expect(staffAfterMove(visit('v', ['a'], '08:00'), 'a', 'b')).toEqual(['b']);
    expect(staffAfterMove(visit('v', ['a', 'c'], '08:00', 2), 'a', 'b')).toEqual(['b', 'c']);
    expect(staffAfterMove(visit('v', ['x'], '08:00'), null, 'b', new Set(['x']))).toEqual(['b']);
  });

  it("puts a service worker's visits to other teams' clients on the lane as busy times, counted in the gaps", () => {
    // Own visit 08:00–08:30; busy 09:00–09:45 elsewhere; own visit 10:00: gaps 30 and 15 min.
    const t = buildTimeline(day([person('s')], [visit('v1', ['s'], '08:00'), visit('v2', ['s'], '10:00')]), null, [{ staffId: 's', start: '09:00', end: '09:45' }]);
    const lane = t.lanes[0]!;
    expect(lane.items.filter((i) => i.kind !== 'gap').map((i) => [i.kind, i.start, i.end])).toEqual([['visit', 480, 510], ['busy', 540, 585], ['visit', 600, 630]]);
    expect(lane.gapsBetween).toEqual([30, 15]);
    expect(lane.workMin).toBe(60);
  });

  it('shows an errand trip as one block on its person\'s lane in place of its visits, and counts its length as work', () => {
    // Trip 09:00–10:40 (100 min) delivering v2 at +60 and another team's client at +80; v1 alone at 08:00.
    const trip = {
      id: 'trip-1', staffId: 's', start: '09:00', durationMin: 100, savedMin: 25, kinds: ['shopping' as const], locked: false,
      stops: [
        { visitId: 'v2', errand: 'shopping' as const, offsetMin: 60, start: '10:00', client: { firstName: 'C', lastName: 'v2' } },
        { visitId: null, errand: 'shopping' as const, offsetMin: 80, start: '10:20', client: null },
      ],
    };
    const t = buildTimeline(day([person('s')], [visit('v1', ['s'], '08:00'), visit('v2', ['s'], '10:00')]), null, [], [trip]);
    const lane = t.lanes[0]!;
    expect(lane.items.filter((i) => i.kind !== 'gap').map((i) => [i.kind, i.start, i.end])).toEqual([['visit', 480, 510], ['trip', 540, 640]]);
    const block = lane.items.find((i) => i.kind === 'trip')!;
    expect(block.kind === 'trip' && block.members.map((m) => m.id)).toEqual(['v2']);
    expect(lane.workMin).toBe(30 + 100);
    expect(lane.gapsBetween).toEqual([30]);
  });

  it('snaps to five minutes', () => {
    expect([snap5(482), snap5(483), snap5(487.5)]).toEqual([480, 485, 490]);
  });
});
