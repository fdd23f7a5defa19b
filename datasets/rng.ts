/** The generator's random numbers: xoshiro128** (engine/random.ts) with the draws the panel model needs. */
import { splitmix32, Xoshiro128 } from '../engine/random.js';

/** xoshiro128** (engine/random.ts) seeded from (seed, stream): `stream` selects an independent sequence for the same seed (values vs. missing masks). */
export class Rng extends Xoshiro128 {
  private spare = NaN;

  constructor(seed: number, stream = 0) {
    super(splitmix32((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(stream + 1, 0x7feb352d)) >>> 0));
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal (Box–Muller, the second value kept for the next call). */
  normal(): number {
    if (this.spare === this.spare) {
      const s = this.spare;
      this.spare = NaN;
      return s;
    }
    let u = this.next();
    while (u === 0) u = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    const th = 2 * Math.PI * this.next();
    this.spare = r * Math.sin(th);
    return r * Math.cos(th);
  }

  /** Poisson(λ): Knuth's product method for small λ, a rounded normal above 30. */
  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const L = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > L) {
      k++;
      p *= this.next();
    }
    return k;
  }
}
