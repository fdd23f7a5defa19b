import type { Direction } from "../../scheme/types.js";
import { constantColumn, inverse, linear, NormalizeError, reciprocalSum, requireNonNegative, stats, type Normalized } from "./kernel.js";

/**
 * Sum: benefit x/Σx, cost (1/x)/Σ(1/x), sums over the observed population (scores sum to 1).
 * The "sum" normalisation of the MCDM literature (e.g. Vafaei, Ribeiro & Camarinha-Matos,
 * "Normalization techniques for multi-criteria decision making", DoCEIS 2016; Jahan & Edwards,
 * Materials & Design 65, 2015) and the p_ij of entropy weighting (docs/methods.md §3).
 *
 * Negative values are an error. Cost: a zero among positive values makes 1/x infinite — an error.
 * A constant column (all zero included) gives every observed enterprise 1/n, its equal share.
 */
export function sum(x: Float64Array, pop: Uint8Array, direction: Direction): Normalized {
  const s = stats(x, pop);
  const missing = s.size - s.count;
  requireNonNegative(s, "sum");
  if (!(s.max > s.min)) return { ...constantColumn(x, pop, 1 / s.count, s), constant: true, missing };
  if (direction === "benefit") return { ...linear(x, pop, 1, 0, s.sum, 0, -Infinity, Infinity, s), constant: false, missing };
  if (s.min === 0)
    throw new NormalizeError(`"sum" normalisation of a cost indicator is (1/x)/Σ(1/x), undefined when some values are 0 and others not; use minmax, rank or target`);
  return { values: inverse(x, pop, 1, reciprocalSum(x, pop)), constant: false, missing };
}
