import { describe, expect, it } from 'vitest';
import { PenaltyManager } from './penalty.js';

describe('PenaltyManager', () => {
  it('raises the weights while too few solutions are feasible and lowers them while too many are', () => {
    const pm = new PenaltyManager(10, 10, 0.3, 10);
    for (let i = 0; i < 10; i++) pm.record(false);
    expect(pm.tw).toBeCloseTo(13);
    for (let i = 0; i < 10; i++) pm.record(true);
    expect(pm.tw).toBeCloseTo(13 * 0.85);
    // Inside the target band nothing changes: 3 of 10 feasible.
    const before = pm.tw;
    for (let i = 0; i < 10; i++) pm.record(i < 3);
    expect(pm.tw).toBe(before);
  });
});
