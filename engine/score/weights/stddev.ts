/**
 * Standard-deviation weights: w_j = σ_j / Σ_k σ_k, σ over the graded rows (the "SD" objective
 * method of Diakoulaki, Mavrotas & Papayannakis 1995 and Jahan & Edwards 2013; pymcdm's
 * standard_deviation_weights). σ is the sample standard deviation (n − 1), as pymcdm's
 * np.std(ddof=1); the population one would give the same weights (see moments.ts).
 *
 * The columns are used as passed: the caller normalises first when the indicators have different
 * units (σ of raw tax per mu and raw energy per output are not comparable). If every σ is 0 (all
 * columns constant, or one graded row) the weights are equal, said in `note`.
 */
import { checkColumns, moments, normalizeOrEqual } from "./moments.js";

export type StddevWeights = {
  weights: Float64Array;
  /** σ_j, sample (n − 1). */
  sd: Float64Array;
  note?: string;
};

export function stddevWeights(cols: readonly Float64Array[], pop: Uint8Array): StddevWeights {
  checkColumns(cols, pop, "standard-deviation weights");
  const sd = Float64Array.from(cols, (x) => moments(x, pop).sd);
  const { weights, equal } = normalizeOrEqual(sd);
  return equal ? { weights, sd, note: "no indicator varies over the graded rows (every σ is 0): the weights are equal" } : { weights, sd };
}
