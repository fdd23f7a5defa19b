/**
 * VIKOR (Opricovic & Tzeng, "Compromise solution by MCDM methods: A comparative analysis of VIKOR and
 * TOPSIS", EJOR 156, 2004, §2 steps 1–3). Every normalised column is higher-is-better, so the best
 * and worst values are f*_j = max and f⁻_j = min over the population, and
 *
 *   term_ij = w_j (f*_j − r_ij)/(f*_j − f⁻_j)   (0 for a constant column, f* = f⁻),
 *   S_i = Σ_j term_ij (group utility),  R_i = max_j term_ij (individual regret),
 *   Q_i = v (S_i − S*)/(S⁻ − S*) + (1 − v)(R_i − R*)/(R⁻ − R*),
 *
 * with S* = min S, S⁻ = max S, R* = min R, R⁻ = max R; a zero denominator makes that part 0 (so a
 * single enterprise, or all equal, gets Q = 0). The terms are invariant under the positive affine
 * maps of min-max normalisation, so a min-max normalised column gives the paper's values exactly.
 * `raw` is Q (lower is better), score = scale · (1 − Q), and `extra` holds S and R. The compromise
 * conditions C1/C2 of step 5 are about choosing one alternative and are not applied.
 *
 * Contributions: VIKOR has no additive form (R is a maximum, and both parts are rescaled over the
 * population), so the score is split in proportion to each indicator's weighted achievement
 * g_ij = w_j − term_ij = w_j (r_ij − f⁻_j)/(f*_j − f⁻_j), the complement of its regret term:
 * contrib_ij = score_i · g_ij / Σ_k g_ik (by the weights when every g is 0). The parts are
 * non-negative and add up to the score.
 */
import { column } from "../../kernels/arena.js";
import { AggregationError } from "./errors.js";
import { BLOCK, type Aggregated, type AggregationInput } from "./types.js";
import { extent } from "../../kernels/column-stats.js";

/** VIKOR with the weight `v` of the group-utility strategy (0.5, "by consensus", by default). */
export function vikor({ n, pop, norm, weights, scale }: AggregationInput, v = 0.5): Aggregated {
  checkV(v);
  const m = norm.length;
  const ext = new Float64Array(2);
  const best = new Float64Array(m);
  const range = new Float64Array(m);
  let wSum = 0;
  for (let j = 0; j < m; j++) {
    extent(norm[j], pop, ext);
    best[j] = ext[1];
    range[j] = ext[1] - ext[0];
    wSum += weights[j];
  }
  const S = new Float64Array(n);
  const R = new Float64Array(n);
  const G = new Float64Array(n);
  const contrib = norm.map(() => column(n)); // first g_ij, turned into parts below
  for (let b = 0; b < n; b += BLOCK) {
    const e = Math.min(n, b + BLOCK);
    for (let j = 0; j < m; j++) {
      const constant = !(range[j] > 0); // term 0: numerator 0·(f* − r), NaN outside the population
      terms(norm[j], constant ? 0 : weights[j], best[j], constant ? 1 : range[j], weights[j], S, R, G, contrib[j], b, e);
    }
  }
  const sExt = new Float64Array(2);
  const rExt = new Float64Array(2);
  extent(S, pop, sExt);
  extent(R, pop, rExt);
  const raw = column(n);
  const score = column(n);
  compromise(S, R, pop, sExt[0], sExt[1] - sExt[0], rExt[0], rExt[1] - rExt[0], v, scale, raw, score);
  for (let b = 0; b < n; b += BLOCK) {
    const e = Math.min(n, b + BLOCK);
    for (let j = 0; j < m; j++) parts(contrib[j], weights[j] / wSum, score, G, b, e);
  }
  return { raw, score, contrib, extra: new Map([["S", S], ["R", R]]) };
}

/** The standard aggregation signature for a given `v` (from the scheme). */
export function makeVikor(v: number): (input: AggregationInput) => Aggregated {
  checkV(v);
  return (input) => vikor(input, v);
}

function checkV(v: number): void {
  if (!(v >= 0 && v <= 1)) throw new AggregationError(`vikor: v must be between 0 and 1 (the weight of group utility against individual regret), not ${v}`);
}

/** One column's terms w(f* − r)/(f* − f⁻) into S, R = max, and the achievements g = w − term. */
function terms(
  r: Float64Array,
  wt: number,
  hi: number,
  d: number,
  w: number,
  S: Float64Array,
  R: Float64Array,
  G: Float64Array,
  g: Float64Array,
  b: number,
  e: number,
): void {
  for (let i = b; i < e; i++) {
    const t = (wt * (hi - r[i])) / d;
    S[i] += t;
    if (t > R[i]) R[i] = t; // terms are ≥ 0, R starts at 0
    const a = w - t;
    g[i] = a;
    G[i] += a;
  }
}

/** Q and the score; rows outside the population get NaN for Q, score, S and R. */
function compromise(
  S: Float64Array,
  R: Float64Array,
  pop: Uint8Array,
  sBest: number,
  sRange: number,
  rBest: number,
  rRange: number,
  v: number,
  scale: number,
  raw: Float64Array,
  score: Float64Array,
): void {
  for (let i = 0; i < S.length; i++) {
    if (pop[i] === 0) {
      raw[i] = score[i] = S[i] = R[i] = NaN;
      continue;
    }
    const qs = sRange > 0 ? (S[i] - sBest) / sRange : 0;
    const qr = rRange > 0 ? (R[i] - rBest) / rRange : 0;
    const q = v * qs + (1 - v) * qr;
    raw[i] = q;
    score[i] = scale * (1 - q);
  }
}

/** g_ij → score · g_ij / Σ_k g_ik, or score · w_j/W when the enterprise has no achievement at all. */
function parts(g: Float64Array, share: number, score: Float64Array, G: Float64Array, b: number, e: number): void {
  for (let i = b; i < e; i++) {
    const total = G[i];
    g[i] = total > 0 ? (score[i] * g[i]) / total : score[i] * share; // NaN rows stay NaN
  }
}
