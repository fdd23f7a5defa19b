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
import { column } from "../../arena.js";
import { forBlocks } from "../../blocks.js";
import { BLOCK, type Aggregated, type AggregationInput } from "./types.js";

export function topsis({ n, pop, norm, ranges, weights, scale }: AggregationInput): Aggregated {
  const m = norm.length;
  const best = new Float64Array(m);
  const worst = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const w = weights[j], known = ranges?.[j];
    // A product by w ≥ 0 is monotone, so the weighted extremes are the weighted range, exactly.
    if (known !== undefined && w >= 0) {
      worst[j] = w * known.min;
      best[j] = w * known.max;
      continue;
    }
    const range = Float64Array.of(Infinity, -Infinity);
    forBlocks(n, (b, e) => weightedExtent(norm[j], w, range, b, e));
    worst[j] = range[0];
    best[j] = range[1];
  }
  const contrib = norm.map(() => column(n));
  const raw = column(n);
  const score = column(n);
  // One sweep of row blocks: a block's distances are complete once every indicator has added to
  // them, so its closeness and shares follow at once, while its rows are still in the cache.
  const dPlus = new Float64Array(BLOCK);
  const dMinus = new Float64Array(BLOCK);
  for (let b = 0; b < n; b += BLOCK) {
    const e = Math.min(n, b + BLOCK);
    dPlus.fill(0);
    dMinus.fill(0);
    for (let j = 0; j < m; j++) distances(norm[j], weights[j], best[j], worst[j], dPlus, dMinus, contrib[j], b, e);
    closeness(pop, dPlus, dMinus, scale, raw, score, b, e);
    for (let j = 0; j < m; j++) shares(contrib[j], weights[j], score, dMinus, b, e);
  }
  return { raw, score, contrib };
}

// The loops, each alone in a leaf function called per block of rows (see normalize/kernel.ts).

/** [min, max] of w·r over rows [b, e), continued from `out` (NaN outside the population: both comparisons are false). */
function weightedExtent(r: Float64Array, w: number, out: Float64Array, b: number, e: number): void {
  let lo = out[0], hi = out[1];
  for (let i = b; i < e; i++) {
    const v = w * r[i];
    lo = v < lo ? v : lo;
    hi = v > hi ? v : hi;
  }
  out[0] = lo;
  out[1] = hi;
}

/** Rows [b, e): the squared distances to the ideal and anti-ideal added up (in the block's dPlus, dMinus, from 0); the latter's terms kept in c. */
function distances(r: Float64Array, w: number, hi: number, lo: number, dPlus: Float64Array, dMinus: Float64Array, c: Float64Array, b: number, e: number): void {
  for (let i = b; i < e; i++) {
    const v = w * r[i];
    const a = v - hi, d = v - lo;
    dPlus[i - b] += a * a;
    dMinus[i - b] += d * d;
    c[i] = d * d; // squared distance from the anti-ideal; turned into shares below
  }
}

function closeness(pop: Uint8Array, dPlus: Float64Array, dMinus: Float64Array, scale: number, raw: Float64Array, score: Float64Array, b: number, e: number): void {
  for (let i = b; i < e; i++) {
    const p = Math.sqrt(dPlus[i - b]), q = Math.sqrt(dMinus[i - b]);
    const c = pop[i] === 0 ? 0 / 0 : p + q > 0 ? q / (p + q) : 1;
    raw[i] = c;
    score[i] = scale * c;
  }
}

/** Rows [b, e): each indicator's share of the score (by its weight when D⁻ = 0; NaN rows stay NaN). */
function shares(c: Float64Array, w: number, score: Float64Array, dMinus: Float64Array, b: number, e: number): void {
  for (let i = b; i < e; i++) {
    const d = dMinus[i - b];
    c[i] = d > 0 ? (score[i] * c[i]) / d : score[i] * w;
  }
}
