/**
 * What every normalisation method is built from: the result type and error, the population
 * statistics, the one elementwise linear kernel, the constant-column fill and the median/observed
 * helpers.
 *
 * Its loops follow the hot-loop rules of engine/kernels/README.md.
 *
 * Statistics (min, max, mean…) are taken over the observed values of the population being graded;
 * rows outside it, and missing values, stay NaN (the missing-value policy fills the latter
 * afterwards).
 *
 * `Normalized` and `NormalizeError` live here rather than in index.ts so that the method files can
 * use them without importing the dispatcher that imports them (no module cycle); index.ts re-exports
 * them.
 */
import { column } from "../../kernels/arena.js";
import { forBlocks, listingBlocks } from "../../kernels/blocks.js";
import { MethodError } from "../../errors.js";

export interface Normalized {
  values: Float64Array;
  /** How many population rows have no value (NaN), for the missing-value policy. */
  missing: number;
  /** Set when every observed value was equal and the method's defined value was used instead. */
  constant: boolean;
  /** The benchmark actually used, for benchmark-ratio. */
  benchmark?: number;
  /**
   * Set when `transform: "log"` was applied before normalising. `shifted` (COINr's shifted log,
   * ln(x − min + 1), used because some population value was ≤ 0) is worth a warning: scores then
   * depend on this period's minimum. `min` is the minimum used for the shift.
   */
  transform?: { method: "log"; shifted: boolean; min?: number };
  /**
   * The lowest and highest value given to an observed population row, when the method knows them
   * without another pass (the linear methods: see `linear`). Lets the missing-value policy and
   * TOPSIS's ideal points skip a pass over the column.
   */
  range?: Extent;
  /** The population rows left without a value (NaN), ascending, when the method's pass listed them. */
  gaps?: number[];
}

export interface Extent {
  min: number;
  max: number;
}

export class NormalizeError extends MethodError {}

export interface Stats {
  /** Population rows. */
  size: number;
  /** Population rows with a value. */
  count: number;
  min: number;
  max: number;
  sum: number;
  sumSq: number;
  /** The population rows without a value, ascending: listed by the branch that skips them anyway. */
  gaps: number[];
}

export function stats(x: Float64Array, pop: Uint8Array): Stats {
  const acc = Float64Array.of(0, 0, Infinity, -Infinity, 0, 0);
  const gaps = listingBlocks(x.length, (b, e, rows) => accumulate(x, pop, acc, rows, b, e));
  return { size: acc[0], count: acc[1], min: acc[2], max: acc[3], sum: acc[4], sumSq: acc[5], gaps };
}

/**
 * The statistics loop over rows [b, e), continuing the running values in `acc`; lists the
 * population rows without a value in `gaps` and returns how many (engine/kernels/blocks.ts `listingBlocks`).
 * Listed with a push for missing values alone, the first one, deep in some column, threw the
 * optimised loop back to the interpreter, and at times kept it there, boxing every value, for the
 * rest of the scoring (~150 ms at a million rows).
 */
