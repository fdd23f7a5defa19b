/**
 * The vertical-and-horizontal scatter degree method (纵横向拉开档次法; Guo Yajun, 综合评价理论、方法及
 * 应用, Science Press 2007; docs/methods.md §4): indicator weights for a cube x_ijk (enterprise i,
 * indicator j, period k) that spread the enterprises' scores as far apart as possible over all
 * periods together. With the standardised data of period k as the n_k × m matrix A_k, the total
 * scatter of y_ik = Σ_j w_j x*_ijk is
 *
 *   σ² = Σ_k Σ_i y_ik² = wᵀ H w,   H = Σ_k A_kᵀ A_k   (m × m, symmetric, positive semi-definite),
 *
 * and max wᵀHw subject to wᵀw = 1 is reached at the eigenvector of H's LARGEST eigenvalue
 * (Rayleigh quotient), which is then rescaled to Σw = 1.
 *
 * Conventions:
 *  - Standardisation is the z-score of each indicator over ALL present values of all enterprises
 *    and periods pooled (one mean and one standard deviation per indicator, so that a rise over time
 *    shows as a rise), with the sample standard deviation (divisor N − 1). Using N instead would
 *    multiply H by a constant per indicator pair only when every indicator has the same count; with
 *    missing values the counts differ, so the choice is stated: N − 1, as in the weighting methods of
 *    engine/score/weights. An indicator with fewer than 2 values has no standard deviation (error).
 *    A constant indicator (sd 0) standardises to 0: it cannot separate anyone and gets weight 0
 *    (noted).
 *  - An enterprise is present in a period when it has at least one indicator value there. A missing
 *    value of a present enterprise standardises to 0, the pooled mean: it adds nothing to H and
 *    nothing to that enterprise's period score. Absent enterprises are not rows of A_k at all.
 *  - The eigenpair is chosen by value (the largest), not by position in a solver's output. It comes
 *    from mathjs `eigs` (Jacobi rotations for a real symmetric matrix), run on H scaled to unit
 *    largest entry (same eigenvectors; mathjs's stopping rule is absolute, and has no iteration
 *    cap); every result is cross-checked against a cyclic Jacobi routine of our own (Golub & Van
 *    Loan, Matrix Computations, 4th ed., Alg. 8.5.3, with Rutishauser's rotation formulas), which
 *    also supplies the answer when mathjs throws or returns a pair whose residual ‖Hv − λv‖ is
 *    not at rounding level (`solver` says which was used).
 *  - The eigenvector's sign is fixed so that its components sum to a positive number, then it is
 *    divided by that sum. Components below 1e-12 of the largest are rounding and set to 0. If the
 *    largest eigenvalue is repeated (relative gap ≤ 1e-10) the direction is not unique and there is
 *    no answer (error); a vector whose components sum to ~0 cannot be rescaled (error).
 *  - Mixed signs are KEPT and reported in `note`. Guo's argument for a positive weight vector is
 *    Perron–Frobenius: when every entry of H is positive (all indicators positively correlated)
 *    the leading eigenvector is positive. With an indicator negatively correlated with the rest it
 *    need not be; the unconstrained maximiser is then the method's answer, and clipping negatives
 *    to 0 would return a vector that is neither an eigenvector nor the maximiser under w ≥ 0 (that
 *    is a quadratic programme). A negative weight almost always means an indicator whose direction
 *    was not turned to "higher is better" — which the note says.
 */
import { mathjs } from "../../mathjs.js";
import { WeightError } from "./errors.js";

/** cube[k][j][i]: period k (oldest first), indicator j, enterprise i (panel order); NaN where absent. */
export type Cube = readonly (readonly Float64Array[])[];

export interface Standardized {
  /** z[k][j][i] = (x − mean_j)/sd_j, 0 for a constant indicator, NaN where x is missing. */
  z: Float64Array[][];
  mean: Float64Array;
  /** Sample standard deviation (N − 1) over all periods pooled. */
  sd: Float64Array;
  /** Values per indicator over all periods. */
  count: Int32Array;
  /** present[k][i] = 1 when enterprise i has at least one indicator value in period k. */
  present: Uint8Array[];
  /** Indicators with sd = 0. */
  constant: number[];
}

