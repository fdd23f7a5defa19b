/**
 * Missing values after normalisation, by the indicator's policy (DOMAIN.md §2): `worst` gives the
 * lowest normalised value observed, `mean-score` the mean normalised value (Huangyan gives a firm
 * without emission data the item's average score), `zero` gives 0. `exclude` is decided before
 * normalisation (the enterprise leaves the graded population), so it never reaches here.
 */
import { forBlocks } from "../blocks.js";
import type { MissingPolicy } from "../scheme/types.js";

export interface Imputed {
  /** How many population rows were filled. */
  filled: number;
  /** The value they were given. */
  value: number;
}

/** Fills NaNs of `norm` at the population rows, in place. */
export function imputeMissing(norm: Float64Array, pop: Uint8Array, policy: Exclude<MissingPolicy, "exclude">): Imputed {
  const acc = Float64Array.of(0, 0, 0, Infinity);
  forBlocks(norm.length, (b, e) => observedStats(norm, pop, acc, b, e));
  const [filled, count, sum, min] = acc;
  if (filled === 0) return { filled, value: NaN };
  // With no observed value at all, every policy falls back to 0: nothing is known about anyone.
  const value = count === 0 || policy === "zero" ? 0 : policy === "worst" ? min : sum / count;
  forBlocks(norm.length, (b, e) => fill(norm, pop, value, b, e));
  return { filled, value };
}

/** The population rows where `x` is missing (NaN), ascending. */
export function missingRows(x: Float64Array, pop: Uint8Array): number[] {
  const rows: number[] = [];
  forBlocks(x.length, (b, e) => pushMissing(x, pop, rows, b, e));
  return rows;
}

// The loops, each alone in a leaf function called per block of rows (see normalize/kernel.ts).

function pushMissing(x: Float64Array, pop: Uint8Array, rows: number[], b: number, e: number): void {
  for (let i = b; i < e; i++) if (pop[i] === 1 && x[i] !== x[i]) rows.push(i);
}

/** [missing, observed, sum, min] over the population rows [b, e), continued from `acc`. */
function observedStats(x: Float64Array, pop: Uint8Array, acc: Float64Array, b: number, e: number): void {
  let missing = acc[0], count = acc[1], sum = acc[2], min = acc[3];
  for (let i = b; i < e; i++) {
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

function fill(x: Float64Array, pop: Uint8Array, value: number, b: number, e: number): void {
  for (let i = b; i < e; i++) if (pop[i] === 1 && x[i] !== x[i]) x[i] = value;
}
