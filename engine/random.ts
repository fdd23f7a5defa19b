/**
 * The one pseudo-random generator of parkscore: xoshiro128** (Blackman & Vigna 2018,
 * https://prng.di.unimi.it/xoshiro128starstar.c), its 128-bit state filled by splitmix32 as Vigna
 * recommends. Seeded streams for the sensitivity analysis (engine/sensitivity/sample.ts) and the
 * synthetic datasets (datasets/generate.ts) are built on it; each chooses how its seed is folded.
 */

/** splitmix32: a 32-bit state expanded into well-mixed words (each MurmurHash3's fmix32 of the next state). */
export function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    return fmix32(s);
  };
}

/** MurmurHash3's finaliser (Appleby): a bijective, well-avalanched mixing of a 32-bit word. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Xoshiro128 {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** The state from four words of `words` (an all-zero state, which would stay zero, is avoided). */
  constructor(words: () => number) {
    this.a = words();
    this.b = words();
    this.c = words();
    this.d = words();
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    const b = this.b;
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    this.c ^= this.a;
    this.d ^= b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return r;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
