/**
 * Weighted sum (simple additive weighting): S_i = Σ_j w_j r_ij, the 亩均 method's Σ weight × ratio
 * (DOMAIN.md §2) and the OECD/JRC Handbook's linear aggregation (§1.6). Contributions are the terms.
 */
import { column } from "../../arena.js";
import { forBlocks } from "../../blocks.js";
import { BLOCK, type Aggregated, type AggregationInput } from "./types.js";

export function weightedSum({ n, norm, weights, scale }: AggregationInput): Aggregated {
  const raw = column(n);
  const contrib = norm.map(() => column(n));
  const score = column(n);
  for (let b = 0; b < n; b += BLOCK) {
    const e = Math.min(n, b + BLOCK);
    for (let j = 0; j < norm.length; j++) terms(norm[j], weights[j], scale, raw, contrib[j], b, e);
    scaleInto(score, raw, scale, b, e); // the block's totals are complete
  }
  return { raw, score, contrib };
}

/**
 * The weighted sum's raw value and score without its contributions, for lean scoring: the same
 * terms added in the same order (indicator by indicator, per row), so the numbers are identical
 * to the last bit.
 */
export function weightedSumOnly({ n, norm, weights, scale }: AggregationInput): Aggregated {
  const raw = new Float64Array(n);
  for (let j = 0; j < norm.length; j++) forBlocks(n, (b, e) => addTerm(raw, norm[j], weights[j], b, e));
  const score = new Float64Array(n);
  forBlocks(n, (b, e) => scaleInto(score, raw, scale, b, e));
  return { raw, score, contrib: [] };
}

// The loops, each alone in a leaf function called per block of rows (see normalize/kernel.ts).

/** Rows [b, e): w·r added to raw, and kept (on the score's scale) as the indicator's contribution. */
function terms(r: Float64Array, w: number, scale: number, raw: Float64Array, c: Float64Array, b: number, e: number): void {
  for (let i = b; i < e; i++) {
    const t = w * r[i];
    raw[i] += t;
    c[i] = scale * t;
  }
}

function addTerm(raw: Float64Array, r: Float64Array, w: number, b: number, e: number): void {
  for (let i = b; i < e; i++) raw[i] += w * r[i];
}

function scaleInto(out: Float64Array, raw: Float64Array, scale: number, b: number, e: number): void {
  for (let i = b; i < e; i++) out[i] = scale * raw[i];
}
