/**
 * Entropy weights (熵权法). With p_ij = r_ij / Σ_i r_ij over the m graded rows,
 *   e_j = −(1/ln m) Σ_i p_ij ln p_ij,   d_j = 1 − e_j,   w_j = d_j / Σ_k d_k
 * (Shannon's entropy as a weighting method: Zeleny, Multiple Criteria Decision Making, 1982;
 * Hwang & Yoon, Multiple Attribute Decision Making, Springer 1981; docs/methods.md §3).
 *
 * Zeros: 0·ln 0 = 0, its limit, with no ε added (`zeroRule`, recorded in the manifest). Some
 * implementations add an ε to every p (which shifts every e_j a little), and pymcdm's
 * entropy_weights sets e_j = 0 — maximal weight — for any column containing a zero; neither is done
 * here. A column summing to 0 carries no information: e_j = 1, d_j = 0.
 *
 * Basis:
 * - "normalized": the caller passes the normalised matrix r (the usual Chinese practice: min-max
 *   first, then p on r, so min-max zeros are common and the zero rule matters);
 * - "raw": the caller passes raw positive data and it is sum-normalised as it stands (pymcdm's and
 *   Hwang & Yoon's convention; direction plays no part).
 * The arithmetic is the same; the basis decides what the input must be and how errors read.
 * Negative values have no entropy and are an error naming the indicator.
 *
 * Degenerate input: a constant column has e_j = 1 exactly (p_i = 1/m; computing Σ p ln p would
 * leave e_j a few ulps off 1 and give the column a weight of order 1e-16). One graded row (ln 1 = 0)
 * or every d_j = 0 gives equal weights, said in `note`. A divergence that rounds below 0 is 0.
 */
import { WeightError } from "./errors.js";
import { checkColumns, normalizeOrEqual } from "./moments.js";

/** The zero convention, for the manifest. */
export const zeroRule = "0·ln 0 = 0 (no ε)";

export type EntropyBasis = "normalized" | "raw";

export type EntropyWeights = {
  weights: Float64Array;
  /** e_j, in [0, 1]. */
  entropy: Float64Array;
  /** d_j = 1 − e_j (degree of divergence). */
  divergence: Float64Array;
  /** Set when the weights fell back to equal, and why. */
  note?: string;
};

export function entropyWeights(cols: readonly Float64Array[], pop: Uint8Array, options: { basis: EntropyBasis }): EntropyWeights {
  const k = cols.length;
  const m = checkColumns(cols, pop, "entropy weights");
  const entropy = new Float64Array(k);
  const divergence = new Float64Array(k);
  const acc = new Float64Array(4);
  for (let j = 0; j < k; j++) {
    columnSum(cols[j], pop, acc);
    if (acc[1] < 0) {
      const what = options.basis === "raw" ? "raw values" : "normalised values";
      const fix =
        options.basis === "raw"
          ? "entropy needs non-negative data: shift or normalise the indicator first (e.g. min-max) and use basis \"normalized\""
          : "entropy needs non-negative values: use a non-negative normalisation such as min-max, not z-score";
      throw new WeightError({ indicator: j, row: acc[2] }, (ind, row) => `entropy weights: indicator ${ind} has negative ${what} (${acc[1]} ${row}); ${fix}`);
    }
    const sum = acc[0];
    // One row, an all-zero column, or a constant one (p_i = 1/m exactly, e = 1, whatever the
    // rounding of Σ p ln p would say): no information.
    if (m === 1 || !(sum > 0) || acc[3] === acc[1]) {
      entropy[j] = 1;
      divergence[j] = 0;
      continue;
    }
    const e = -plogp(cols[j], pop, sum) / Math.log(m);
    entropy[j] = e;
    divergence[j] = e < 1 ? 1 - e : 0;
  }
  const { weights, equal } = normalizeOrEqual(divergence);
  if (!equal) return { weights, entropy, divergence };
  const note =
    m === 1
      ? "one graded row: entropy cannot tell indicators apart, so the weights are equal"
      : "every indicator is uniform or all zero (divergence 0): the weights are equal";
  return { weights, entropy, divergence, note };
}

/** acc = [Σ x, min x, row of the min, max x] over the population. */
function columnSum(x: Float64Array, pop: Uint8Array, acc: Float64Array): void {
  let sum = 0, min = Infinity, at = -1, max = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (pop[i] === 0) continue;
    const v = x[i];
    sum += v;
    if (v < min) {
      min = v;
      at = i;
    }
    if (v > max) max = v;
  }
  acc[0] = sum;
  acc[1] = min;
  acc[2] = at;
  acc[3] = max;
}

/** Σ p ln p with p = x/sum over the population, 0·ln 0 = 0. */
function plogp(x: Float64Array, pop: Uint8Array, sum: number): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    if (pop[i] === 0) continue;
    const p = x[i] / sum;
    if (p > 0) s += p * Math.log(p);
  }
  return s;
}
