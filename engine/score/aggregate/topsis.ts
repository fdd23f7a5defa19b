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
import { nanColumn, type Aggregated, type AggregationInput } from "./types.js";

export function topsis({ n, pop, norm, weights, scale }: AggregationInput): Aggregated {
  const m = norm.length;
  const best = new Float64Array(m).fill(-Infinity);
  const worst = new Float64Array(m).fill(Infinity);
  for (let j = 0; j < m; j++) {
    const r = norm[j];
    const w = weights[j];
    for (let k = 0; k < pop.length; k++) {
      const v = w * r[pop[k]];
      if (v > best[j]) best[j] = v;
      if (v < worst[j]) worst[j] = v;
    }
  }
  const dPlus = new Float64Array(n);
  const dMinus = new Float64Array(n);
  const contrib = norm.map((r, j) => {
    const w = weights[j], hi = best[j], lo = worst[j];
    const c = nanColumn(n, pop);
    for (let k = 0; k < pop.length; k++) {
      const i = pop[k];
      const v = w * r[i];
      const a = v - hi, b = v - lo;
      dPlus[i] += a * a;
      dMinus[i] += b * b;
      c[i] = b * b; // squared distance from the anti-ideal; turned into shares below
    }
    return c;
  });
  const raw = nanColumn(n, pop);
  const score = nanColumn(n, pop);
  for (let k = 0; k < pop.length; k++) {
    const i = pop[k];
    const p = Math.sqrt(dPlus[i]), q = Math.sqrt(dMinus[i]);
    const closeness = p + q > 0 ? q / (p + q) : 1;
    raw[i] = closeness;
    score[i] = scale * closeness;
  }
  for (let j = 0; j < m; j++) {
    const c = contrib[j];
    for (let k = 0; k < pop.length; k++) {
      const i = pop[k];
      const d = dMinus[i];
      c[i] = d > 0 ? (score[i] * c[i]) / d : score[i] * weights[j];
    }
  }
  return { raw, score, contrib };
}
