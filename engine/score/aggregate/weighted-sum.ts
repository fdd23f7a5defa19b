/**
 * Weighted sum (simple additive weighting): S_i = Σ_j w_j r_ij, the 亩均 method's Σ weight × ratio
 * (docs/methods.md §1) and the OECD/JRC Handbook's linear aggregation (§1.6). Contributions are the terms.
 */
import { column } from "../../kernels/arena.js";
import { forBlocks } from "../../kernels/blocks.js";
import { groupLoop, groups } from "../../kernels/groups.js";
import { BLOCK, type Aggregated, type AggregationInput } from "./types.js";

export function weightedSum({ n, norm, weights, scale }: AggregationInput): Aggregated {
  const raw = column(n);
  const contrib = norm.map(() => column(n));
  const score = column(n);
  const passes = groups(norm.length).map(({ j0, size }) => ({ j0, terms: termsLoop(size) }));
  for (let b = 0; b < n; b += BLOCK) {
    const e = Math.min(n, b + BLOCK);
    for (const p of passes) p.terms(norm, contrib, weights, scale, raw, p.j0, b, e);
    scaleInto(score, raw, scale, b, e); // the block's totals are complete
  }
  return { raw, score, contrib };
}

/** Rows [b, e) of a group of indicators (engine/kernels/groups.ts): each w·r added to raw, and kept (on the score's scale) as the indicator's contribution. */
function termsLoop(size: number) {
  return groupLoop<(norm: Float64Array[], contrib: Float64Array[], w: Float64Array, scale: number, raw: Float64Array, j0: number, b: number, e: number) => void>(
    "weighted-sum-terms",
    size,
    ["norm", "contrib", "w", "scale", "raw", "j0", "b", "e"],
    (each) => `
      ${each((k) => `const r${k} = norm[j0 + ${k}], c${k} = contrib[j0 + ${k}], w${k} = w[j0 + ${k}];`)}
      for (let i = b; i < e; i++) {
        let s = raw[i], t = 0;
        ${each((k) => `t = w${k} * r${k}[i]; s += t; c${k}[i] = scale * t;`)}
        raw[i] = s;
      }`,
  );
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

// The loops, each alone in a leaf function called per block of rows (engine/kernels/README.md).

function addTerm(raw: Float64Array, r: Float64Array, w: number, b: number, e: number): void {
  for (let i = b; i < e; i++) raw[i] += w * r[i];
}

function scaleInto(out: Float64Array, raw: Float64Array, scale: number, b: number, e: number): void {
  for (let i = b; i < e; i++) out[i] = scale * raw[i];
}
