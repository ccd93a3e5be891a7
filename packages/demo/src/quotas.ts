// Exact shares instead of coin flips, so a small demo still has every kind of client it promises.
import type { Rng } from './prng.js';

/**
 * @param rng - the random source (for the order)
 * @param n - how many items
 * @param shares - value and share; the first value takes what is left
 * @param atLeastOne - give every value at least one item when n allows it
 * @returns n values in random order, each value about `share × n` times
 */
export function quotaList<T>(rng: Rng, n: number, shares: readonly (readonly [T, number])[], atLeastOne = true): T[] {
  const out: T[] = [];
  for (const [value, share] of shares.slice(1)) {
    const k = Math.max(atLeastOne && n >= shares.length * 4 ? 1 : 0, Math.round(n * share));
    for (let i = 0; i < k && out.length < n; i++) out.push(value);
  }
  const rest = (shares[0] as readonly [T, number])[0];
  while (out.length < n) out.push(rest);
  return rng.shuffle(out);
}
