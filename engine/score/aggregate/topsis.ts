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
import { column } from "../../kernels/arena.js";
import { forBlocks } from "../../kernels/blocks.js";
import { groupLoop, groups } from "../../kernels/groups.js";
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
  // Per block of rows: the squared distances, a group of indicators per loop, into block buffers;
  // then the block's closeness; then its shares, from the normalised values still in cache.
  const dPlus = new Float64Array(BLOCK);
  const dMinus = new Float64Array(BLOCK);
  const passes = groups(m).map(({ j0, size }) => ({ j0, distances: distancesLoop(size), shares: sharesLoop(size) }));
  for (let b = 0; b < n; b += BLOCK) {
    const e = Math.min(n, b + BLOCK);
    dPlus.fill(0);
    dMinus.fill(0);
    for (const p of passes) p.distances(norm, weights, best, worst, p.j0, dPlus, dMinus, b, e);
    closeness(pop, dPlus, dMinus, scale, raw, score, b, e);
    for (const p of passes) p.shares(norm, contrib, weights, worst, p.j0, dMinus, score, b, e);
  }
  return { raw, score, contrib };
}

/**
 * Rows [b, e) of a group of indicators (engine/kernels/groups.ts): their squared distances to the ideal and the
 * anti-ideal added to the block's running D⁺² and D⁻².
 */
function distancesLoop(size: number) {
  return groupLoop<(norm: Float64Array[], w: Float64Array, best: Float64Array, worst: Float64Array, j0: number, dPlus: Float64Array, dMinus: Float64Array, b: number, e: number) => void>(
    "topsis-distances",
    size,
    ["norm", "w", "best", "worst", "j0", "dPlus", "dMinus", "b", "e"],
    (each) => `
      ${each((k) => `const r${k} = norm[j0 + ${k}], w${k} = w[j0 + ${k}], hi${k} = best[j0 + ${k}], lo${k} = worst[j0 + ${k}];`)}
      for (let i = b, t = 0; i < e; i++, t++) {
        let p = dPlus[t], q = dMinus[t], v = 0, a = 0, d = 0;
        ${each((k) => `v = w${k} * r${k}[i]; a = v - hi${k}; d = v - lo${k}; p += a * a; q += d * d;`)}
        dPlus[t] = p;
        dMinus[t] = q;
      }`,
  );
}

/** Rows [b, e) of a group of indicators: each one's share of the score, (v − v⁻)² recomputed from the normalised value. */
function sharesLoop(size: number) {
  return groupLoop<(norm: Float64Array[], contrib: Float64Array[], w: Float64Array, worst: Float64Array, j0: number, dMinus: Float64Array, score: Float64Array, b: number, e: number) => void>(
    "topsis-shares",
    size,
    ["norm", "contrib", "w", "worst", "j0", "dMinus", "score", "b", "e"],
    (each) => `
      ${each((k) => `const r${k} = norm[j0 + ${k}], c${k} = contrib[j0 + ${k}], w${k} = w[j0 + ${k}], lo${k} = worst[j0 + ${k}];`)}
      for (let i = b, t = 0; i < e; i++, t++) {
        const q = dMinus[t], s = score[i];
        let d = 0;
        ${each((k) => `d = w${k} * r${k}[i] - lo${k}; c${k}[i] = q > 0 ? (s * (d * d)) / q : s * w${k};`)}
      }`,
  );
}

// The loops, each alone in a leaf function called per block of rows (engine/kernels/README.md).

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

/** Rows [b, e): C = √D⁻/(√D⁺ + √D⁻) from the block's squared distances, as raw and (times scale) score. */
function closeness(pop: Uint8Array, dPlus: Float64Array, dMinus: Float64Array, scale: number, raw: Float64Array, score: Float64Array, b: number, e: number): void {
  for (let i = b, t = 0; i < e; i++, t++) {
    const p = Math.sqrt(dPlus[t]), q = Math.sqrt(dMinus[t]);
    const c = pop[i] === 0 ? 0 / 0 : p + q > 0 ? q / (p + q) : 1;
    raw[i] = c;
    score[i] = scale * c;
  }
}
