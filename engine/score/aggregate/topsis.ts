/**
 * TOPSIS (Hwang & Yoon 1981): on the weighted normalised matrix v_ij = w_j r_ij, the ideal v⁺_j and
 * anti-ideal v⁻_j are each column's max and min (every normalised column is already higher-is-better),
 * D⁺_i and D⁻_i the Euclidean distances to them, and the closeness C_i = D⁻/(D⁺ + D⁻) is `raw`.
 * When everyone is equal (D⁺ = D⁻ = 0) every closeness is 1: all sit at the ideal.
 *
 * Contributions split the score by each indicator's share of the squared distance from the
 * anti-ideal, (v_ij − v⁻_j)² / (D⁻_i)², which is what lifts an enterprise above the worst case
 * (by the weights when D⁻ = 0, so the parts always add up to the score).
 */
import { BLOCK, type Aggregated, type AggregationInput } from "./types.js";

export function topsis({ n, pop, norm, weights, scale }: AggregationInput): Aggregated {
  const m = norm.length;
  const best = new Float64Array(m).fill(-Infinity);
  const worst = new Float64Array(m).fill(Infinity);
  for (let j = 0; j < m; j++) {
    const r = norm[j], w = weights[j];
    let hi = -Infinity, lo = Infinity;
    for (let i = 0; i < n; i++) {
      const v = w * r[i]; // NaN outside the population: both comparisons are false
      if (v > hi) hi = v;
      if (v < lo) lo = v;
    }
    best[j] = hi;
    worst[j] = lo;
  }
  const dPlus = new Float64Array(n);
  const dMinus = new Float64Array(n);
  const contrib = norm.map(() => new Float64Array(n));
  for (let b = 0; b < n; b += BLOCK) {
    const e = Math.min(n, b + BLOCK);
    for (let j = 0; j < m; j++) {
      const r = norm[j], c = contrib[j], w = weights[j], hi = best[j], lo = worst[j];
      for (let i = b; i < e; i++) {
        const v = w * r[i];
        const a = v - hi, d = v - lo;
        dPlus[i] += a * a;
        dMinus[i] += d * d;
        c[i] = d * d; // squared distance from the anti-ideal; turned into shares below
      }
    }
  }
  const raw = new Float64Array(n);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (pop[i] === 0) {
      raw[i] = score[i] = NaN;
      continue;
    }
    const p = Math.sqrt(dPlus[i]), q = Math.sqrt(dMinus[i]);
    raw[i] = p + q > 0 ? q / (p + q) : 1;
    score[i] = scale * raw[i];
  }
  for (let b = 0; b < n; b += BLOCK) {
    const e = Math.min(n, b + BLOCK);
    for (let j = 0; j < m; j++) {
      const c = contrib[j], w = weights[j];
      for (let i = b; i < e; i++) {
        const d = dMinus[i];
        c[i] = d > 0 ? (score[i] * c[i]) / d : score[i] * w; // NaN rows stay NaN
      }
    }
  }
  return { raw, score, contrib };
}