export interface ScatterDegree {
  /** Σ = 1; one per indicator. */
  weights: Float64Array;
  /** The largest eigenvalue of H (= the maximal total scatter per unit ‖w‖₂). */
  eigenvalue: number;
  /** Every eigenvalue of H, largest first. */
  eigenvalues: Float64Array;
  /** H = Σ_k A_kᵀ A_k, m × m. */
  H: Float64Array[];
  solver: "mathjs-eigs" | "jacobi";
  /** Mixed signs, zero-weight (constant) indicators, a near-repeated eigenvalue, a solver fallback. */
  note?: string;
  mean: Float64Array;
  sd: Float64Array;
}

/** Pooled z-scores of every indicator (see the file comment for the conventions). */
export function standardize(cube: Cube): Standardized {
  const { p, n } = shape(cube);
  const { mean, sd, count, constant } = pooledMoments(cube);
  const m = mean.length;
  const z: Float64Array[][] = [];
  const present: Uint8Array[] = [];
  for (let k = 0; k < p; k++) {
    const zk: Float64Array[] = [];
    const pres = new Uint8Array(n);
    for (let j = 0; j < m; j++) {
      const out = new Float64Array(n);
      zscore(cube[k][j], mean[j], sd[j], out, pres);
      zk.push(out);
    }
    z.push(zk);
    present.push(pres);
  }
  return { z, mean, sd, count, present, constant };
}

/** H = Σ_k A_kᵀ A_k on the pooled z-scores, missing values counted as 0. */
export function scatterMatrix(std: Standardized): Float64Array[] {
  const m = std.mean.length;
  // The z-scores as they are (deviations from 0).
  return byRow(gram(std.z, new Float64Array(m)), m);
}

/** The scatter-degree indicator weights of a cube (see the file comment). */
export function scatterDegree(cube: Cube): ScatterDegree {
  shape(cube);
  // One pass for the means, one for all the cross products of the deviations from them: their
  // diagonal is the squared deviations (so the standard deviations), and H_ab = G_ab/(sd_a·sd_b)
  // is Σ z_a z_b without the z-scores ever being stored.
  const { mean, count } = pooledSums(cube);
  const m = mean.length;
  const G = gram(cube, mean);
  const ss = new Float64Array(m);
  for (let j = 0; j < m; j++) ss[j] = G[j * m + j];
  const std = finishMoments(mean, count, ss);
  const H = byRow(zGram(G, std.sd), m);
  const notes: string[] = [];
  let scale = 0;
  for (const row of H) for (const v of row) scale = Math.max(scale, Math.abs(v));
  if (!(scale > 0)) throw new WeightError("scatter degree: every indicator is constant over all enterprises and periods; nothing separates the enterprises, so there are no weights");
  const scaled = H.map((row) => Array.from(row, (v) => v / scale));

  const jac = jacobiEigen(scaled);
  const order = Array.from(jac.values.keys()).sort((a, b) => jac.values[b] - jac.values[a]);
  const eigenvalues = Float64Array.from(order, (i) => jac.values[i] * scale);
  const top = order[0];
  const lambda1 = jac.values[top];
  const lambda2 = m > 1 ? jac.values[order[1]] : -Infinity;
  if (m > 1 && lambda1 - lambda2 <= 1e-10 * Math.abs(lambda1))
    throw new WeightError(
      `scatter degree: the largest eigenvalue of H is repeated (${fmt(lambda1 * scale)} twice): the indicators' pooled correlations do not single out one direction, so the weights are not unique; drop or combine indicators, or use another weighting`,
    );
  if (m > 1 && lambda1 - lambda2 <= 1e-4 * Math.abs(lambda1))
    notes.push(`the two largest eigenvalues of H are within ${fmt(((lambda1 - lambda2) / lambda1) * 100)}% of each other, so the weights are sensitive to small changes in the data`);

  let solver: ScatterDegree["solver"] = "mathjs-eigs";
  let value: number, vector: Float64Array;
  const viaMathjs = mathjsTopPair(scaled);
  if (typeof viaMathjs === "string") {
    solver = "jacobi";
    notes.push(`mathjs eigs ${viaMathjs}; the eigenvector was computed by Jacobi rotations instead`);
    value = lambda1;
    vector = Float64Array.from(jac.vectors, (row) => row[top]);
  } else {
    value = viaMathjs.value;
    vector = viaMathjs.vector;
    const jv = Float64Array.from(jac.vectors, (row) => row[top]);
    if (Math.abs(value - lambda1) > 1e-9 * Math.abs(lambda1) || Math.abs(Math.abs(dot(jv, vector)) - 1) > 1e-8) {
      notes.push(`mathjs eigs and the Jacobi cross-check disagree (largest eigenvalue ${fmt(value * scale)} vs ${fmt(lambda1 * scale)}); the Jacobi pair was used`);
      solver = "jacobi";
      value = lambda1;
      vector = jv;
    }
  }

  const weights = signFixedWeights(vector, notes);
  if (std.constant.length)
    notes.push(`indicator${std.constant.length > 1 ? "s" : ""} ${std.constant.join(", ")} ${std.constant.length > 1 ? "are" : "is"} constant over all enterprises and periods and get weight 0`);
  return { weights, eigenvalue: value * scale, eigenvalues, H, solver, ...(notes.length ? { note: notes.join("; ") } : {}), mean: std.mean, sd: std.sd };
}

