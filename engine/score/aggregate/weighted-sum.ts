/**
 * Weighted sum (simple additive weighting): S_i = Σ_j w_j r_ij, the 亩均 method's Σ weight × ratio
 * (DOMAIN.md §2) and the OECD/JRC Handbook's linear aggregation (§1.6). Contributions are the terms.
 */
import { BLOCK, type Aggregated, type AggregationInput } from "./types.js";

export function weightedSum({ n, norm, weights, scale }: AggregationInput): Aggregated {
  const raw = new Float64Array(n);
  const contrib = norm.map(() => new Float64Array(n));
  for (let b = 0; b < n; b += BLOCK) {
    const e = Math.min(n, b + BLOCK);
    for (let j = 0; j < norm.length; j++) {
      const r = norm[j], c = contrib[j], w = weights[j];
      for (let i = b; i < e; i++) {
        const t = w * r[i];
        raw[i] += t;
        c[i] = scale * t;
      }
    }
  }
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) score[i] = scale * raw[i];
  return { raw, score, contrib };
}
