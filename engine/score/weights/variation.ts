/**
 * Coefficient-of-variation weights (变异系数法): v_j = σ_j / |x̄_j|, w_j = v_j / Σ_k v_k, over the
 * graded rows (the CV method of the Chinese evaluation literature; the OECD/JRC Handbook on
 * Constructing Composite Indicators, 2008, lists the CV as the scale-free dispersion measure).
 * σ is the sample standard deviation (n − 1); the population one gives the same weights.
 *
 * The CV is scale-free, so raw data with different units can be passed as is; it is not
 * shift-free, so it means something only for ratio-scale indicators (no min-max scores, whose mean
 * is arbitrary). A mean of 0 leaves v_j undefined: that is an error naming the indicator, with a
 * pointer to the standard-deviation or entropy method. If every v_j is 0 the weights are equal.
 */
import { WeightError } from "./errors.js";
import { checkColumns, moments, normalizeOrEqual } from "./moments.js";

export type VariationWeights = {
  weights: Float64Array;
  mean: Float64Array;
  /** σ_j, sample (n − 1). */
  sd: Float64Array;
  /** v_j = σ_j / |x̄_j|. */
  cv: Float64Array;
  note?: string;
};

export function variationWeights(cols: readonly Float64Array[], pop: Uint8Array): VariationWeights {
  const k = cols.length;
  checkColumns(cols, pop, "coefficient-of-variation weights");
  const mean = new Float64Array(k), sd = new Float64Array(k), cv = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const s = moments(cols[j], pop);
    if (s.mean === 0)
      throw new WeightError(
        { indicator: j },
        (ind) => `coefficient-of-variation weights: indicator ${ind} has mean 0, so σ/|mean| is undefined; use standard-deviation or entropy weights, or an indicator on a ratio scale`,
      );
    mean[j] = s.mean;
    sd[j] = s.sd;
    cv[j] = s.sd / Math.abs(s.mean);
  }
  const { weights, equal } = normalizeOrEqual(cv);
  return equal ? { weights, mean, sd, cv, note: "no indicator varies over the graded rows (every σ is 0): the weights are equal" } : { weights, mean, sd, cv };
}