/**
 * Per period, y_ik = Σ_j w_j x*_ijk on the pooled z-scores of the cube (missing indicator values
 * count as 0, the mean); NaN where the enterprise has no value at all in that period. `pooled`, when
 * given, is the pooled mean and standard deviation of this same cube as {@link scatterDegree}
 * returned them, so that they are not computed again.
 */
export function periodScores(cube: Cube, weights: ArrayLike<number>, pooled?: { mean: Float64Array; sd: Float64Array }): Float64Array[] {
  const { p, m, n } = shape(cube);
  if (pooled !== undefined && (pooled.mean.length !== m || pooled.sd.length !== m))
    throw new WeightError(`scatter degree: pooled moments for ${pooled.mean.length} indicators, the cube has ${m}`);
  const { mean, sd } = pooled ?? pooledMoments(cube);
  if (weights.length !== m) throw new WeightError(`scatter degree: ${weights.length} weights for ${m} indicators`);
  const out: Float64Array[] = [];
  const present = new Uint8Array(n);
  for (let k = 0; k < p; k++) {
    const y = new Float64Array(n);
    present.fill(0);
    // BLOCK rows at a time, so that y stays in cache while the indicators are added to it.
    for (let i0 = 0; i0 < n; i0 += BLOCK) {
      const end = Math.min(n, i0 + BLOCK);
      for (let j = 0; j < m; j++) addWeightedZ(cube[k][j], i0, end, mean[j], sd[j], weights[j], y, present);
    }
    blankAbsent(present, y);
    out.push(y);
  }
  return out;
}

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix by cyclic Jacobi rotations (Golub & Van
 * Loan, Matrix Computations, 4th ed., §8.5, Alg. 8.5.3; rotation by Rutishauser's formulas:
 * θ = (a_qq − a_pp)/(2a_pq), t = sgn θ/(|θ| + √(θ² + 1)), c = 1/√(t² + 1), s = tc). Sweeps stop when
 * the off-diagonal Frobenius norm is below 1e-15 of the whole norm (or after 100 sweeps).
 * `vectors[r][c]` is component r of the eigenvector of `values[c]` (columns, unordered).
 */
