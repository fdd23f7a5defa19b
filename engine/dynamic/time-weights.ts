/**
 * Time weights by the time degree λ, with maximum entropy (Guo Yajun, Yao Yuan & Yi Pingtao,
 * "Method and application of dynamic comprehensive evaluation", Systems Engineering — Theory &
 * Practice 27(10), 2007, 154–158; docs/methods.md §4):
 *
 *   maximise  −Σ_k w_k ln w_k
 *   subject to  Σ_k t_k w_k = λ,  Σ_k w_k = 1,  w_k ≥ 0,   t_k = (p − k)/(p − 1),  k = 1 the earliest.
 *
 * λ is where the weight's centre of mass sits on the time axis (1 = all on the earliest period,
 * 0 = all on the latest): λ = 0.5 gives equal weights, λ < 0.5 favours recent periods (0.1
 * strongly, 0.3 moderately). It is Yager's "orness" of an OWA weight vector with the periods as the
 * ordered positions, and the problem is O'Hagan's maximum-entropy OWA (Fullér & Majlender, Fuzzy
 * Sets and Systems 124, 2001, 53–57), which is Jaynes' "Brandeis dice" problem with the faces
 * renamed (a die whose mean face is m is p = 6, λ = (6 − m)/5).
 *
 * Stationarity of the Lagrangian gives w_k = exp(μ t_k) / Σ_j exp(μ t_j) for one scalar μ, and
 * λ(μ) = Σ t_k w_k(μ) is strictly increasing in μ (dλ/dμ = the variance of t under w, > 0 for p ≥ 2),
 * from 0 (μ → −∞) through 1/2 (μ = 0) to 1 (μ → +∞). So μ is the unique root of λ(μ) − λ: it is
 * bracketed by doubling from 0 and found by Newton's method safeguarded by bisection (a Newton step
 * that leaves the bracket is replaced by the midpoint), until the bracket cannot shrink or the
 * constraint holds to rounding (|λ(μ) − λ| ≤ 4·ε). The exponentials are shifted by max(μ, 0) so
 * that none overflows.
 *
 * Conventions:
 *  - λ must lie in [0, 1]. The ends are not limits but the problem's unique feasible points: λ = 0
 *    forces every weight with t_k > 0 to zero, so w = (0, …, 0, 1) (all on the latest period);
 *    λ = 1 gives (1, 0, …, 0). They are returned as such (the entropy maximum over a single point).
 *  - λ = 0.5 returns exactly 1/p each; p = 2 returns exactly (λ, 1 − λ) (the two constraints
 *    determine w); p = 1 returns [1] for any λ in [0, 1] (t is undefined, there is nothing to weigh).
 */
import { DynamicError } from "./errors.js";

/** The maximum-entropy weights with the multiplier that produced them. */
export interface TimeWeights {
  /** Earliest period first; Σ = 1. */
  weights: Float64Array;
  /** The Lagrange multiplier: w_k ∝ exp(μ (p − k)/(p − 1)). ±Infinity at λ = 0 / 1, 0 for p = 1. */
  mu: number;
  /** Σ (p − k)/(p − 1) w_k as achieved (NaN for p = 1). */
  degree: number;
  /** −Σ w_k ln w_k, with 0 ln 0 = 0. */
  entropy: number;
}

/** The time weights for p periods at time degree λ, earliest first. */
export function timeWeights(p: number, lambda: number): Float64Array {
  return solveTimeWeights(p, lambda).weights;
}

/** The time weights, the multiplier μ, and the achieved degree and entropy. */
export function solveTimeWeights(p: number, lambda: number): TimeWeights {
  if (!Number.isInteger(p) || p < 1) throw new DynamicError(`time weights: the number of periods must be a whole number ≥ 1, not ${p}`);
  if (typeof lambda !== "number" || !(lambda >= 0 && lambda <= 1))
    throw new DynamicError(`time weights: the time degree λ must lie in [0, 1] (0.5 = equal weights, smaller favours recent periods), not ${lambda}`);
  const t = positions(p);
  let w: Float64Array;
  let mu: number;
  if (p === 1) {
    w = Float64Array.of(1);
    mu = 0;
  } else if (lambda === 0 || lambda === 1) {
    w = new Float64Array(p);
    w[lambda === 0 ? p - 1 : 0] = 1;
    mu = lambda === 0 ? -Infinity : Infinity;
  } else if (lambda === 0.5) {
    w = new Float64Array(p).fill(1 / p);
    mu = 0;
  } else if (p === 2) {
    w = Float64Array.of(lambda, 1 - lambda);
    mu = Math.log(lambda / (1 - lambda)); // w1/w2 = e^μ
  } else {
    mu = solveMu(t, lambda);
    w = new Float64Array(p);
    gibbs(t, mu, w);
  }
  return { weights: w, mu, degree: p === 1 ? NaN : timeDegree(w), entropy: weightEntropy(w) };
}

