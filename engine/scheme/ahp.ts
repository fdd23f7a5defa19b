/**
 * AHP weights from a pairwise-comparison (judgement) matrix: the principal right eigenvector of
 * the positive reciprocal matrix A, normalised to sum 1, with Saaty's consistency check
 *   CI = (λmax − n)/(n − 1),   CR = CI/RI(n)
 * (Saaty, The Analytic Hierarchy Process, McGraw-Hill 1980; "How to make a decision: the analytic
 * hierarchy process", EJOR 48, 1990, 9–26; "Decision making with the analytic hierarchy process",
 * Int. J. Services Sciences 1(1), 2008, 83–98; docs/methods.md §3). RI for n = 1..10 is Saaty's table
 * 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49; beyond 10 there is no RI here and the matrix
 * is refused. CR is 0 for n ≤ 2 (every 2 × 2 reciprocal matrix is consistent); CI is clamped at 0
 * (λmax ≥ n in exact arithmetic, so a negative CI is rounding). Acceptance (CR < 0.1) is the
 * caller's decision: this only reports.
 *
 * The eigenpair comes from mathjs `eigs`, which for a non-symmetric matrix returns complex values
 * and vectors: the eigenvalue with the largest real part is taken (for a positive matrix it is the
 * real, simple Perron root), and its vector — a complex multiple of a positive real vector — is
 * divided by its largest-modulus component, which removes the phase and the sign, then normalised to
 * sum 1. mathjs 15's QR iteration fails to converge on some inconsistent matrices (about one in ten
 * random 6 × 6 … 10 × 10 matrices of Saaty-scale judgements); then, or if its vector does not check
 * out (not real and positive,
 * or residual ‖Aw − λw‖ too large), power iteration is used instead — it always converges on a
 * positive matrix (Perron–Frobenius) — and `solver` says which was used.
 *
 * `worst` is the judgement least in line with the weights: the i < j with the largest
 * |ln(a_ij · w_j / w_i)| (0 for every cell of a consistent matrix, where a_ij = w_i / w_j), reported
 * with the ratio the weights imply, w_i / w_j. Indices are 0-based; ties go to the first in row order.
 */
import { mathjs } from "../mathjs.js";
import { MethodError } from "../errors.js";

/** A judgement matrix that has no AHP answer (not square, not reciprocal, off Saaty's scale, too large). */
export class AhpError extends MethodError {}

/** Saaty's random consistency index for n = 1..10 (index n − 1). */
export const SAATY_RI: readonly number[] = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

/** Relative tolerance for reciprocity (a_ji = 1/a_ij), the unit diagonal and the scale bounds. */
export const RECIPROCAL_TOLERANCE = 1e-6;

export type AhpJudgement = {
  row: number;
  column: number;
  /** a_ij as given. */
  judgement: number;
  /** w_i / w_j, what the weights say a_ij should have been. */
  implied: number;
};

export type AhpWeights = {
  weights: Float64Array;
  lambdaMax: number;
  ci: number;
  ri: number;
  cr: number;
  /** The judgement furthest from the weights; null for n = 1. */
  worst: AhpJudgement | null;
  solver: "mathjs-eigs" | "power-iteration";
  /** Why power iteration was used, when it was. */
  note?: string;
};

export function ahpWeights(matrix: readonly (readonly number[])[]): AhpWeights {
  const n = validate(matrix);
  let solver: AhpWeights["solver"] = "mathjs-eigs";
  let note: string | undefined;
  let pair: Eigenpair;
  if (n === 1) pair = { value: 1, vector: Float64Array.of(1) };
  else {
    const viaEigs = tryEigs(matrix);
    if (typeof viaEigs === "string") {
      solver = "power-iteration";
      note = `mathjs eigs ${viaEigs}; the principal eigenvector was found by power iteration`;
      const p = powerIteration(matrix);
      pair = { value: p.value, vector: p.vector };
    } else pair = viaEigs;
  }
  const w = pair.vector;
  const lambdaMax = pair.value;
  const ri = SAATY_RI[n - 1];
  const ci = n > 1 ? Math.max(0, (lambdaMax - n) / (n - 1)) : 0;
  const cr = n > 2 ? ci / ri : 0;
  return { weights: w, lambdaMax, ci, ri, cr, worst: worstJudgement(matrix, w), solver, ...(note ? { note } : {}) };
}

