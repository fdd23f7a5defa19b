/**
 * Normalisation: each indicator's values → comparable scores, higher is better.
 *
 * Formulas as in the OECD/JRC Handbook on Constructing Composite Indicators (2008), §1.5, and the
 * 亩均 practice for benchmark ratios (DOMAIN.md §2). Statistics (min, max, mean…) are taken over
 * the observed values of the population being graded; rows outside it, and missing values, stay NaN
 * (the missing-value policy fills the latter afterwards).
 *
 * The population is a mask (1 = graded) rather than a list of rows: every kernel is one contiguous,
 * branch-predictable loop over the column, which at a million rows is several times faster than
 * gathering through an index list.
 */
import type { Direction, NormalizeSpec } from "../scheme/types.js";

export interface Normalized {
  values: Float64Array;
  /** How many population rows have no value (NaN), for the missing-value policy. */
  missing: number;
  /** Set when every observed value was equal and the method's defined value was used instead. */
  constant: boolean;
  /** The benchmark actually used, for benchmark-ratio. */
  benchmark?: number;
}

export class NormalizeError extends Error {}

interface Stats {
  /** Population rows. */
  size: number;
  /** Population rows with a value. */
  count: number;
  min: number;
  max: number;
  sum: number;
  sumSq: number;
}

function stats(x: Float64Array, pop: Uint8Array): Stats {
  const acc = new Float64Array(6);
  accumulate(x, pop, acc);
  return { size: acc[0], count: acc[1], min: acc[2], max: acc[3], sum: acc[4], sumSq: acc[5] };
}

/**
 * The statistics loop, alone in its function. V8 compiles a long loop on the fly (on-stack
 * replacement) before the code after it has ever run; code after the loop then lacks type feedback
 * and throws the function back to the interpreter on every call, where each double is boxed. Hot
 * loops therefore live in leaf functions that take and return only typed arrays and numbers.
 */
function accumulate(x: Float64Array, pop: Uint8Array, acc: Float64Array): void {
  let size = 0, count = 0, min = Infinity, max = -Infinity, sum = 0, sumSq = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (pop[i] === 0) continue;
    size++;
    if (v !== v) continue;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    sumSq += v * v;
  }
  acc[0] = size;
  acc[1] = count;
  acc[2] = min;
  acc[3] = max;
  acc[4] = sum;
  acc[5] = sumSq;
}

/**
 * The one elementwise kernel every method is written in: out = clamp(c + (a·x + b)/d, lo, hi) at
 * population rows, NaN elsewhere. With a = ±1 the sums are the textbook expressions to the last bit
 * (−x + max is max − x), so each method keeps its exact formula.
 */
function linear(x: Float64Array, pop: Uint8Array, a: number, b: number, d: number, c: number, lo: number, hi: number): Float64Array {
  const out = new Float64Array(x.length);
  linearKernel(x, pop, a, b, d, c, lo, hi, out);
  return out;
}

function linearKernel(x: Float64Array, pop: Uint8Array, a: number, b: number, d: number, c: number, lo: number, hi: number, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) {
    const v = c + (a * x[i] + b) / d; // NaN for a missing value
    out[i] = pop[i] === 0 ? NaN : v < lo ? lo : v > hi ? hi : v;
  }
}

/** The fixed value a method gives a constant column, at the observed population rows. */
function constantColumn(x: Float64Array, pop: Uint8Array, value: number): Float64Array {
  return linear(x, pop, 0, value, 1, 0, -Infinity, Infinity); // 0·x is NaN for a missing x
}

/** Min-max: benefit (x − min)/(max − min), cost (max − x)/(max − min); a constant column gives 1. */
export function minmax(x: Float64Array, pop: Uint8Array, direction: Direction): Normalized {
  const s = stats(x, pop);
  const missing = s.size - s.count;
  const range = s.max - s.min;
  if (!(range > 0)) return { values: constantColumn(x, pop, 1), constant: true, missing };
  const values = direction === "benefit" ? linear(x, pop, 1, -s.min, range, 0, -Infinity, Infinity) : linear(x, pop, -1, s.max, range, 0, -Infinity, Infinity);
  return { values, constant: false, missing };
}

