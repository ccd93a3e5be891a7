import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Rng } from './prng.js';

describe('Rng', () => {
  it('gives the same sequence for the same seed and stream', () => {
    const a = new Rng(42, 'clients');
    const b = new Rng(42, 'clients');
    expect(Array.from({ length: 20 }, () => a.uint32())).toEqual(Array.from({ length: 20 }, () => b.uint32()));
  });

  it('gives different sequences for different seeds or streams', () => {
    const first = (r: Rng) => Array.from({ length: 5 }, () => r.uint32());
    expect(first(new Rng(1, 'x'))).not.toEqual(first(new Rng(2, 'x')));
    expect(first(new Rng(1, 'x'))).not.toEqual(first(new Rng(1, 'y')));
  });

  it('makes UUIDs that zod accepts (version 4, RFC variant)', () => {
    const r = new Rng(7);
    const ids = Array.from({ length: 2000 }, () => r.uuid());
    expect(z.array(z.uuid()).safeParse(ids).success).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps int() within its bounds and next() in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (seed, min, span) => {
        const r = new Rng(seed);
        for (let i = 0; i < 20; i++) {
          const n = r.int(min, min + span);
          const x = r.next();
          if (n < min || n > min + span || !Number.isInteger(n) || x < 0 || x >= 1) return false;
        }
        return true;
      }),
    );
  });
});