/**
 * Fills the lower triangle of a judgement matrix given above the diagonal: a_ji = 1/a_ij, a_ii = 1.
 * Cells below the diagonal may be left empty (null, undefined or NaN); any that are given must be
 * reciprocal to their mirror within RECIPROCAL_TOLERANCE, and a given diagonal must be 1.
 */
export function completeReciprocal(upper: readonly (readonly (number | null | undefined)[])[]): number[][] {
  const n = upper.length;
  if (n === 0) throw new AhpError("AHP: the judgement matrix is empty");
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (!Array.isArray(upper[i]) || upper[i].length !== n)
      throw new AhpError(`AHP: row ${i} of the judgement matrix has ${Array.isArray(upper[i]) ? upper[i].length : "no"} cells, not ${n}`);
    out.push(new Array<number>(n).fill(1));
  }
  for (let i = 0; i < n; i++) {
    const d = upper[i][i];
    if (given(d) && !near(d, 1))
      throw new AhpError(`AHP: the diagonal cell (${i}, ${i}) is ${d}; an element compared with itself is 1`);
    for (let j = i + 1; j < n; j++) {
      const a = upper[i][j];
      if (!given(a)) throw new AhpError(`AHP: the judgement (${i}, ${j}) above the diagonal is missing`);
      out[i][j] = a;
      const b = upper[j][i];
      if (given(b) && !near(a * b, 1))
        throw new AhpError(`AHP: cells (${i}, ${j}) = ${a} and (${j}, ${i}) = ${b} are not reciprocal; give the upper triangle only, or make a_ji = 1/a_ij`);
      out[j][i] = 1 / a;
    }
  }
  return out;
}

export type Eigenpair = {
  value: number;
  /** Positive, summing to 1. */
  vector: Float64Array;
};

/**
 * The principal eigenpair by power iteration: w ← Aw / Σ(Aw) from the uniform vector until w stops
 * changing (max |Δ| ≤ 1e-15) or `maxIterations`; λ = Σ(Aw) for Σw = 1. Converges for any positive
 * matrix, at the rate |λ₂/λ₁|; a consistent matrix takes one step.
 */
export function powerIteration(matrix: readonly (readonly number[])[], maxIterations = 100000): Eigenpair & { iterations: number } {
  const n = matrix.length;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = matrix[i][j];
  const w = new Float64Array(n).fill(1 / n);
  const next = new Float64Array(n);
  const state = new Float64Array(2); // [λ, iterations]
  iterate(a, n, w, next, maxIterations, state);
  return { value: state[0], vector: w, iterations: state[1] };
}

function iterate(a: Float64Array, n: number, w: Float64Array, next: Float64Array, maxIterations: number, state: Float64Array): void {
  let lambda = 0, it = 0;
  while (it < maxIterations) {
    it++;
    lambda = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += a[i * n + j] * w[j];
      next[i] = s;
      lambda += s;
    }
    let change = 0;
    for (let i = 0; i < n; i++) {
      const v = next[i] / lambda;
      const d = Math.abs(v - w[i]);
      if (d > change) change = d;
      w[i] = v;
    }
    if (change <= 1e-15) break;
  }
  state[0] = lambda;
  state[1] = it;
}

// ---------------------------------------------------------------------------------------------

