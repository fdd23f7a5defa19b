/**
 * Outlier treatment of a raw indicator column before normalisation, over the graded population
 * (mask, 1 = graded). Each function returns a treated copy — rows outside the population and
 * missing values untouched — and the list of changed values, so that every change can be reported.
 *
 * - `winsorize`: COINr's default `Treat()` (the JRC's composite-indicator package, R/treat.R:
 *   `winsorise()`, `check_SkewKurt()`, `skew()`, `kurt()`, `log_CT()`), the OECD/JRC Handbook's
 *   rule of treating indicators with |skewness| > 2 and kurtosis > 3.5.
 * - `percentileClip`: clip to the population's lower/upper quantiles.
 *
 * Loops live in leaf functions over typed arrays and numbers (see engine/kernels/README.md for why).
 */
import { MethodError } from "../errors.js";
import { gather, scatter } from "../kernels/gather.js";
import { quantileSorted } from "./quantile.js";

export interface OutlierChange {
  /** Row of the column (0-based, as in the frame). */
  row: number;
  from: number;
  to: number;
}

export class OutlierError extends MethodError {}

export interface WinsorizeOptions {
  /** Absolute skewness threshold (COINr `skew_thresh`, default 2). */
  skew?: number;
  /** Kurtosis threshold (COINr `kurt_thresh`, default 3.5; excess kurtosis, 0 for a normal law). */
  kurtosis?: number;
  /** Most points to winsorise (COINr `winmax`, default 5; Infinity for no limit). */
  maxCount?: number;
  /** When winsorising stops at maxCount with the column still failing, log-transform it instead (COINr's f2, default true). */
  logFallback?: boolean;
}

export interface WinsorizeResult {
  values: Float64Array;
  /** Winsorised values, by row; empty when `logged` (every value was transformed instead). */
  changes: OutlierChange[];
  /** Points winsorised (tied extremes count each; COINr's `nwin`), whether or not the log replaced them. */
  count: number;
  /** Skewness (G1) and kurtosis (G2) of the observed population values before treatment (NaN under 3 / 4 values). */
  skew: number;
  kurtosis: number;
  /** The same of the returned values. */
  treatedSkew: number;
  treatedKurtosis: number;
  /** maxCount points were winsorised and the column still failed the skew/kurtosis test. */
  limitReached: boolean;
  /** The log fallback was applied: values = ln(x − min + 0.01·(max − min)) of the original column (COINr's log_CT). */
  logged: boolean;
  /** The returned values pass the test (|G1| < skew or G2 < kurtosis, or too few values to say). */
  passes: boolean;
}

/**
 * COINr's default outlier treatment (`Treat()` with `f1 = "winsorise"`, `f2 = "log_CT"`,
 * `f_pass = "check_SkewKurt"`):
 *
 * 1. The column fails when |G1| ≥ skew and G2 ≥ kurtosis (COINr passes it when |skew| < 2 OR
 *    kurt < 3.5), G1/G2 over the observed population values ({@link skewness}, {@link kurtosis}).
 *    Fewer than 4 values (no kurtosis), or a constant column, never fail: nothing is changed.
 * 2. While it fails and fewer than maxCount points have been winsorised: if G1 ≥ 0, every value
 *    equal to the maximum is replaced by the largest other value; if G1 < 0, every value equal to
 *    the minimum by the smallest other value. Tied extremes are replaced together and each counts
 *    (so the count may pass maxCount by the size of the last tied block, as in COINr).
 * 3. If it still fails (`limitReached`) and logFallback is on, the *original* column is
 *    log-transformed instead (COINr's `combine_treat = FALSE`): ln(x − min + 0.01·(max − min)).
 *
 * The skewness side is re-read at every step, as in COINr, so the treated side can switch.
 */