export function jacobiEigen(matrix: readonly (ArrayLike<number>)[]): { values: Float64Array; vectors: Float64Array[]; sweeps: number } {
  const m = matrix.length;
  const a = matrix.map((row, i) => {
    if (row.length !== m) throw new WeightError(`jacobi: row ${i} has ${row.length} entries, not ${m}`);
    return Float64Array.from(row);
  });
  const v = Array.from({ length: m }, (_, i) => {
    const r = new Float64Array(m);
    r[i] = 1;
    return r;
  });
  let total = 0;
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      if (Math.abs(a[i][j] - a[j][i]) > 1e-12 * (Math.abs(a[i][j]) + Math.abs(a[j][i]))) throw new WeightError(`jacobi: the matrix is not symmetric at (${i}, ${j})`);
      total += a[i][j] * a[i][j];
    }
  const tol = 1e-15 * Math.sqrt(total);
  let sweeps = 0;
  for (; sweeps < 100; sweeps++) {
    let off = 0;
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) off += 2 * a[i][j] * a[i][j];
    if (Math.sqrt(off) <= tol) break;
    for (let p = 0; p < m - 1; p++) for (let q = p + 1; q < m; q++) rotate(a, v, p, q);
  }
  return { values: Float64Array.from(a, (row, i) => row[i]), vectors: v, sweeps };
}

function rotate(a: Float64Array[], v: Float64Array[], p: number, q: number): void {
  const apq = a[p][q];
  if (apq === 0) return;
  const theta = (a[q][q] - a[p][p]) / (2 * apq);
  const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1), s = t * c;
  const m = a.length;
  for (let k = 0; k < m; k++) {
    // columns p, q of A·J
    const akp = a[k][p], akq = a[k][q];
    a[k][p] = c * akp - s * akq;
    a[k][q] = s * akp + c * akq;
  }
  for (let k = 0; k < m; k++) {
    // rows p, q of Jᵀ·(A·J)
    const apk = a[p][k], aqk = a[q][k];
    a[p][k] = c * apk - s * aqk;
    a[q][k] = s * apk + c * aqk;
  }
  a[p][q] = a[q][p] = 0;
  for (let k = 0; k < m; k++) {
    const vkp = v[k][p], vkq = v[k][q];
    v[k][p] = c * vkp - s * vkq;
    v[k][q] = s * vkp + c * vkq;
  }
}

/** The largest-value eigenpair from mathjs eigs (unit vector), or why it could not be used. */
function mathjsTopPair(matrix: number[][]): { value: number; vector: Float64Array } | string {
  const m = matrix.length;
  let result: { eigenvectors: { value: unknown; vector: unknown }[] };
  try {
    result = mathjs().eigs(matrix.map((row) => [...row])) as unknown as typeof result;
  } catch (e) {
    return `did not converge (${String((e as Error).message ?? e).split(".")[0]})`;
  }
  let best: { value: number; vector: unknown } | undefined;
  for (const ev of result.eigenvectors) {
    if (typeof ev.value !== "number") return "returned a non-real eigenvalue";
    if (!best || ev.value > best.value) best = { value: ev.value, vector: ev.vector };
  }
  if (!best) return "returned no eigenvector";
  const raw = best.vector as unknown[];
  if (!Array.isArray(raw) || raw.length !== m || raw.some((x) => typeof x !== "number" || !Number.isFinite(x))) return "returned an eigenvector that is not a real vector of the right length";
  const vector = Float64Array.from(raw as number[]);
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm);
  if (!(norm > 0)) return "returned a zero eigenvector";
  for (let i = 0; i < m; i++) vector[i] /= norm;
  let resid = 0;
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += matrix[i][j] * vector[j];
    resid = Math.max(resid, Math.abs(s - best.value * vector[i]));
  }
  // The matrix is scaled to unit largest entry, so its norm is between 1 and m.
  if (!(resid <= 1e-10 * m)) return `returned an inaccurate eigenpair (residual ${resid.toExponential(2)})`;
  return { value: best.value, vector };
}

