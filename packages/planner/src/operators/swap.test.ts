import { describe, expect, it } from 'vitest';
import { swap } from './swap.js';
import { checkOperatorAgainstRecompute } from '../testing/operator-harness.js';

describe('swap', () => {
  it('predicts exactly the cost change that a from-scratch recompute finds after the move', () => {
    const { finite, improving } = checkOperatorAgainstRecompute(swap);
    expect(finite).toBeGreaterThan(50);
    expect(improving).toBeGreaterThan(0);
  });
});
