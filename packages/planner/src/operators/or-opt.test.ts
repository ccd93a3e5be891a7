import { describe, expect, it } from 'vitest';
import { orOpt } from './or-opt.js';
import { checkOperatorAgainstRecompute } from '../testing/operator-harness.js';

describe('orOpt', () => {
  it('predicts exactly the cost change that a from-scratch recompute finds after the move', () => {
    const { finite, improving } = checkOperatorAgainstRecompute(orOpt);
    expect(finite).toBeGreaterThan(50);
    expect(improving).toBeGreaterThan(0);
  });
});