/** Rounding-level components to 0, sign so that Σ > 0, divided by Σ; mixed signs reported. */
function signFixedWeights(vector: Float64Array, notes: string[]): Float64Array {
  const m = vector.length;
  let big = 0;
  for (const x of vector) big = Math.max(big, Math.abs(x));
  const v = Float64Array.from(vector, (x) => (Math.abs(x) <= 1e-12 * big ? 0 : x));
  let sum = 0, abs = 0;
  for (const x of v) {
    sum += x;
    abs += Math.abs(x);
  }
  if (!(Math.abs(sum) > 1e-9 * abs))
    throw new WeightError("scatter degree: the leading eigenvector's components sum to 0 (indicators pulling in opposite directions in equal measure), so it cannot be rescaled to weights summing to 1; check the indicators' directions");
  const w = Float64Array.from(v, (x) => x / sum);
  const negative: number[] = [];
  for (let j = 0; j < m; j++) if (w[j] < 0) negative.push(j);
  if (negative.length) {
    let l1 = 0;
    for (const x of w) l1 += Math.abs(x);
    notes.push(
      `indicator${negative.length > 1 ? "s" : ""} ${negative.join(", ")} ${negative.length > 1 ? "have" : "has"} a negative weight (kept: it is the method's maximiser; Σ|w| = ${fmt(l1)}): ${negative.length > 1 ? "they are" : "it is"} negatively correlated with the others' common direction — check that every indicator is oriented "higher is better"`,
    );
  }
  return w;
}

/**
 * The cube's dimensions; throws on a ragged cube, or on an infinite value in a column before the
 * ragged one (the first problem in (k, j, i) order). Infinite values elsewhere are found by
 * {@link pooledSums}, from the sums it takes anyway.
 */
function shape(cube: Cube): { p: number; m: number; n: number } {
  const p = cube.length;
  if (p === 0) throw new WeightError("scatter degree: no periods given");
  const m = cube[0].length;
  if (m === 0) throw new WeightError("scatter degree: no indicators given");
  const n = cube[0][0].length;
  for (let k = 0; k < p; k++) {
    if (cube[k].length !== m) {
      throwIfInfinite(cube, k, 0);
      throw new WeightError(`scatter degree: period ${k} has ${cube[k].length} indicators, period 0 has ${m}`);
    }
    for (let j = 0; j < m; j++) {
      const col = cube[k][j];
      if (col.length !== n) {
        throwIfInfinite(cube, k, j);
        throw new WeightError(`scatter degree: period ${k}, indicator ${j} has ${col.length} enterprises, not ${n}; align the periods by enterprise first`);
      }
    }
  }
  return { p, m, n };
}

/** Throws at the first ±Infinity of the columns before (kEnd, jEnd), in (k, j, i) order. */
function throwIfInfinite(cube: Cube, kEnd: number, jEnd: number): void {
  for (let k = 0; k <= kEnd && k < cube.length; k++)
    for (let j = 0; j < (k === kEnd ? jEnd : cube[k].length); j++) {
      const i = firstInfinite(cube[k][j]);
      if (i >= 0) throw new WeightError(`scatter degree: period ${k}, indicator ${j}, enterprise ${i} is ${cube[k][j][i]}`);
    }
}

/**
 * Pooled mean, sample standard deviation (N − 1) and count of every indicator of a well-shaped
 * cube, two passes (sums, then squared deviations from the mean); constant indicators listed.
 */
function pooledMoments(cube: Cube): Omit<Standardized, "z" | "present"> {
  const { mean, count } = pooledSums(cube);
  const ss = new Float64Array(mean.length);
  for (let j = 0; j < mean.length; j++) for (const period of cube) ss[j] += squaredDeviations(period[j], mean[j]);
  return finishMoments(mean, count, ss);
}

/** Pooled count and mean of every indicator; an infinite value, or fewer than 2 values, is an error. */
function pooledSums(cube: Cube): { mean: Float64Array; count: Int32Array } {
  const p = cube.length, m = cube[0].length;
  const mean = new Float64Array(m), count = new Int32Array(m);
  const acc = new Float64Array(3);
  let finite = true;
  for (let j = 0; j < m; j++) {
    let c = 0, s = 0;
    for (let k = 0; k < p; k++) {
      sums(cube[k][j], acc);
      c += acc[0];
      s += acc[1];
    }
    count[j] = c;
    mean[j] = s / c;
    // A sum that is not finite comes from an infinite value (or, rarely, overflow).
    if (!Number.isFinite(s)) finite = false;
  }
  if (!finite) throwIfInfinite(cube, p, 0);
  for (let j = 0; j < m; j++) {
    const c = count[j];
    if (c < 2) throw new WeightError(`scatter degree: indicator ${j} has ${c} value${c === 1 ? "" : "s"} over all periods; a standard deviation needs at least 2`);
  }
  return { mean, count };
}