export function winsorize(x: Float64Array, pop: Uint8Array, options: WinsorizeOptions = {}): WinsorizeResult {
  const skewLimit = options.skew ?? 2;
  const kurtLimit = options.kurtosis ?? 3.5;
  const maxCount = options.maxCount ?? 5;
  const logFallback = options.logFallback ?? true;
  if (!(skewLimit >= 0) || Number.isNaN(kurtLimit) || !(maxCount >= 0))
    throw new OutlierError(`winsorize needs skew ≥ 0, a kurtosis threshold and maxCount ≥ 0 (got ${skewLimit}, ${kurtLimit}, ${maxCount})`);

  const rows = observedRows(x, pop);
  const orig = gathered(x, rows);
  const v = Float64Array.from(orig);
  const g1 = skewness(v), g2 = kurtosis(v);
  let sk = g1, kt = g2;
  let count = 0;
  while (fails(sk, kt, skewLimit, kurtLimit) && count < maxCount) {
    const moved = sk >= 0 ? pullMax(v) : pullMin(v);
    if (!moved) break; // one distinct value left: cannot happen while failing, kept as a guard
    count = countChanged(v, orig);
    sk = skewness(v);
    kt = kurtosis(v);
  }
  const limitReached = fails(sk, kt, skewLimit, kurtLimit);
  const values = Float64Array.from(x);
  if (limitReached && logFallback) {
    const logged = logCT(orig);
    scatter(values, rows, logged);
    const lsk = skewness(logged), lkt = kurtosis(logged);
    return { values, changes: [], count, skew: g1, kurtosis: g2, treatedSkew: lsk, treatedKurtosis: lkt, limitReached, logged: true, passes: !fails(lsk, lkt, skewLimit, kurtLimit) };
  }
  scatter(values, rows, v);
  return { values, changes: changesOf(rows, orig, v), count, skew: g1, kurtosis: g2, treatedSkew: sk, treatedKurtosis: kt, limitReached, logged: false, passes: !limitReached };
}

export interface ClipOptions {
  /** Lower quantile, 0–1 (default 0.01). */
  lower?: number;
  /** Upper quantile, 0–1 (default 0.99). */
  upper?: number;
}

export interface ClipResult {
  values: Float64Array;
  changes: OutlierChange[];
  /** The clip bounds: the population's `lower` and `upper` quantiles (NaN with no observed value). */
  low: number;
  high: number;
}

/**
 * Percentile clipping (winsorising at fixed percentiles): observed population values below the
 * `lower` quantile are raised to it, those above the `upper` quantile lowered to it. Quantiles are
 * R's type 7 / numpy's default "linear" ({@link quantileSorted}).
 */
export function percentileClip(x: Float64Array, pop: Uint8Array, options: ClipOptions = {}): ClipResult {
  const lower = options.lower ?? 0.01;
  const upper = options.upper ?? 0.99;
  if (!(lower >= 0 && lower <= upper && upper <= 1))
    throw new OutlierError(`percentile clipping needs 0 ≤ lower ≤ upper ≤ 1 (got lower ${lower}, upper ${upper})`);
  const rows = observedRows(x, pop);
  const orig = gathered(x, rows);
  const values = Float64Array.from(x);
  if (orig.length === 0) return { values, changes: [], low: NaN, high: NaN };
  const sorted = Float64Array.from(orig).sort();
  const low = quantileSorted(sorted, lower);
  const high = quantileSorted(sorted, upper);
  const v = Float64Array.from(orig);
  clamp(v, low, high);
  scatter(values, rows, v);
  return { values, changes: changesOf(rows, orig, v), low, high };
}

/**
 * Sample skewness G1 = g1·√(n(n − 1))/(n − 2), g1 = √n·Σd³/(Σd²)^{3/2}, d = x − mean: COINr's
 * `skew()`, taken from e1071::skewness type 2 (Excel's SKEW; Joanes & Gill, The Statistician 47,
 * 1998). NaN under 3 values or for a constant column.
 */