function accumulate(x: Float64Array, pop: Uint8Array, acc: Float64Array, gaps: Int32Array, b: number, e: number): number {
  let size = acc[0], count = acc[1], min = acc[2], max = acc[3], sum = acc[4], sumSq = acc[5];
  let g = 0;
  for (let i = b; i < e; i++) {
    const v = x[i];
    if (pop[i] === 0) continue;
    size++;
    const missing = v !== v;
    gaps[g] = i;
    g += missing ? 1 : 0;
    if (missing) continue;
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
  return g;
}


/**
 * The one elementwise kernel every linear method is written in: out = clamp(c + (a·x + b)/d, lo, hi)
 * at population rows, NaN elsewhere. With a = ±1 the sums are the textbook expressions to the last
 * bit (−x + max is max − x), so each method keeps its exact formula.
 *
 * Given the input's observed extent and gaps (`known`: its Stats), the result also says, with no
 * pass of its own, its `range` and `gaps`: each step (a product by a constant, a sum, a quotient by a
 * constant, a clamp) is monotone in IEEE arithmetic, so the images of the extent's ends are the lowest
 * and highest outputs, exactly; and with finite parameters a finite x never gives NaN, so the output's
 * gaps are the input's.
 */
export function linear(x: Float64Array, pop: Uint8Array, a: number, b: number, d: number, c: number, lo: number, hi: number, known?: Extent & { gaps?: number[] }): Pick<Normalized, "values" | "range" | "gaps"> {
  const values = column(x.length);
  // Unbounded, the clamp changes no value (NaN and −0 included), and it costs as much as the rest.
  if (lo === -Infinity && hi === Infinity) forBlocks(x.length, (s, e) => linearKernel(x, pop, a, b, d, c, values, s, e));
  else forBlocks(x.length, (s, e) => clampedKernel(x, pop, a, b, d, c, lo, hi, values, s, e));
  if (known?.gaps === undefined || ![known.min, known.max, a, b, c, d].every(Number.isFinite) || d === 0) return { values };
  const ends = [clampedAt(known.min, a, b, d, c, lo, hi), clampedAt(known.max, a, b, d, c, lo, hi)];
  return { values, range: { min: Math.min(ends[0], ends[1]), max: Math.max(ends[0], ends[1]) }, gaps: known.gaps };
}

/** The kernels' value at one x: the expressions both the loops and `range` use, so they agree to the bit. */
function linearAt(x: number, a: number, b: number, d: number, c: number): number {
  return c + (a * x + b) / d; // NaN for a missing value
}

function clampedAt(x: number, a: number, b: number, d: number, c: number, lo: number, hi: number): number {
  return Math.min(Math.max(linearAt(x, a, b, d, c), lo), hi);
}

function linearKernel(x: Float64Array, pop: Uint8Array, a: number, b: number, d: number, c: number, out: Float64Array, s: number, e: number): void {
  for (let i = s; i < e; i++) {
    const v = linearAt(x[i], a, b, d, c);
    out[i] = pop[i] === 0 ? 0 / 0 : v;
  }
}

function clampedKernel(x: Float64Array, pop: Uint8Array, a: number, b: number, d: number, c: number, lo: number, hi: number, out: Float64Array, s: number, e: number): void {
  for (let i = s; i < e; i++) {
    const v = clampedAt(x[i], a, b, d, c, lo, hi);
    out[i] = pop[i] === 0 ? 0 / 0 : v;
  }
}

/** The fixed value a method gives a constant column, at the observed population rows. */
export function constantColumn(x: Float64Array, pop: Uint8Array, value: number, known?: Stats): ReturnType<typeof linear> {
  return linear(x, pop, 0, value, 1, 0, -Infinity, Infinity, known); // 0·x is NaN for a missing x
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
  forBlocks(x.length, (b, e) => (m = observedInto(x, pop, out, m, b, e)));
  return out.subarray(0, m);
}

/** Appends rows [b, e)'s observed population values to out from position m; returns the new end. */
function observedInto(x: Float64Array, pop: Uint8Array, out: Float64Array, m: number, b: number, e: number): number {
  for (let i = b; i < e; i++) {
    const v = x[i];
    if (pop[i] === 1 && v === v) out[m++] = v;
  }
  return m;
}

/** out = (k/x)/d at population rows, NaN elsewhere: the reciprocal form of the ratio methods' cost variants. */
export function inverse(x: Float64Array, pop: Uint8Array, k: number, d: number): Float64Array {
  const out = column(x.length);
  forBlocks(x.length, (b, e) => inverseKernel(x, pop, k, d, out, b, e));
  return out;
}

function inverseKernel(x: Float64Array, pop: Uint8Array, k: number, d: number, out: Float64Array, b: number, e: number): void {
  for (let i = b; i < e; i++) out[i] = pop[i] === 0 ? 0 / 0 : k / x[i] / d;
}

/** Σ 1/x over the observed population values. */
export function reciprocalSum(x: Float64Array, pop: Uint8Array): number {
  let s = 0;
  forBlocks(x.length, (b, e) => (s = addReciprocals(x, pop, s, b, e)));
  return s;
}

function addReciprocals(x: Float64Array, pop: Uint8Array, s: number, b: number, e: number): number {
  for (let i = b; i < e; i++) {
    const v = x[i];
    if (pop[i] === 1 && v === v) s += 1 / v;
  }
  return s;
}

/**
 * The ratio methods (max, sum) need a ratio scale: refuse negative values, and a zero where a cost
 * variant would divide by it. `method` names the method in the message.
 */
export function requireNonNegative(s: Stats, method: string): void {
  if (s.min < 0)
    throw new NormalizeError(`"${method}" normalisation divides by the values' ${method}: it needs values ≥ 0, and the smallest is ${s.min}; use minmax, zscore or rank, or a transform`);
}
