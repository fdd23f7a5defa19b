/**
 * Column statistics over the population mask, shared by the dispersion-based weights (standard
 * deviation, coefficient of variation, CRITIC), plus the input checks every column-based method
 * makes. Each loop is a leaf function over typed arrays and numbers (see normalize.ts: V8 otherwise
 * deoptimises after on-stack replacement and boxes every double).
 *
 * The standard deviation is the sample one (divisor m − 1), as R's sd(), pymcdm's
 * standard_deviation_weights and critic_weights (np.std(…, ddof=1)) and normalize.ts's z-score.
 * Every method here divides σ_j by a sum over indicators of the same population, so the factor
 * √(m/(m − 1)) between sample and population σ cancels: the weights are the same under either
 * convention and only the reported σ (and CRITIC's C_j) differ. With one graded row σ = 0 (no spread
 * is observed), not NaN.
 */
import { WeightError } from "./errors.js";
import { squaredDeviations } from "../../kernels/column-stats.js";

export type Moments = {
  /** Population rows. */
  count: number;
  mean: number;
  /** Sample standard deviation (divisor count − 1); 0 when count < 2. */
  sd: number;
  /** Σ (x − mean)², the two-pass sum of squared deviations. */
  ss: number;
};

/** Checks the columns against the mask and each other; returns the population size. */
export function checkColumns(cols: readonly Float64Array[], pop: Uint8Array, method: string): number {
  if (cols.length === 0) throw new WeightError(`${method}: there are no indicators to weight`);
  for (let j = 0; j < cols.length; j++)
    if (cols[j].length !== pop.length)
      throw new WeightError({ indicator: j }, (ind) => `${method}: indicator ${ind} has ${cols[j].length} values but the population mask has ${pop.length} rows`);
  const m = countPopulation(pop);
  if (m === 0) throw new WeightError(`${method}: the population is empty (no graded rows), so there is nothing to weight from`);
  for (let j = 0; j < cols.length; j++) {
    const row = firstMissing(cols[j], pop);
    if (row >= 0)
      throw new WeightError({ indicator: j, row }, (ind, at) => `${method}: indicator ${ind} has no value (NaN) ${at}; fill missing values before weighting`);
  }
  return m;
}

export function countPopulation(pop: Uint8Array): number {
  let m = 0;
  for (let i = 0; i < pop.length; i++) if (pop[i] !== 0) m++;
  return m;
}

/** The first population row holding NaN or ±Infinity, or −1. */
function firstMissing(x: Float64Array, pop: Uint8Array): number {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (pop[i] !== 0 && !(v - v === 0)) return i; // NaN − NaN and ∞ − ∞ are NaN
  }
  return -1;
}

/**
 * Count, mean and sample σ, two-pass (as numpy). A constant column gets σ = 0 and its value as
 * mean exactly: the rounded mean of equal values can be off by an ulp (0.2 three times has mean
 * 0.19999999999999998), which would leave a σ of order 1e-17 and, once σ is divided by Σσ, give
 * a constant column weight.
 */
export function moments(x: Float64Array, pop: Uint8Array): Moments {
  const acc = new Float64Array(4);
  sumKernel(x, pop, acc);
  const count = acc[0];
  if (count > 0 && acc[2] === acc[3]) return { count, mean: acc[2], sd: 0, ss: 0 };
  const mean = acc[1] / count;
  const ss = count > 0 ? squaredDeviations(x, pop, mean) : 0;
  return { count, mean, sd: count > 1 ? Math.sqrt(ss / (count - 1)) : 0, ss };
}

/** acc = [count, Σ x, min, max] over the population. */
function sumKernel(x: Float64Array, pop: Uint8Array, acc: Float64Array): void {
  let count = 0, sum = 0, min = Infinity, max = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (pop[i] === 0) continue;
    const v = x[i];
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  acc[0] = count;
  acc[1] = sum;
  acc[2] = min;
  acc[3] = max;
}

/** Σ (x − mx)(y − my) over the population: the numerator of Pearson's r. */
export function crossDeviations(x: Float64Array, y: Float64Array, pop: Uint8Array, mx: number, my: number): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    if (pop[i] === 0) continue;
    s += (x[i] - mx) * (y[i] - my);
  }
  return s;
}

/** v / Σv when Σv > 0; otherwise equal weights and `false`. */
export function normalizeOrEqual(v: Float64Array): { weights: Float64Array; equal: boolean } {
  let sum = 0;
  for (let j = 0; j < v.length; j++) sum += v[j];
  const weights = new Float64Array(v.length);
  if (!(sum > 0) || !Number.isFinite(sum)) {
    weights.fill(1 / v.length);
    return { weights, equal: true };
  }
  for (let j = 0; j < v.length; j++) weights[j] = v[j] / sum;
  return { weights, equal: false };
}
