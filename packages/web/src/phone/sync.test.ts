import { describe, expect, it } from 'vitest';
import type { RecordItem } from './store.js';
import { changedElsewhere, flushQueue } from './sync.js';

const item = (visitId: string): RecordItem => ({
  mutationId: `m-${visitId}`, staffId: 's', visitId, clientName: 'Gun Öhman', baseVersion: 1,
  seen: { status: 'planned', plannedStart: '08:00', staffIds: ['s'] },
  body: { status: 'done', actualStart: '08:00', actualEnd: '08:30', note: 'Kaffe' }, madeAt: '2026-11-25T08:00:00Z',
});
const current = (status: string, version = 3) => ({ version, status, staffIds: ['s'], plannedStart: '08:00', actualStart: null, actualEnd: null, note: null });
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the phone\'s queue of done-marks', () => {
  it('sends again on the server\'s version when only the version differs, and shows a real change as a conflict', async () => {
    const sent: { visit: string; baseVersion: number }[] = [];
    const fetchFn = (async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body));
      const visit = url.split('/')[3]!;
      sent.push({ visit, baseVersion: body.baseVersion });
      if (visit === 'a') return body.baseVersion === 3 ? json(200, { version: 4, replay: false }) : json(409, { current: current('planned') });
      return json(409, { current: { ...current('done'), note: 'annan' } });
    }) as unknown as typeof fetch;
    const r = await flushQueue([item('a'), item('b')], 'token', fetchFn);
    expect(sent).toEqual([{ visit: 'a', baseVersion: 1 }, { visit: 'a', baseVersion: 3 }, { visit: 'b', baseVersion: 1 }]);
    expect(r.sent).toBe(1);
    expect(r.queue).toEqual([]);
    expect(r.conflicts.map((c) => [c.item.visitId, c.current?.note])).toEqual([['b', 'annan']]);
  });

  it('keeps the rest of the queue, in order, when the connection drops', async () => {
    let calls = 0;
    const fetchFn = (async () => {
      calls++;
      if (calls === 1) return json(200, { version: 2, replay: false });
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const r = await flushQueue([item('a'), item('b'), item('c')], null, fetchFn);
    expect(r.queue.map((i) => i.visitId)).toEqual(['b', 'c']);
    expect(r.sent).toBe(1);
  });

  it('counts a visit moved to another time as changed elsewhere', () => {
    expect(changedElsewhere(item('a').seen, { ...current('planned'), plannedStart: '09:00' })).toBe(true);
    expect(changedElsewhere(item('a').seen, current('planned'))).toBe(false);
  });
});
