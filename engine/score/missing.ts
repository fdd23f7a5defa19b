/**
 * Missing values after normalisation, by the indicator's policy (DOMAIN.md §2): `worst` gives the
 * lowest normalised value observed, `mean-score` the mean normalised value (Huangyan gives a firm
 * without emission data the item's average score), `zero` gives 0. `exclude` is decided before
 * normalisation (the enterprise leaves the graded population), so it never reaches here.
 */
import type { MissingPolicy } from "../scheme/types.js";

export interface Imputed {
  /** How many population rows were filled. */
  filled: number;
  /** The value they were given. */
  value: number;
}

/** Fills NaNs of `norm` at the population rows, in place. */
export function imputeMissing(norm: Float64Array, pop: Int32Array, policy: Exclude<MissingPolicy, "exclude">): Imputed {
  let filled = 0, count = 0, sum = 0, min = Infinity;
  for (let k = 0; k < pop.length; k++) {
    const v = norm[pop[k]];
    if (v !== v) filled++;
    else {
      count++;
      sum += v;
      if (v < min) min = v;
    }
  }
  if (filled === 0) return { filled, value: NaN };
  // With no observed value at all, every policy falls back to 0: nothing is known about anyone.
  const value = count === 0 || policy === "zero" ? 0 : policy === "worst" ? min : sum / count;
  for (let k = 0; k < pop.length; k++) {
    const i = pop[k];
    if (norm[i] !== norm[i]) norm[i] = value;
  }
  return { filled, value };
}
