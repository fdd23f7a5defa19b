/**
 * Normalisation: each indicator's values → comparable scores, higher is better.
 *
 * Formulas as in the OECD/JRC Handbook on Constructing Composite Indicators (2008), §1.5, and the
 * 亩均 practice for benchmark ratios (DOMAIN.md §2). Statistics (min, max, mean…) are taken over
 * the observed values of the population being graded; rows outside it, and missing values, stay NaN
 * (the missing-value policy fills the latter afterwards).
 */
import type { Direction, NormalizeSpec } from "../scheme/types.js";

export interface Normalized {
  values: Float64Array;
  /** Set when every observed value was equal and the method's defined value was used instead. */
  constant: boolean;
  /** The benchmark actually used, for benchmark-ratio. */
  benchmark?: number;
}

export class NormalizeError extends Error {}

interface Stats {
  count: number;
  min: number;
  max: number;
  sum: number;
  sumSq: number;
}

function stats(x: Float64Array, pop: Int32Array): Stats {
  let count = 0, min = Infinity, max = -Infinity, sum = 0, sumSq = 0;
  for (let k = 0; k < pop.length; k++) {
    const v = x[pop[k]];
    if (v !== v) continue;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    sumSq += v * v;
  }
  return { count, min, max, sum, sumSq };
}

/** Applies `f` to every observed population value; everything else is NaN. */
function map(x: Float64Array, pop: Int32Array, f: (v: number) => number): Float64Array {
  const out = new Float64Array(x.length).fill(NaN);
  for (let k = 0; k < pop.length; k++) {
    const i = pop[k];
    const v = x[i];
    out[i] = v !== v ? NaN : f(v);
  }
  return out;
}

/** Min-max: benefit (x − min)/(max − min), cost (max − x)/(max − min); a constant column gives 1. */
export function minmax(x: Float64Array, pop: Int32Array, direction: Direction): Normalized {
  const s = stats(x, pop);
  const range = s.max - s.min;
  if (!(range > 0)) return { values: map(x, pop, () => 1), constant: true };
  // Written out rather than through map(): this is the benchmark's hot loop.
  const out = new Float64Array(x.length);
  if (pop.length !== x.length) out.fill(NaN);
  const { min, max } = s;
  if (direction === "benefit") for (let k = 0; k < pop.length; k++) out[pop[k]] = (x[pop[k]] - min) / range;
  else for (let k = 0; k < pop.length; k++) out[pop[k]] = (max - x[pop[k]]) / range;
  return { values: out, constant: false };
}

/** Vector: x/√Σx²; cost 1 − x/√Σx². An all-zero column gives 0 (benefit) or 1 (cost). */
export function vector(x: Float64Array, pop: Int32Array, direction: Direction): Normalized {
  const s = stats(x, pop);
  const norm = Math.sqrt(s.sumSq);
  const constant = !(s.max > s.min);
  if (!(norm > 0)) return { values: map(x, pop, () => (direction === "benefit" ? 0 : 1)), constant: true };
  return {
    values: direction === "benefit" ? map(x, pop, (v) => v / norm) : map(x, pop, (v) => 1 - v / norm),
    constant,
  };
}

/** z-score with the sample standard deviation (n − 1, as R's scale() and COINr); constant → 0. */
export function zscore(x: Float64Array, pop: Int32Array, direction: Direction): Normalized {
  const s = stats(x, pop);
  const mean = s.sum / s.count;
  let ss = 0;
  for (let k = 0; k < pop.length; k++) {
    const v = x[pop[k]];
    if (v === v) ss += (v - mean) * (v - mean);
  }
  const sd = s.count > 1 ? Math.sqrt(ss / (s.count - 1)) : 0;
  if (!(sd > 0)) return { values: map(x, pop, () => 0), constant: true };
  const sign = direction === "benefit" ? 1 : -1;
  return { values: map(x, pop, (v) => (sign * (v - mean)) / sd), constant: false };
}

/**
 * Benchmark ratio, the 亩均 method: benefit x/b, cost 2 − x/b (Huangyan's negative-indicator
 * variant, 0 once x ≥ 2b), floored at 0 and capped at `cap` when given; b = benchmark × factor.
 */
export function benchmarkRatio(
  x: Float64Array,
  pop: Int32Array,
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
  const f = direction === "benefit" ? (v: number) => v / b : (v: number) => 2 - v / b;
  return { values: map(x, pop, (v) => Math.min(cap, Math.max(0, f(v)))), constant: !(s.max > s.min), benchmark: b };
}

/** Efficacy coefficient c + d·r with r the min-max value (e.g. 60 + 40·r); constant → c + d. */
export function efficacy(x: Float64Array, pop: Int32Array, direction: Direction, c: number, d: number): Normalized {
  const r = minmax(x, pop, direction);
  const out = r.values;
  for (let k = 0; k < pop.length; k++) {
    const i = pop[k];
    out[i] = c + d * out[i];
  }
  return { values: out, constant: r.constant };
}

export function normalize(x: Float64Array, pop: Int32Array, direction: Direction, spec: NormalizeSpec): Normalized {
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
export function observed(x: Float64Array, pop: Int32Array): Float64Array {
  const out = new Float64Array(pop.length);
  let m = 0;
  for (let k = 0; k < pop.length; k++) {
    const v = x[pop[k]];
    if (v === v) out[m++] = v;
  }
  return out.subarray(0, m);
}
