/**
 * Missing values after normalisation, by the indicator's policy (docs/methods.md §1): `worst` gives the
 * lowest normalised value observed, `mean-score` the mean normalised value (Huangyan gives a firm
 * without emission data the item's average score), `zero` gives 0. `exclude` is decided before
 * normalisation (the enterprise leaves the graded population), so it never reaches here.
 */
import { listingBlocks } from "../kernels/blocks.js";
import type { MissingPolicy } from "../scheme/types.js";
import type { Normalized } from "./normalize/index.js";

export interface Imputed {
  /** How many population rows were filled. */
  filled: number;
  /** The value they were given. */
  value: number;
  /** The rows filled, ascending. */
  rows: number[];
}

/**
 * Fills NaNs of `norm` at the population rows, in place. When the normalisation listed its gaps and
 * knows its range (normalize/kernel.ts `linear`), `worst` and `zero` fill the gaps alone, with no pass
 * over the column; otherwise one pass finds the gaps and the observed values' statistics, then the
 * gaps alone are written.
 */
export function imputeMissing(norm: Float64Array, pop: Uint8Array, policy: Exclude<MissingPolicy, "exclude">, known: Pick<Normalized, "range" | "gaps"> = {}): Imputed {
  const { gaps, range } = known;
  if (gaps !== undefined && (policy === "zero" || (policy === "worst" && range !== undefined))) return fill(norm, gaps, policy === "zero" ? 0 : range!.min);
  const acc = Float64Array.of(0, 0, Infinity); // observed count, sum, min
  const rows = listingBlocks(norm.length, (b, e, listed) => observedStats(norm, pop, acc, listed, b, e));
  const [count, sum, min] = acc;
  // With no observed value at all, every policy falls back to 0: nothing is known about anyone.
  return fill(norm, rows, count === 0 || policy === "zero" ? 0 : policy === "worst" ? min : sum / count);
}

function fill(norm: Float64Array, rows: number[], value: number): Imputed {
  if (rows.length === 0) return { filled: 0, value: NaN, rows };
  fillRows(norm, rows, value);
  return { filled: rows.length, value, rows };
}

function fillRows(x: Float64Array, rows: number[], value: number): void {
  for (let k = 0; k < rows.length; k++) x[rows[k]] = value;
}

/** Rows [b, e) of the population: the observed values' [count, sum, min] continued in `acc`; the missing rows listed in `rows`, their number returned (engine/kernels/blocks.ts `listingBlocks`). */
function observedStats(x: Float64Array, pop: Uint8Array, acc: Float64Array, rows: Int32Array, b: number, e: number): number {
  let count = acc[0], sum = acc[1], min = acc[2];
  let k = 0;
  for (let i = b; i < e; i++) {
    if (pop[i] === 0) continue;
    const v = x[i];
    const missing = v !== v;
    rows[k] = i;
    k += missing ? 1 : 0;
    if (missing) continue;
    count++;
    sum += v;
    if (v < min) min = v;
  }
  acc[0] = count;
  acc[1] = sum;
  acc[2] = min;
  return k;
}
