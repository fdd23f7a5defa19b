/**
 * Weighted sum (simple additive weighting): S_i = Σ_j w_j r_ij, the 亩均 method's Σ weight × ratio
 * (DOMAIN.md §2) and the OECD/JRC Handbook's linear aggregation (§1.6). Contributions are the terms.
 */
import { nanColumn, type Aggregated, type AggregationInput } from "./types.js";

export function weightedSum({ n, pop, norm, weights, scale }: AggregationInput): Aggregated {
  const raw = nanColumn(n, pop);
  for (let k = 0; k < pop.length; k++) raw[pop[k]] = 0;
  const contrib = norm.map((r, j) => {
    const w = weights[j];
    const c = nanColumn(n, pop);
    for (let k = 0; k < pop.length; k++) {
      const i = pop[k];
      const t = w * r[i];
      raw[i] += t;
      c[i] = scale * t;
    }
    return c;
  });
  const score = nanColumn(n, pop);
  for (let k = 0; k < pop.length; k++) score[pop[k]] = scale * raw[pop[k]];
  return { raw, score, contrib };
}
