import { describe, expect, it } from 'vitest';
import { relocate } from './relocate.js';
import { checkOperatorAgainstRecompute } from '../testing/operator-harness.js';

describe('relocate', () => {
  it('predicts exactly the cost change that a from-scratch recompute finds after the move', () => {
    const { finite, improving } = checkOperatorAgainstRecompute(relocate);
    expect(finite).toBeGreaterThan(50);
    expect(improving).toBeGreaterThan(0);
  });
});
