import { describe, expect, it } from 'vitest';
import { Segment } from './segment.js';

describe('duration segments', () => {
  it('charge waiting to duration when the second stop opens later', () => {
    // A: window [0, 10], 5 min service. B: window [20, 30], 5 min. Travel 3.
    // Start A at 10, leave 15, arrive 18, wait 2, serve 20-25: duration 15, no time warp.
    const s = new Segment();
    s.setNode(0, 0, 10, 5, 0);
    s.append(3, 1, 1, 5, 0, 20, 30, 0, 0);
    expect(s.dur).toBe(15);
    expect(s.tw).toBe(0);
    expect(s.early).toBe(10);
    expect(s.late).toBe(10);
    expect(s.dist).toBe(3);
  });

  it('charge lateness as time warp when the second stop closes too early', () => {
    // A: window [50, 60], 30 min. B: window [0, 70], 10 min. Travel 10.
    // Earliest arrival at B is 50 + 30 + 10 = 90, 20 late: time warp 20.
    const s = new Segment();
    s.setNode(0, 50, 60, 30, 0);
    s.append(10, 1, 1, 10, 0, 0, 70, 0, 0);
    expect(s.tw).toBe(20);
  });

  it('give the same summary whichever way three stops are grouped', () => {
    const a = new Segment();
    a.setNode(0, 0, 100, 10, 1);
    a.append(5, 1, 1, 10, 0, 30, 40, 2, 0);
    a.append(7, 2, 2, 10, 0, 20, 45, 3, 0);
    // Group (B, C) first, then put A in front of it.
    const bc = new Segment();
    bc.setNode(1, 30, 40, 10, 2);
    bc.append(7, 2, 2, 10, 0, 20, 45, 3, 0);
    const b = new Segment();
    b.setNode(0, 0, 100, 10, 1);
    b.append(5, bc.first, bc.last, bc.dur, bc.tw, bc.early, bc.late, bc.load, bc.dist);
    expect([b.dur, b.tw, b.early, b.late, b.load, b.dist]).toEqual([a.dur, a.tw, a.early, a.late, a.load, a.dist]);
  });
});