/** Standard deviations (N − 1) from the sums of squared deviations; constant indicators listed. */
function finishMoments(mean: Float64Array, count: Int32Array, ss: Float64Array): Omit<Standardized, "z" | "present"> {
  const m = mean.length;
  const sd = new Float64Array(m);
  const constant: number[] = [];
  for (let j = 0; j < m; j++) {
    sd[j] = Math.sqrt(ss[j] / (count[j] - 1));
    if (sd[j] === 0) constant.push(j);
  }
  return { mean, sd, count, constant };
}

/** Rows per block of the Gram product: m × BLOCK deviations stay in the core's cache. */
const BLOCK = 512;

/**
 * G = Σ_k Σ_i d_ik d_ikᵀ (m × m, row-major, symmetric) with d = x − mean, 0 where x is missing. The
 * periods are taken BLOCK rows at a time: the block's rows that have any value (the others add
 * nothing) are gathered once as NaN-free deviations, then each indicator pair is a plain dot
 * product over them, two by four pairs at a time. Each period's sums run through its rows in order
 * and are then added period after period, as {@link squaredDeviations} and pooledMoments sum, so
 * the diagonal is their sum of squared deviations to the bit.
 */
function gram(cube: Cube, mean: Float64Array): Float64Array {
  const m = mean.length;
  const G = new Float64Array(m * m);
  const perPeriod = new Float64Array(m * m); // the current period's sums
  const d = new Float64Array(m * BLOCK);
  const present = new Uint8Array(BLOCK);
  const rows = new Int32Array(BLOCK);
  for (const columns of cube) {
    const n = columns[0].length;
    perPeriod.fill(0);
    for (let i0 = 0; i0 < n; i0 += BLOCK) {
      const len = Math.min(BLOCK, n - i0);
      present.fill(0);
      for (let j = 0; j < m; j++) markPresent(columns[j], i0, len, present);
      const count = presentRows(present, len, rows);
      if (count === 0) continue;
      for (let j = 0; j < m; j++) deviations(columns[j], i0, rows, count, mean[j], d, j * BLOCK);
      gramBlock(d, m, count, BLOCK, perPeriod);
    }
    addTo(perPeriod, G);
  }
  for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) G[a * m + b] = G[b * m + a];
  return G;
}

function addTo(x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] += x[i];
}

/** H_ab = G_ab/(sd_a·sd_b): the Gram matrix of the z-scores (0 for a constant indicator). */
function zGram(G: Float64Array, sd: Float64Array): Float64Array {
  const m = sd.length;
  const H = new Float64Array(m * m);
  for (let a = 0; a < m; a++)
    for (let b = 0; b < m; b++) H[a * m + b] = sd[a] === 0 || sd[b] === 0 ? 0 : G[a * m + b] / (sd[a] * sd[b]);
  return H;
}

/** A row-major m × m matrix as one Float64Array per row. */
function byRow(flat: Float64Array, m: number): Float64Array[] {
  return Array.from({ length: m }, (_, a) => flat.slice(a * m, (a + 1) * m));
}

function firstInfinite(x: Float64Array): number {
  for (let i = 0; i < x.length; i++) if (x[i] === Infinity || x[i] === -Infinity) return i;
  return -1;
}

function sums(x: Float64Array, acc: Float64Array): void {
  let c = 0, s = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) continue;
    c++;
    s += v;
  }
  acc[0] = c;
  acc[1] = s;
}

/** Σ (x − mu)² over the present values, in row order (as the Gram product sums its diagonal). */
function squaredDeviations(x: Float64Array, mu: number): number {
  let ss = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - mu;
    if (d === d) ss += d * d;
  }
  return ss;
}

function zscore(x: Float64Array, mu: number, sd: number, out: Float64Array, present: Uint8Array): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) {
      out[i] = NaN;
      continue;
    }
    present[i] = 1;
    out[i] = sd === 0 ? 0 : (v - mu) / sd;
  }
}

