import { describe, expect, it } from 'vitest';
import { twoOptStar } from './two-opt-star.js';
import { checkOperatorAgainstRecompute } from '../testing/operator-harness.js';

describe('twoOptStar', () => {
  it('predicts exactly the cost change that a from-scratch recompute finds after the move', () => {
    const { finite, improving } = checkOperatorAgainstRecompute(twoOptStar);
    expect(finite).toBeGreaterThan(50);
    expect(improving).toBeGreaterThan(0);
  });
});
