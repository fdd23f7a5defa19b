/**
 * Weighted product (geometric aggregation): S_i = Π_j r_ij^{w_j}, the OECD/JRC Handbook on
 * Constructing Composite Indicators (2008), §6.2 (geometric aggregation); score = scale · S.
 * It is computed as S_i = exp(Σ_j w_j ln r_ij), so that the score and its decomposition below come
 * from the same sum.
 *
 * Zeros: one normalised value of 0 (with a positive weight) makes the product 0 — defined, but the
 * enterprise then scores 0 whatever its other indicators, which is why the Handbook pairs geometric
 * aggregation with strictly positive data. Use a normalisation that avoids 0 when that matters
 * (efficacy c + d·r, a benchmark ratio without a floor at 0) rather than min-max. A negative
 * normalised value (z-score) has no real power and is an {@link AggregationError}. An indicator with
 * weight 0 does not enter the product (r⁰ = 1) and is not checked.
 *
 * Contributions: the logarithmic mean Divisia index (LMDI-I; Ang, "The LMDI approach to
 * decomposition analysis: a practical guide", Energy Policy 33, 2005) of the move from the neutral
 * point — every r = 1, score = scale — to S, plus that neutral score split by the weights:
 *
 *   contrib_ij = scale · ( w_j/W + L(S_i, 1) · w_j ln r_ij ),   L(S, 1) = (S − 1)/ln S,  L(1, 1) = 1,
 *
 * with W = Σ w (1 for valid weights). They add up to scale · (1 + L · ln S) = scale · S. When all of an
 * enterprise's values are equal to c every part is scale · w_j · c, the weighted-sum term; when S ≫ 1
 * (efficacy scores) the parts approach each term's share of the log, w_j ln r_ij / ln S; unlike that
 * share, they stay finite at S = 1. An indicator below 1 is charged its share of the shortfall from the
 * neutral score, so a very weak indicator can have a negative part. When S = 0 (zeros Z with weight
 * w_Z) the parts are the limit as those zeros tend to 0 together (Ang & Liu, "Handling zero values in
 * the LMDI decomposition approach", Energy Policy 35, 2007): every other indicator keeps scale · w_j/W
 * and each zero indicator takes scale · (w_j/W − w_j/w_Z), so the parts add up to 0.
 */
import { column } from "../../kernels/arena.js";
import { AggregationError } from "./errors.js";
import { BLOCK, type Aggregated, type AggregationInput } from "./types.js";

export function weightedProduct({ n, pop, norm, weights, scale }: AggregationInput): Aggregated {
  const m = norm.length;
  let wSum = 0;
  for (let j = 0; j < m; j++) {
    wSum += weights[j];
    if (!(weights[j] > 0)) continue;
    const i = firstNegative(norm[j], pop);
    if (i >= 0)
      throw new AggregationError(
        { indicator: j, row: i },
        (ind, row) =>
          `weighted product: indicator ${ind} has a negative normalised value (${norm[j][i]} ${row}); the geometric mean needs non-negative values — use a normalisation without negatives (minmax, efficacy, benchmark-ratio)`,
      );
  }
  const logSum = new Float64Array(n); // Σ_j w_j ln r_ij
  const contrib = norm.map(() => column(n)); // first w_j ln r_ij, turned into parts below
  for (let b = 0; b < n; b += BLOCK) {
    const e = Math.min(n, b + BLOCK);
    for (let j = 0; j < m; j++) if (weights[j] > 0) logTerms(norm[j], weights[j], logSum, contrib[j], b, e);
  }
  const raw = column(n);
  const score = column(n);
  const lmean = new Float64Array(n);
  const zeroWeight = new Float64Array(n); // w_Z, only where S = 0
  finish(logSum, pop, scale, raw, score, lmean);
  zeroWeights(logSum, contrib, weights, zeroWeight);
  for (let b = 0; b < n; b += BLOCK) {
    const e = Math.min(n, b + BLOCK);
    for (let j = 0; j < m; j++) parts(contrib[j], weights[j] / wSum, weights[j], scale, logSum, lmean, zeroWeight, b, e);
  }
  return { raw, score, contrib };
}

/** The first population row with a negative value, or −1. */
function firstNegative(r: Float64Array, pop: Uint8Array): number {
  for (let i = 0; i < r.length; i++) if (pop[i] === 1 && r[i] < 0) return i;
  return -1;
}

/** t_ij = w ln r_ij into `t` and added to the row's log-sum (ln 0 = −∞, so a zero gives S = 0). */
function logTerms(r: Float64Array, w: number, logSum: Float64Array, t: Float64Array, b: number, e: number): void {
  for (let i = b; i < e; i++) {
    const x = w * Math.log(r[i]); // NaN outside the population
    t[i] = x;
    logSum[i] += x;
  }
}

/** S = exp(Σ w ln r), the score, and the logarithmic mean L(S, 1) = (S − 1)/ln S = expm1(l)/l. */
function finish(logSum: Float64Array, pop: Uint8Array, scale: number, raw: Float64Array, score: Float64Array, lmean: Float64Array): void {
  for (let i = 0; i < logSum.length; i++) {
    const l = logSum[i];
    const s = pop[i] === 0 ? 0 / 0 : Math.exp(l); // 0 / 0, not NaN: see engine/kernels/README.md
    raw[i] = s;
    score[i] = scale * s;
    lmean[i] = pop[i] === 0 ? 0 / 0 : l === 0 ? 1 : Math.expm1(l) / l;
  }
}

/** w_Z where S = 0: the total weight of the row's zero values (those whose term is −∞). */
function zeroWeights(logSum: Float64Array, terms: Float64Array[], weights: Float64Array, out: Float64Array): void {
  for (let i = 0; i < logSum.length; i++) {
    if (logSum[i] !== -Infinity) continue;
    let wz = 0;
    for (let j = 0; j < terms.length; j++) if (terms[j][i] === -Infinity) wz += weights[j];
    out[i] = wz;
  }
}

/** t_ij → scale · (share + L · t_ij), or the zero-value limit where S = 0 (see the file comment). */
function parts(
  t: Float64Array,
  share: number,
  w: number,
  scale: number,
  logSum: Float64Array,
  lmean: Float64Array,
  zeroWeight: Float64Array,
  b: number,
  e: number,
): void {
  for (let i = b; i < e; i++) {
    const x = t[i];
    if (logSum[i] === -Infinity) t[i] = scale * (x === -Infinity ? share - w / zeroWeight[i] : share);
    else t[i] = scale * (share + lmean[i] * x); // NaN rows stay NaN through L
  }
}
