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
import { gram, squaredDeviations, sums } from "../../kernels/gram.js";
import { jacobiEigen, mathjsTopPair } from "./eigen.js";
import { WeightError } from "./errors.js";

/** cube[k][j][i]: period k (oldest first), indicator j, enterprise i (panel order); NaN where absent. */
export type Cube = readonly (readonly Float64Array[])[];

/** Pooled moments of every indicator over all periods. */
interface Moments {
  mean: Float64Array;
  /** Sample standard deviation (N − 1) over all periods pooled. */
  sd: Float64Array;
  /** Values per indicator over all periods. */
  count: Int32Array;
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
    // A block of rows at a time, so that y stays in cache while the indicators are added to it.
    for (let i0 = 0; i0 < n; i0 += BLOCK) {
      const end = Math.min(n, i0 + BLOCK);
      for (let j = 0; j < m; j++) addWeightedZ(cube[k][j], i0, end, mean[j], sd[j], weights[j], y, present);
    }
    blankAbsent(present, y);
    out.push(y);
  }
  return out;
}

/** Rows per block of periodScores. */
const BLOCK = 512;

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
function pooledMoments(cube: Cube): Moments {
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
function finishMoments(mean: Float64Array, count: Int32Array, ss: Float64Array): Moments {
  const m = mean.length;
  const sd = new Float64Array(m);
  const constant: number[] = [];
  for (let j = 0; j < m; j++) {
    sd[j] = Math.sqrt(ss[j] / (count[j] - 1));
    if (sd[j] === 0) constant.push(j);
  }
  return { mean, sd, count, constant };
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

/** y += w·z(x) over rows [i0, end) where x is present (z = (x − mu)/sd, 0 when sd = 0), marking those rows present. */
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

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