/** Σ (p − k)/(p − 1) w_k: the time degree of a weight vector given earliest first (NaN for p < 2). */
export function timeDegree(weights: ArrayLike<number>): number {
  const p = weights.length;
  if (p < 2) return NaN;
  let s = 0;
  for (let i = 0; i < p; i++) s += ((p - 1 - i) / (p - 1)) * weights[i];
  return s;
}

/** −Σ w ln w with 0 ln 0 = 0. */
export function weightEntropy(weights: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < weights.length; i++) {
    const v = weights[i];
    if (v > 0) h -= v * Math.log(v);
  }
  return h;
}

/**
 * The weights of the periods an enterprise has, rescaled to sum 1; 0 at the periods it lacks
 * (available[k] = 0). There is no answer when it has none of the periods, or when the weights of
 * those it has are all 0 (λ = 0 or 1 and the one weighted period is missing).
 */
export function renormalize(weights: ArrayLike<number>, available: Uint8Array): Float64Array {
  const p = weights.length;
  if (available.length !== p) throw new DynamicError(`renormalize: ${p} weights but ${available.length} availability flags; give one flag per period`);
  let s = 0;
  for (let k = 0; k < p; k++) {
    const v = weights[k];
    if (!(v >= 0) || v === Infinity) throw new DynamicError(`renormalize: weight ${k} is ${v}; time weights must be finite and ≥ 0`);
    if (available[k] === 1) s += v;
  }
  if (!(s > 0))
    throw new DynamicError(`renormalize: the available periods carry no weight (${available.reduce((a, b) => a + (b === 1 ? 1 : 0), 0)} of ${p} available); there is nothing to rescale`);
  const out = new Float64Array(p);
  for (let k = 0; k < p; k++) out[k] = available[k] === 1 ? weights[k] / s : 0;
  return out;
}

/** t_k = (p − k)/(p − 1) for k = 1..p (index k − 1); [NaN] for p = 1. */
function positions(p: number): Float64Array {
  const t = new Float64Array(p);
  for (let i = 0; i < p; i++) t[i] = p === 1 ? NaN : (p - 1 - i) / (p - 1);
  return t;
}

/** w = exp(μ t − max(μ, 0)) normalised; returns λ(μ) = Σ t w and writes w. */
function gibbs(t: Float64Array, mu: number, w: Float64Array): number {
  const shift = mu > 0 ? mu : 0;
  let z = 0;
  for (let i = 0; i < t.length; i++) z += w[i] = Math.exp(mu * t[i] - shift);
  let m = 0;
  for (let i = 0; i < t.length; i++) m += t[i] * (w[i] /= z);
  return m;
}

/** The root μ of λ(μ) = λ for 0 < λ < 1, λ ≠ 0.5, p ≥ 3. */
function solveMu(t: Float64Array, lambda: number): number {
  const w = new Float64Array(t.length);
  const f = (mu: number): number => gibbs(t, mu, w) - lambda;
  // Bracket: f(0) = 0.5 − λ; double outwards until the sign changes.
  let lo: number, hi: number;
  if (lambda < 0.5) {
    hi = 0;
    lo = -1;
    while (f(lo) > 0) {
      hi = lo;
      lo *= 2;
      if (!Number.isFinite(lo)) throw new DynamicError(`time weights: no multiplier found for λ = ${lambda}`);
    }
  } else {
    lo = 0;
    hi = 1;
    while (f(hi) < 0) {
      lo = hi;
      hi *= 2;
      if (!Number.isFinite(hi)) throw new DynamicError(`time weights: no multiplier found for λ = ${lambda}`);
    }
  }
  let x = (lo + hi) / 2;
  let best = x, bestAbs = Infinity;
  for (let iter = 0; iter < 500; iter++) {
    const fx = gibbs(t, x, w) - lambda;
    const ax = Math.abs(fx);
    if (ax < bestAbs) {
      bestAbs = ax;
      best = x;
    }
    if (fx === 0 || ax <= 4 * Number.EPSILON * lambda) break;
    if (fx < 0) lo = x;
    else hi = x;
    // dλ/dμ = Σ t² w − (Σ t w)²
    let m1 = 0, m2 = 0;
    for (let i = 0; i < t.length; i++) {
      m1 += t[i] * w[i];
      m2 += t[i] * t[i] * w[i];
    }
    const slope = m2 - m1 * m1;
    let next = slope > 0 ? x - fx / slope : NaN;
    if (!(next > lo && next < hi)) next = lo + (hi - lo) / 2;
    if (next === x || next === lo || next === hi) break; // the bracket cannot shrink further
    x = next;
  }
  return best;
}
