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
  const acc = new Float64Array(4);
  observedStats(norm, pop, acc);
  const [filled, count, sum, min] = acc;
  if (filled === 0) return { filled, value: NaN };
  // With no observed value at all, every policy falls back to 0: nothing is known about anyone.
  const value = count === 0 || policy === "zero" ? 0 : policy === "worst" ? min : sum / count;
  fill(norm, pop, value);
  return { filled, value };
}

/** The population rows where `x` is missing (NaN), ascending. */
export function missingRows(x: Float64Array, pop: Uint8Array): number[] {
  const rows: number[] = [];
  for (let i = 0; i < x.length; i++) if (pop[i] === 1 && x[i] !== x[i]) rows.push(i);
  return rows;
}

// The loops of imputeMissing, each alone in a leaf function (see normalize/kernel.ts).

/** [missing, observed, sum, min] over the population rows. */
function observedStats(x: Float64Array, pop: Uint8Array, acc: Float64Array): void {
  let missing = 0, count = 0, sum = 0, min = Infinity;
  for (let i = 0; i < x.length; i++) {
    if (pop[i] === 0) continue;
    const v = x[i];
    if (v !== v) missing++;
    else {
      count++;
      sum += v;
      if (v < min) min = v;
    }
  }
  acc[0] = missing;
  acc[1] = count;
  acc[2] = sum;
  acc[3] = min;
}

function fill(x: Float64Array, pop: Uint8Array, value: number): void {
  for (let i = 0; i < x.length; i++) if (pop[i] === 1 && x[i] !== x[i]) x[i] = value;
}
