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
export function imputeMissing(norm: Float64Array, pop: Uint8Array, policy: Exclude<MissingPolicy, "exclude">): Imputed {
  let filled = 0, count = 0, sum = 0, min = Infinity;
  for (let i = 0; i < norm.length; i++) {
    if (pop[i] === 0) continue;
    const v = norm[i];
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
  for (let i = 0; i < norm.length; i++) if (pop[i] === 1 && norm[i] !== norm[i]) norm[i] = value;
  return { filled, value };
}
