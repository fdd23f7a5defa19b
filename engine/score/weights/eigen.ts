/**
 * The eigen solvers of the scatter-degree weighting: a cyclic Jacobi routine of our own, and mathjs
 * `eigs` checked for a real, accurate leading pair. Each is the other's cross-check.
 */
import { mathjs } from "../../mathjs.js";
import { WeightError } from "./errors.js";

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
export function mathjsTopPair(matrix: number[][]): { value: number; vector: Float64Array } | string {
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
