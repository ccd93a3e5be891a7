import { describe, expect, it } from 'vitest';
import { swapStar } from './swap-star.js';
import { checkOperatorAgainstRecompute } from '../testing/operator-harness.js';

describe('swapStar', () => {
  it('predicts exactly the cost change that a from-scratch recompute finds after the move', () => {
    const { finite, improving } = checkOperatorAgainstRecompute(swapStar);
    expect(finite).toBeGreaterThan(50);
    expect(improving).toBeGreaterThan(0);
  });
});
