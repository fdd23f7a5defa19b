/**
 * The vertical-and-horizontal scatter degree method (纵横向拉开档次法; Guo Yajun, 综合评价理论、方法及
 * 应用, Science Press 2007; DOMAIN.md §5): indicator weights for a cube x_ijk (enterprise i,
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
import { eigs } from "mathjs";
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
  const { p, m, n } = shape(cube);
  const mean = new Float64Array(m), sd = new Float64Array(m), count = new Int32Array(m);
  const acc = new Float64Array(3);
  const constant: number[] = [];
  for (let j = 0; j < m; j++) {
    let c = 0, s = 0;
    for (let k = 0; k < p; k++) {
      sums(cube[k][j], acc);
      c += acc[0];
      s += acc[1];
    }
    if (c < 2) throw new WeightError(`scatter degree: indicator ${j} has ${c} value${c === 1 ? "" : "s"} over all periods; a standard deviation needs at least 2`);
    const mu = s / c;
    let ss = 0;
    for (let k = 0; k < p; k++) ss += squaredDeviations(cube[k][j], mu);
    count[j] = c;
    mean[j] = mu;
    sd[j] = Math.sqrt(ss / (c - 1));
    if (sd[j] === 0) constant.push(j);
  }
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
  const H: Float64Array[] = Array.from({ length: m }, () => new Float64Array(m));
  for (const zk of std.z)
    for (let a = 0; a < m; a++)
      for (let b = a; b < m; b++) {
        const d = dotSkippingNaN(zk[a], zk[b]);
        H[a][b] += d;
        if (b !== a) H[b][a] += d;
      }
  return H;
}

/** The scatter-degree indicator weights of a cube (see the file comment). */
export function scatterDegree(cube: Cube): ScatterDegree {
  const std = standardize(cube);
  const H = scatterMatrix(std);
  const m = H.length;
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
 * count as 0, the mean); NaN where the enterprise has no value at all in that period.
 */
export function periodScores(cube: Cube, weights: ArrayLike<number>): Float64Array[] {
  const std = standardize(cube);
  const m = std.mean.length;
  if (weights.length !== m) throw new WeightError(`scatter degree: ${weights.length} weights for ${m} indicators`);
  return std.z.map((zk, k) => {
    const out = new Float64Array(std.present[k].length);
    for (let j = 0; j < m; j++) addWeighted(zk[j], weights[j], out);
    blankAbsent(std.present[k], out);
    return out;
  });
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
    result = eigs(matrix.map((row) => [...row])) as unknown as typeof result;
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

function shape(cube: Cube): { p: number; m: number; n: number } {
  const p = cube.length;
  if (p === 0) throw new WeightError("scatter degree: no periods given");
  const m = cube[0].length;
  if (m === 0) throw new WeightError("scatter degree: no indicators given");
  const n = cube[0][0].length;
  for (let k = 0; k < p; k++) {
    if (cube[k].length !== m) throw new WeightError(`scatter degree: period ${k} has ${cube[k].length} indicators, period 0 has ${m}`);
    for (let j = 0; j < m; j++) {
      const col = cube[k][j];
      if (col.length !== n) throw new WeightError(`scatter degree: period ${k}, indicator ${j} has ${col.length} enterprises, not ${n}; align the periods by enterprise first`);
      for (let i = 0; i < n; i++)
        if (col[i] === Infinity || col[i] === -Infinity) throw new WeightError(`scatter degree: period ${k}, indicator ${j}, enterprise ${i} is ${col[i]}`);
    }
  }
  return { p, m, n };
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

function dotSkippingNaN(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] * b[i];
    if (v === v) s += v;
  }
  return s;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function addWeighted(z: Float64Array, w: number, out: Float64Array): void {
  for (let i = 0; i < z.length; i++) {
    const v = z[i];
    if (v === v) out[i] += w * v;
  }
}

function blankAbsent(present: Uint8Array, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) if (present[i] === 0) out[i] = NaN;
}

function fmt(x: number): string {
  return Number(x.toPrecision(6)).toString();
}