export function skewness(v: Float64Array): number {
  const n = v.length;
  if (n < 3) return NaN;
  const m = new Float64Array(3);
  centralSums(v, m);
  const g1 = (Math.sqrt(n) * m[1]) / m[0] ** 1.5;
  return (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
}

/**
 * Sample excess kurtosis G2 = ((n + 1)(r − 3) + 6)(n − 1)/((n − 2)(n − 3)), r = n·Σd⁴/(Σd²)²:
 * COINr's `kurt()`, taken from e1071::kurtosis type 2 (Excel's KURT). NaN under 4 values or for a
 * constant column.
 */
export function kurtosis(v: Float64Array): number {
  const n = v.length;
  if (n < 4) return NaN;
  const m = new Float64Array(3);
  centralSums(v, m);
  const r = (n * m[2]) / (m[0] * m[0]);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

/** COINr's check_SkewKurt failing: NaN statistics (too few values, constant column) never fail. */
function fails(sk: number, kt: number, skewLimit: number, kurtLimit: number): boolean {
  return Math.abs(sk) >= skewLimit && kt >= kurtLimit;
}

/** COINr's log_CT: ln(x − min + 0.01·(max − min)). */
function logCT(v: Float64Array): Float64Array {
  const mm = new Float64Array(2);
  minMax(v, mm);
  const out = new Float64Array(v.length);
  logShift(v, mm[0], 0.01 * (mm[1] - mm[0]), out);
  return out;
}

function changesOf(rows: Int32Array, from: Float64Array, to: Float64Array): OutlierChange[] {
  const changes: OutlierChange[] = [];
  for (let k = 0; k < rows.length; k++) if (from[k] !== to[k]) changes.push({ row: rows[k], from: from[k], to: to[k] });
  return changes;
}

// ---- leaf loops -------------------------------------------------------------------------------

function observedRows(x: Float64Array, pop: Uint8Array): Int32Array {
  const out = new Int32Array(x.length);
  const m = collectRows(x, pop, out);
  return out.slice(0, m);
}

function collectRows(x: Float64Array, pop: Uint8Array, out: Int32Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) if (pop[i] === 1 && x[i] === x[i]) out[m++] = i;
  return m;
}

/** x at `rows`, in a new array. */
function gathered(x: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  gather(x, rows, out, 0, rows.length);
  return out;
}

/** out = [Σd², Σd³, Σd⁴], d = v − mean (two passes, as COINr demeans first). */
function centralSums(v: Float64Array, out: Float64Array): void {
  let s = 0;
  for (let k = 0; k < v.length; k++) s += v[k];
  const mean = s / v.length;
  let s2 = 0, s3 = 0, s4 = 0;
  for (let k = 0; k < v.length; k++) {
    const d = v[k] - mean;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  out[0] = s2;
  out[1] = s3;
  out[2] = s4;
}

function minMax(v: Float64Array, out: Float64Array): void {
  let lo = Infinity, hi = -Infinity;
  for (let k = 0; k < v.length; k++) {
    if (v[k] < lo) lo = v[k];
    if (v[k] > hi) hi = v[k];
  }
  out[0] = lo;
  out[1] = hi;
}

/** Every value equal to the maximum becomes the largest other value; false when there is none. */
function pullMax(v: Float64Array): boolean {
  let top = -Infinity;
  for (let k = 0; k < v.length; k++) if (v[k] > top) top = v[k];
  let next = -Infinity;
  for (let k = 0; k < v.length; k++) if (v[k] < top && v[k] > next) next = v[k];
  if (next === -Infinity) return false;
  for (let k = 0; k < v.length; k++) if (v[k] === top) v[k] = next;
  return true;
}

/** Every value equal to the minimum becomes the smallest other value; false when there is none. */
function pullMin(v: Float64Array): boolean {
  let bottom = Infinity;
  for (let k = 0; k < v.length; k++) if (v[k] < bottom) bottom = v[k];
  let next = Infinity;
  for (let k = 0; k < v.length; k++) if (v[k] > bottom && v[k] < next) next = v[k];
  if (next === Infinity) return false;
  for (let k = 0; k < v.length; k++) if (v[k] === bottom) v[k] = next;
  return true;
}

function countChanged(v: Float64Array, orig: Float64Array): number {
  let c = 0;
  for (let k = 0; k < v.length; k++) if (v[k] !== orig[k]) c++;
  return c;
}

function clamp(v: Float64Array, lo: number, hi: number): void {
  for (let k = 0; k < v.length; k++) v[k] = Math.min(Math.max(v[k], lo), hi); // not a ternary: see engine/kernels/README.md
}

function logShift(v: Float64Array, min: number, a: number, out: Float64Array): void {
  for (let k = 0; k < v.length; k++) out[k] = Math.log(v[k] - min + a);
}