/** present[r] = 1 where x[i0 + r] is a value, r < len. */
function markPresent(x: Float64Array, i0: number, len: number, present: Uint8Array): void {
  for (let r = 0; r < len; r++) if (x[i0 + r] === x[i0 + r]) present[r] = 1;
}

/** The positions r < len with present[r] = 1, into rows; their count. */
function presentRows(present: Uint8Array, len: number, rows: Int32Array): number {
  let c = 0;
  for (let r = 0; r < len; r++) if (present[r] === 1) rows[c++] = r;
  return c;
}

/** d[off + c] = x[i0 + rows[c]] − mu, 0 where missing, c < count. */
function deviations(x: Float64Array, i0: number, rows: Int32Array, count: number, mu: number, d: Float64Array, off: number): void {
  for (let c = 0; c < count; c++) {
    const v = x[i0 + rows[c]];
    d[off + c] = v === v ? v - mu : 0;
  }
}

/**
 * G[a][b] += Σ_r d[a·stride + r]·d[b·stride + r], r < len, for a ≤ b (and some a = b + 1, which
 * the caller overwrites from the upper triangle), each sum carried on from G[a][b] in row order.
 */
function gramBlock(d: Float64Array, m: number, len: number, stride: number, G: Float64Array): void {
  let a = 0;
  for (; a + 1 < m; a += 2) {
    let b = a;
    for (; b + 3 < m; b += 4) tile2x4(d, a, b, m, len, stride, G);
    for (; b < m; b++) {
      tile1x1(d, a, b, m, len, stride, G);
      tile1x1(d, a + 1, b, m, len, stride, G);
    }
  }
  for (; a < m; a++) for (let b = a; b < m; b++) tile1x1(d, a, b, m, len, stride, G);
}

/** Rows a, a + 1 by columns b … b + 3 of the Gram product: six loads feed eight products. */
function tile2x4(d: Float64Array, a: number, b: number, m: number, len: number, stride: number, G: Float64Array): void {
  const oa = a * stride, oa1 = oa + stride;
  const o0 = b * stride, o1 = o0 + stride, o2 = o1 + stride, o3 = o2 + stride;
  const h0 = a * m + b, h1 = h0 + m;
  let s00 = G[h0], s01 = G[h0 + 1], s02 = G[h0 + 2], s03 = G[h0 + 3];
  let s10 = G[h1], s11 = G[h1 + 1], s12 = G[h1 + 2], s13 = G[h1 + 3];
  for (let r = 0; r < len; r++) {
    const x = d[oa + r], y = d[oa1 + r];
    const c0 = d[o0 + r], c1 = d[o1 + r], c2 = d[o2 + r], c3 = d[o3 + r];
    s00 += x * c0;
    s01 += x * c1;
    s02 += x * c2;
    s03 += x * c3;
    s10 += y * c0;
    s11 += y * c1;
    s12 += y * c2;
    s13 += y * c3;
  }
  G[h0] = s00;
  G[h0 + 1] = s01;
  G[h0 + 2] = s02;
  G[h0 + 3] = s03;
  G[h1] = s10;
  G[h1 + 1] = s11;
  G[h1 + 2] = s12;
  G[h1 + 3] = s13;
}

function tile1x1(d: Float64Array, a: number, b: number, m: number, len: number, stride: number, G: Float64Array): void {
  const oa = a * stride, ob = b * stride, h = a * m + b;
  let s = G[h];
  for (let r = 0; r < len; r++) s += d[oa + r] * d[ob + r];
  G[h] = s;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** y += w·z(x) over rows [i0, end) where x is present (z as in {@link zscore}), marking those rows present. */
function addWeightedZ(x: Float64Array, i0: number, end: number, mu: number, sd: number, w: number, y: Float64Array, present: Uint8Array): void {
  for (let i = i0; i < end; i++) {
    const v = x[i];
    if (v !== v) continue;
    present[i] = 1;
    y[i] += w * (sd === 0 ? 0 : (v - mu) / sd);
  }
}

function blankAbsent(present: Uint8Array, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) if (present[i] === 0) out[i] = NaN;
}

function fmt(x: number): string {
  return Number(x.toPrecision(6)).toString();
}
