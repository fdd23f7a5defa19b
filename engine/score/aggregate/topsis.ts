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
import type { Aggregated, AggregationInput } from "./types.js";

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
  const kernel = rowKernel(m);
  forBlocks(n, (b, e) => kernel(norm, contrib, weights, best, worst, pop, scale, raw, score, b, e));
  return { raw, score, contrib };
}

type RowKernel = (norm: Float64Array[], contrib: Float64Array[], w: Float64Array, best: Float64Array, worst: Float64Array, pop: Uint8Array, scale: number, raw: Float64Array, score: Float64Array, b: number, e: number) => void;

const kernels = new Map<number, RowKernel>();

/**
 * The loop over rows [b, e) for m indicators, generated once per m with each indicator's terms
 * written out: a row's two distances and its m squared terms stay in registers, and its closeness
 * and shares are written in the same pass. Looping over indicators instead needs a pass to add up
 * the distances and another to turn the terms into shares (measured at a million rows × 20: ~200
 * against ~120 ms). The arithmetic, and its order, is the textbook one above: D⁺² and D⁻² summed
 * from indicator 0 up, C = √D⁻/(√D⁺ + √D⁻), share_j = score·(v_ij − v⁻_j)²/D⁻².
 */
function rowKernel(m: number): RowKernel {
  let kernel = kernels.get(m);
  if (kernel) return kernel;
  const j = Array.from({ length: m }, (_, k) => k);
  const body = `
    ${j.map((k) => `const r${k} = norm[${k}], c${k} = contrib[${k}], w${k} = w[${k}], hi${k} = best[${k}], lo${k} = worst[${k}];`).join("\n")}
    for (let i = b; i < e; i++) {
      let p = 0, q = 0, v = 0, a = 0, d = 0;
      ${j.map((k) => `v = w${k} * r${k}[i]; a = v - hi${k}; d = v - lo${k}; p += a * a; const d${k} = d * d; q += d${k};`).join("\n")}
      const sp = Math.sqrt(p), sq = Math.sqrt(q);
      const cl = pop[i] === 0 ? 0 / 0 : sp + sq > 0 ? sq / (sp + sq) : 1;
      raw[i] = cl;
      const s = scale * cl;
      score[i] = s;
      ${j.map((k) => `c${k}[i] = q > 0 ? (s * d${k}) / q : s * w${k};`).join("\n")}
    }`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  kernel = new Function("norm", "contrib", "w", "best", "worst", "pop", "scale", "raw", "score", "b", "e", body) as RowKernel;
  kernels.set(m, kernel);
  return kernel;
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
