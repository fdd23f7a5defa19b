/**
 * Variance-based sensitivity indices (Sobol' 1993) by the Saltelli scheme, as COINr and the OECD/JRC
 * Handbook (step 8) compute them.
 *
 * Design (Saltelli et al. 2010, "Variance based sensitivity analysis of model output. Design and
 * estimator for the total sensitivity index", Comput. Phys. Commun. 181, §3): two independent
 * sample matrices A and B of N rows, and for each factor i the matrix AB_i — A with factor i's
 * column(s) taken from B. A factor may be a group of inputs (all the weights together): its columns
 * move together, which gives the group's indices (Saltelli et al. 2008, §1.2.15). N(k + 2) runs.
 *
 * Estimators, with V the variance of f over A and B together:
 * - first order (Saltelli 2010, Table 2 (b)): S_i = (1/N) Σ_j f(B)_j (f(AB_i)_j − f(A)_j) / V
 * - total order (Jansen 1999, Table 2 (f)): ST_i = (1/2N) Σ_j (f(A)_j − f(AB_i)_j)² / V
 * Confidence intervals: percentile bootstrap over the N rows (Efron & Tibshirani 1993), rows
 * resampled with replacement and shared by all the estimators of one resample.
 */
import { quantileSorted } from "../score/quantile.js";
import { Random } from "./sample.js";

/** Where run r of a Saltelli design comes from: rows 0…N−1 are A, N…2N−1 are B, then AB_1 … AB_k. */
export interface DesignRun {
  /** Row of the matrices (0 … N − 1). */
  row: number;
  /** Which matrix each factor's value is taken from: 0 = A, 1 = B. */
  source: Uint8Array;
}

export function designRun(run: number, n: number, k: number): DesignRun {
  const block = Math.floor(run / n);
  const row = run - block * n;
  const source = new Uint8Array(k);
  if (block === 1) source.fill(1);
  else if (block >= 2) source[block - 2] = 1;
  if (block > k + 1) throw new RangeError(`run ${run} is outside a design of ${n} × (${k} + 2)`);
  return { row, source };
}

export interface SobolIndices {
  first: number[];
  total: number[];
  /** Variance of the output over A and B. */
  variance: number;
}

/** First- and total-order indices from the outputs of A, B and each AB_i (each of length N). */
export function sobolIndices(yA: Float64Array, yB: Float64Array, yAB: Float64Array[], rows?: Int32Array): SobolIndices {
  const n = rows ? rows.length : yA.length;
  const at = rows ? (j: number) => rows[j] : (j: number) => j;
  let sum = 0, sumSq = 0;
  for (let j = 0; j < n; j++) {
    const a = yA[at(j)], b = yB[at(j)];
    sum += a + b;
    sumSq += a * a + b * b;
  }
  const mean = sum / (2 * n);
  const variance = sumSq / (2 * n) - mean * mean;
  const first: number[] = [];
  const total: number[] = [];
  for (const y of yAB) {
    let s = 0, t = 0;
    for (let j = 0; j < n; j++) {
      const r = at(j);
      const d = y[r] - yA[r];
      s += yB[r] * d;
      t += d * d;
    }
    first.push(variance > 0 ? s / n / variance : NaN);
    total.push(variance > 0 ? t / (2 * n) / variance : NaN);
  }
  return { first, total, variance };
}

export interface SobolEstimate {
  first: number;
  firstLow: number;
  firstHigh: number;
  total: number;
  totalLow: number;
  totalHigh: number;
}

export interface BootstrapOptions {
  resamples?: number;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
  seed?: number;
}

/** Indices with percentile-bootstrap confidence intervals, one per factor. */
export function sobolWithBootstrap(yA: Float64Array, yB: Float64Array, yAB: Float64Array[], opts: BootstrapOptions = {}): SobolEstimate[] {
  const resamples = opts.resamples ?? 1000;
  const level = opts.level ?? 0.95;
  const n = yA.length;
  const point = sobolIndices(yA, yB, yAB);
  const firsts = yAB.map(() => new Float64Array(resamples));
  const totals = yAB.map(() => new Float64Array(resamples));
  const rng = new Random(opts.seed ?? 0, 0x50b01);
  const rows = new Int32Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let j = 0; j < n; j++) rows[j] = rng.index(n);
    const r = sobolIndices(yA, yB, yAB, rows);
    r.first.forEach((v, i) => (firsts[i][b] = v));
    r.total.forEach((v, i) => (totals[i][b] = v));
  }
  const lo = (1 - level) / 2, hi = 1 - lo;
  return yAB.map((_, i) => ({
    first: point.first[i],
    firstLow: quantile(firsts[i], lo),
    firstHigh: quantile(firsts[i], hi),
    total: point.total[i],
    totalLow: quantile(totals[i], lo),
    totalHigh: quantile(totals[i], hi),
  }));
}

/** Quantile by linear interpolation between order statistics (Hyndman & Fan type 7, numpy's default); NaNs ignored. */
export function quantile(values: Float64Array, p: number): number {
  const x = values.filter((v) => v === v).sort();
  return quantileSorted(x, p);
}