/** Vector: x/√Σx²; cost 1 − x/√Σx². An all-zero column gives 0 (benefit) or 1 (cost). */
export function vector(x: Float64Array, pop: Uint8Array, direction: Direction): Normalized {
  const s = stats(x, pop);
  const missing = s.size - s.count;
  const norm = Math.sqrt(s.sumSq);
  if (!(norm > 0)) return { values: constantColumn(x, pop, direction === "benefit" ? 0 : 1), constant: true, missing };
  const values = direction === "benefit" ? linear(x, pop, 1, 0, norm, 0, -Infinity, Infinity) : linear(x, pop, -1, 0, norm, 1, -Infinity, Infinity);
  return { values, constant: !(s.max > s.min), missing };
}

/** z-score with the sample standard deviation (n − 1, as R's scale() and COINr); constant → 0. */
export function zscore(x: Float64Array, pop: Uint8Array, direction: Direction): Normalized {
  const s = stats(x, pop);
  const missing = s.size - s.count;
  const mean = s.sum / s.count;
  const sd = s.count > 1 ? Math.sqrt(squaredDeviations(x, pop, mean) / (s.count - 1)) : 0;
  if (!(sd > 0)) return { values: constantColumn(x, pop, 0), constant: true, missing };
  const values = direction === "benefit" ? linear(x, pop, 1, -mean, sd, 0, -Infinity, Infinity) : linear(x, pop, -1, mean, sd, 0, -Infinity, Infinity);
  return { values, constant: false, missing };
}

function squaredDeviations(x: Float64Array, pop: Uint8Array, mean: number): number {
  let ss = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (pop[i] === 1 && v === v) ss += (v - mean) * (v - mean);
  }
  return ss;
}

/**
 * Benchmark ratio, the 亩均 method: benefit x/b, cost 2 − x/b (Huangyan's negative-indicator
 * variant, 0 once x ≥ 2b), floored at 0 and capped at `cap` when given; b = benchmark × factor.
 */
export function benchmarkRatio(
  x: Float64Array,
  pop: Uint8Array,
  direction: Direction,
  spec: Extract<NormalizeSpec, { method: "benchmark-ratio" }>,
): Normalized {
  const s = stats(x, pop);
  let base: number;
  if (typeof spec.benchmark === "number") base = spec.benchmark;
  else if (spec.benchmark === "mean") base = s.sum / s.count;
  else base = median(observed(x, pop));
  const b = base * spec.factor;
  if (!(b > 0 && Number.isFinite(b)))
    throw new NormalizeError(
      `the benchmark is ${Number.isNaN(b) ? "undefined (no values)" : b} (${spec.benchmark}${spec.factor !== 1 ? ` × ${spec.factor}` : ""}); ratios need a positive benchmark`,
    );
  const cap = spec.cap ?? Infinity;
  const values = direction === "benefit" ? linear(x, pop, 1, 0, b, 0, 0, cap) : linear(x, pop, -1, 0, b, 2, 0, cap);
  return { values, constant: !(s.max > s.min), missing: s.size - s.count, benchmark: b };
}

/** Efficacy coefficient c + d·r with r the min-max value (e.g. 60 + 40·r); constant → c + d. */
export function efficacy(x: Float64Array, pop: Uint8Array, direction: Direction, c: number, d: number): Normalized {
  const r = minmax(x, pop, direction);
  const values = linear(r.values, pop, d, 0, 1, c, -Infinity, Infinity); // c + (d·r)/1
  return { values, constant: r.constant, missing: r.missing };
}

export function normalize(x: Float64Array, pop: Uint8Array, direction: Direction, spec: NormalizeSpec): Normalized {
  switch (spec.method) {
    case "minmax":
      return minmax(x, pop, direction);
    case "vector":
      return vector(x, pop, direction);
    case "zscore":
      return zscore(x, pop, direction);
    case "benchmark-ratio":
      return benchmarkRatio(x, pop, direction, spec);
    case "efficacy":
      return efficacy(x, pop, direction, spec.c, spec.d);
  }
}

/** The median of a column (NaN when empty): mean of the two middle values for an even count. */
export function median(values: Float64Array): number {
  const m = values.length;
  if (m === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const h = m >> 1;
  return m % 2 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
}

/** The observed population values, in a new array. */
export function observed(x: Float64Array, pop: Uint8Array): Float64Array {
  const out = new Float64Array(x.length);
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (pop[i] === 1 && v === v) out[m++] = v;
  }
  return out.subarray(0, m);
}