function validate(matrix: readonly (readonly number[])[]): number {
  if (!Array.isArray(matrix) || matrix.length === 0) throw new AhpError("AHP: the judgement matrix is empty");
  const n = matrix.length;
  if (n > SAATY_RI.length)
    throw new AhpError(
      `AHP: ${n} elements compared at once; Saaty's random index is tabulated only up to ${SAATY_RI.length}, so no consistency ratio can be given — group the indicators into a hierarchy of at most ${SAATY_RI.length} per level`,
    );
  for (let i = 0; i < n; i++) {
    const row = matrix[i];
    if (!Array.isArray(row) || row.length !== n)
      throw new AhpError(`AHP: the judgement matrix is not square: row ${i} has ${Array.isArray(row) ? row.length : "no"} cells, not ${n}`);
  }
  const lo = (1 / 9) * (1 - RECIPROCAL_TOLERANCE), hi = 9 * (1 + RECIPROCAL_TOLERANCE);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const a = matrix[i][j];
      if (typeof a !== "number" || !Number.isFinite(a) || !(a > 0))
        throw new AhpError(`AHP: cell (${i}, ${j}) is ${String(a)}; judgements are positive numbers`);
      if (a < lo || a > hi)
        throw new AhpError(`AHP: cell (${i}, ${j}) is ${a}, outside Saaty's scale 1/9 … 9`);
    }
  for (let i = 0; i < n; i++) {
    if (!near(matrix[i][i], 1)) throw new AhpError(`AHP: the diagonal cell (${i}, ${i}) is ${matrix[i][i]}; an element compared with itself is 1`);
    for (let j = i + 1; j < n; j++)
      if (!near(matrix[i][j] * matrix[j][i], 1))
        throw new AhpError(
          `AHP: cells (${i}, ${j}) = ${matrix[i][j]} and (${j}, ${i}) = ${matrix[j][i]} are not reciprocal (a_ji must be 1/a_ij); completeReciprocal() fills the lower triangle from the upper one`,
        );
  }
  return n;
}

/** |x − y| ≤ tolerance·|y|, for y = 1 here (a product a_ij·a_ji or a diagonal). */
function near(x: number, y: number): boolean {
  return Math.abs(x - y) <= RECIPROCAL_TOLERANCE * Math.abs(y);
}

function given(x: number | null | undefined): x is number {
  return typeof x === "number" && !Number.isNaN(x);
}

type Scalar = number | { re: number; im: number };

function re(z: unknown): number {
  return typeof z === "number" ? z : (z as { re: number }).re;
}
function im(z: unknown): number {
  return typeof z === "number" ? 0 : (z as { im: number }).im;
}

/** The principal eigenpair from mathjs eigs, or why it could not be used. */
function tryEigs(matrix: readonly (readonly number[])[]): Eigenpair | string {
  const n = matrix.length;
  let result: { eigenvectors: { value: unknown; vector: unknown }[] };
  try {
    result = mathjs().eigs(matrix.map((row) => [...row])) as unknown as typeof result;
  } catch (e) {
    const first = ((e as Error).message ?? String(e)).split(".")[0];
    return `did not converge (${first})`;
  }
  let best: { value: unknown; vector: unknown } | undefined;
  for (const ev of result.eigenvectors) if (!best || re(ev.value) > re(best.value)) best = ev;
  if (!best) return "returned no eigenvector";
  const lambda = re(best.value);
  const v = best.vector as Scalar[];
  if (!Array.isArray(v) || v.length !== n) return "returned an eigenvector of the wrong shape";
  // Divide by the largest-modulus component: removes the complex phase and the sign.
  let p = 0;
  for (let i = 1; i < n; i++) if (Math.hypot(re(v[i]), im(v[i])) > Math.hypot(re(v[p]), im(v[p]))) p = i;
  const c = re(v[p]), d = im(v[p]), den = c * c + d * d;
  const w = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = re(v[i]), y = im(v[i]);
    const real = (x * c + y * d) / den, imag = (y * c - x * d) / den;
    if (!(real > 0) || Math.abs(imag) > 1e-9 || Math.abs(im(best.value)) > 1e-9 * Math.abs(lambda))
      return "returned a principal eigenvector that is not real and positive";
    w[i] = real;
    sum += real;
  }
  for (let i = 0; i < n; i++) w[i] /= sum;
  // Residual check: ‖Aw − λw‖∞ relative to λ‖w‖∞.
  let resid = 0, wmax = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += matrix[i][j] * w[j];
    resid = Math.max(resid, Math.abs(s - lambda * w[i]));
    wmax = Math.max(wmax, w[i]);
  }
  if (!(resid <= 1e-9 * lambda * wmax)) return `returned an inaccurate eigenpair (residual ${resid.toExponential(2)})`;
  return { value: lambda, vector: w };
}

function worstJudgement(matrix: readonly (readonly number[])[], w: Float64Array): AhpJudgement | null {
  const n = matrix.length;
  let worst: AhpJudgement | null = null;
  let largest = -1;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const dev = Math.abs(Math.log((matrix[i][j] * w[j]) / w[i]));
      if (dev > largest) {
        largest = dev;
        worst = { row: i, column: j, judgement: matrix[i][j], implied: w[i] / w[j] };
      }
    }
  return worst;
}
