/**
 * Combination weighting (组合赋权): several weight vectors u_1 … u_L over the same indicators — typically
 * a subjective and an objective one — → one, with the formulas of docs/methods.md §3:
 * - multiplicative (乘法合成): w_j = Π_k u_kj / Σ_j Π_k u_kj (two or more sets; μ is ignored);
 * - linear: w = Σ_k μ_k u_k; for two sets μ_1 = μ, μ_2 = 1 − μ (μ = 0.5 by default); for more
 *   sets equal μ_k = 1/L unless an array of coefficients is given (rescaled to sum 1) — a single μ
 *   then does not apply, and `note` says so;
 * - game-theory (博弈论组合赋权): the α minimising ‖Σ_k α_k u_k − u_i‖ for every i solves
 *   G α = diag(G) with G_ik = u_i · u_k; then α*_k = |α_k| / Σ|α| and w = Σ_k α*_k u_k. When G is
 *   singular — two sets identical or linearly dependent, so the game has no unique solution — the
 *   coefficients fall back to equal, said in `note`. μ is ignored.
 * Each input set is rescaled to sum 1 first (a no-op for proper weights) and the result is
 * renormalised to Σ = 1.
 */
import { WeightError } from "./errors.js";

export type CombineMethod = "multiplicative" | "linear" | "game-theory";

export type CombinedWeights = {
  weights: Float64Array;
  /** μ_k or α*_k per set; empty for multiplicative, which has none. */
  coefficients: number[];
  note?: string;
};

/** Relative pivot below which G counts as singular (its entries are O(1/k), k indicators). */
const SINGULAR = 1e-12;

export function combineWeights(sets: readonly Float64Array[], method: CombineMethod, mu?: number | readonly number[]): CombinedWeights {
  const u = checkSets(sets);
  const L = u.length, k = u[0].length;
  switch (method) {
    case "multiplicative": {
      if (mu !== undefined && Array.isArray(mu)) throw new WeightError("combined weights: multiplicative combination takes no coefficients");
      const w = new Float64Array(k).fill(1);
      for (const set of u) for (let j = 0; j < k; j++) w[j] *= set[j];
      if (!(sum(w) > 0))
        throw new WeightError(
          "combined weights: no indicator has a positive weight in every set, so the multiplicative combination is 0 everywhere; use the linear or game-theory combination",
        );
      return { weights: scaled(w), coefficients: [] };
    }
    case "linear": {
      const coefficients = linearCoefficients(L, mu);
      const weights = linear(u, coefficients);
      if (typeof mu === "number" && L !== 2)
        return { weights, coefficients, note: `μ = ${mu} splits two sets; the ${L} sets are combined with equal coefficients 1/${L}` };
      return { weights, coefficients };
    }
    case "game-theory": {
      const g = gram(u);
      const alpha = solve(g, Float64Array.from({ length: L }, (_, i) => g[i * L + i]), L);
      if (alpha === null) {
        const equal = new Array<number>(L).fill(1 / L);
        return {
          weights: linear(u, equal),
          coefficients: equal,
          note: "the weight sets are linearly dependent (e.g. identical), so the game has no unique solution: equal coefficients are used",
        };
      }
      const total = alpha.reduce((a, b) => a + Math.abs(b), 0);
      const coefficients = Array.from(alpha, (a) => Math.abs(a) / total);
      return { weights: linear(u, coefficients), coefficients };
    }
    default:
      throw new WeightError(`combined weights: unknown combination "${String(method)}"; use multiplicative, linear or game-theory`);
  }
}

function checkSets(sets: readonly Float64Array[]): Float64Array[] {
  if (sets.length < 2) throw new WeightError(`combined weights: ${sets.length} weight set given; combining needs at least two`);
  const k = sets[0].length;
  if (k === 0) throw new WeightError("combined weights: the weight sets are empty");
  return sets.map((s, i) => {
    if (s.length !== k) throw new WeightError(`combined weights: set ${i} has ${s.length} weights, set 0 has ${k}`);
    for (let j = 0; j < k; j++)
      if (!(s[j] >= 0) || !Number.isFinite(s[j])) throw new WeightError(`combined weights: set ${i} gives indicator ${j} the weight ${s[j]}; weights are non-negative numbers`);
    const t = sum(s);
    if (!(t > 0)) throw new WeightError(`combined weights: set ${i} is all zero`);
    return t === 1 ? s : scaled(s);
  });
}

function linearCoefficients(L: number, mu: number | readonly number[] | undefined): number[] {
  if (mu === undefined) return new Array<number>(L).fill(1 / L);
  if (typeof mu === "number") {
    if (L !== 2) return new Array<number>(L).fill(1 / L);
    if (!(mu >= 0 && mu <= 1)) throw new WeightError(`combined weights: μ = ${mu} is outside [0, 1]`);
    return [mu, 1 - mu];
  }
  if (mu.length !== L) throw new WeightError(`combined weights: ${mu.length} coefficients for ${L} weight sets`);
  mu.forEach((m, i) => {
    if (!(m >= 0) || !Number.isFinite(m)) throw new WeightError(`combined weights: coefficient ${i} is ${m}; coefficients are non-negative numbers`);
  });
  const t = mu.reduce((a, b) => a + b, 0);
  if (!(t > 0)) throw new WeightError("combined weights: the coefficients are all zero");
  return mu.map((m) => m / t);
}

function linear(u: readonly Float64Array[], c: readonly number[]): Float64Array {
  const w = new Float64Array(u[0].length);
  u.forEach((set, i) => {
    for (let j = 0; j < w.length; j++) w[j] += c[i] * set[j];
  });
  return scaled(w);
}

/** G_ik = u_i · u_k, row-major L × L. */
function gram(u: readonly Float64Array[]): Float64Array {
  const L = u.length;
  const g = new Float64Array(L * L);
  for (let i = 0; i < L; i++)
    for (let k = i; k < L; k++) {
      let s = 0;
      for (let j = 0; j < u[i].length; j++) s += u[i][j] * u[k][j];
      g[i * L + k] = s;
      g[k * L + i] = s;
    }
  return g;
}

/** Gaussian elimination with partial pivoting; null when a pivot is ≤ SINGULAR × max |G|. */
function solve(g: Float64Array, b: Float64Array, L: number): Float64Array | null {
  const a = Float64Array.from(g), x = Float64Array.from(b);
  let scale = 0;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i]));
  for (let c = 0; c < L; c++) {
    let p = c;
    for (let r = c + 1; r < L; r++) if (Math.abs(a[r * L + c]) > Math.abs(a[p * L + c])) p = r;
    if (!(Math.abs(a[p * L + c]) > SINGULAR * scale)) return null;
    if (p !== c) {
      for (let j = 0; j < L; j++) [a[c * L + j], a[p * L + j]] = [a[p * L + j], a[c * L + j]];
      [x[c], x[p]] = [x[p], x[c]];
    }
    for (let r = c + 1; r < L; r++) {
      const f = a[r * L + c] / a[c * L + c];
      for (let j = c; j < L; j++) a[r * L + j] -= f * a[c * L + j];
      x[r] -= f * x[c];
    }
  }
  for (let r = L - 1; r >= 0; r--) {
    let s = x[r];
    for (let j = r + 1; j < L; j++) s -= a[r * L + j] * x[j];
    x[r] = s / a[r * L + r];
  }
  return x;
}

function sum(v: Float64Array): number {
  let s = 0;
  for (let j = 0; j < v.length; j++) s += v[j];
  return s;
}

function scaled(v: Float64Array): Float64Array {
  const t = sum(v);
  return v.map((x) => x / t);
}
