/**
 * Seeded random numbers for uncertainty analysis, and the distributions its assumptions draw from.
 *
 * Every draw comes from a stream named by integers (seed, matrix, row, factor): a sample's randomness
 * depends on nothing else, so a run is reproducible from its seed and identical whatever the number
 * of worker threads or the order in which they finish.
 *
 * - Stream seeding: the integers are folded with MurmurHash3's 32-bit finaliser (fmix32, Appleby)
 *   into a splitmix32 state, which fills the generator's 128-bit state (as Vigna recommends).
 * - Generator: xoshiro128** (Blackman & Vigna 2018, https://prng.di.unimi.it/xoshiro128starstar.c).
 * - Doubles: 53 random bits, uniform on [0, 1).
 * - Normal: Marsaglia's polar method. Gamma: Marsaglia & Tsang (2000), "A simple method for
 *   generating gamma variables", ACM TOMS 26(3); for shape < 1, Gamma(a) = Gamma(a + 1)·U^(1/a).
 * - Dirichlet: independent Gamma(α_k, 1) divided by their sum.
 */
import { fmix32, splitmix32, Xoshiro128 } from "../random.js";

/** One 32-bit key from a list of integers (order matters). */
export function streamKey(parts: readonly number[]): number {
  let h = 0x2545f491;
  for (const p of parts) {
    // Integers up to 2^53 keep their high part.
    const lo = p >>> 0;
    const hi = Math.floor(p / 4294967296) >>> 0;
    h = fmix32((h ^ lo) + 0x9e3779b9);
    h = fmix32((h ^ hi) + 0x7f4a7c15);
  }
  return h;
}

export class Random extends Xoshiro128 {
  /** The generator of the stream named by `parts`, e.g. (seed, matrix, row, factor). */
  constructor(...parts: number[]) {
    super(splitmix32(streamKey(parts)));
  }

  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number {
    return ((this.u32() >>> 5) * 67108864 + (this.u32() >>> 6)) / 9007199254740992;
  }

  /** An integer in 0 … k − 1. */
  index(k: number): number {
    return Math.min(k - 1, Math.floor(this.uniform() * k));
  }

  /** Standard normal (Marsaglia's polar method; the second value of each pair is discarded, to keep draws independent of call history). */
  normal(): number {
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
    }
  }

  /** Gamma(shape, 1) by Marsaglia & Tsang (2000); shape 0 gives 0. */
  gamma(shape: number): number {
    if (!(shape >= 0) || !Number.isFinite(shape)) throw new RangeError(`gamma shape must be a finite number ≥ 0, not ${shape}`);
    if (shape === 0) return 0;
    if (shape < 1) {
      const u = this.uniform();
      return this.gamma(shape + 1) * Math.pow(u === 0 ? Number.MIN_VALUE : u, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number, v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }
}

/**
 * Dirichlet(α·w) around the weights `w` (which sum to 1): its mean is `w`, and its spread shrinks as
 * the concentration α grows (Var w_k = w_k(1 − w_k)/(α + 1)). Zero weights stay zero.
 */
export function dirichletAround(rng: Random, w: readonly number[], concentration: number): number[] {
  const g = w.map((x) => (x > 0 ? rng.gamma(concentration * x) : 0));
  const sum = g.reduce((a, b) => a + b, 0);
  return sum > 0 ? g.map((x) => x / sum) : w.slice();
}

/** Each weight times (1 + x·(2u − 1)) with u uniform — uniform noise of ±x (a share, 0.2 = ±20%) — then rescaled to sum to 1. */
export function uniformNoise(rng: Random, w: readonly number[], x: number): number[] {
  const p = w.map((v) => v * (1 + x * (2 * rng.uniform() - 1)));
  const sum = p.reduce((a, b) => a + b, 0);
  return sum > 0 ? p.map((v) => v / sum) : w.slice();
}

/** Uniform on [lo, hi]. */
export function uniformIn(rng: Random, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.uniform();
}
