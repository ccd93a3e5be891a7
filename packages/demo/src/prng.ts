// A small seeded random source so the demo is the same for the same seed: sfc32 (Chris Doty-Humphrey's
// "small fast counting" generator, from PractRand) seeded through splitmix32. Never Math.random.

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** Scratch for one UUID's characters: building it from pieces with + would leave a rope of 20 strings per id. */
const UUID_CHARS = new Array<number>(36).fill(45);
const UUID_SLOTS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

/** splitmix32 step: spreads a small seed over all 32 bits (Steele, Lea & Flood 2014, 32-bit variant). */
function splitmix32(state: number): [next: number, out: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/** FNV-1a hash of a label, so each part of the generator gets its own stream. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * @param seed - any integer
   * @param stream - a label naming the part of the demo; different labels give independent streams
   */
  constructor(seed: number, stream = '') {
    let s = (seed ^ hashLabel(stream)) | 0;
    const out: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, v] = splitmix32(s);
      s = next;
      out.push(v);
    }
    [this.a, this.b, this.c, this.d] = out as [number, number, number, number];
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** @returns a float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** @returns an integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** @returns one item, chosen with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i] as T;
      items[i] = items[j] as T;
      items[j] = t;
    }
    return items;
  }

  /** @returns a value around `mean`, roughly normal (sum of three uniforms), `spread` ≈ 1.7 standard deviations. */
  around(mean: number, spread: number): number {
    return mean + ((this.next() + this.next() + this.next()) / 1.5 - 1) * spread;
  }

  /** @returns a random UUID of version 4 with the RFC 9562 variant bits, as zod's `z.uuid()` requires. */
  uuid(): string {
    const w = [this.uint32(), this.uint32(), this.uint32(), this.uint32()];
    for (let i = 0; i < 16; i++) {
      let b = ((w[i >> 2] as number) >>> (24 - 8 * (i & 3))) & 255;
      if (i === 6) b = (b & 0x0f) | 0x40;
      if (i === 8) b = (b & 0x3f) | 0x80;
      const at = UUID_SLOTS[i] as number;
      UUID_CHARS[at] = HEX_CODES[b >> 4] as number;
      UUID_CHARS[at + 1] = HEX_CODES[b & 15] as number;
    }
    return String.fromCharCode(...UUID_CHARS);
  }
}
