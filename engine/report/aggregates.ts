/**
 * Aggregates of other enterprises that a card may show: counts, medians and quantiles — never an
 * individual's figure. An aggregate over fewer than {@link MIN_GROUP} enterprises is suppressed
 * (undefined), the small-cell rule of statistical disclosure control (a "threshold rule": Hundepool
 * et al., Statistical Disclosure Control, Wiley 2012, §5.2; Eurostat's minimum frequency of 3).
 */
import { quantileSorted } from "../score/quantile.js";

/** The fewest enterprises an aggregate may be computed over. */
export const MIN_GROUP = 3;

/**
 * The q-quantile of the finite values at `rows` (type 7, numpy's default linear interpolation:
 * h = (n − 1)q, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])); undefined when fewer than MIN_GROUP
 * values are finite.
 */
export function quantileOf(x: Float64Array, rows: ArrayLike<number>, q: number): number | undefined {
  const v = finiteSorted(x, rows);
  return v.length < MIN_GROUP ? undefined : quantileSorted(v, q);
}

/** Median, quartiles and count of the finite values at `rows`, or undefined under MIN_GROUP. */
export interface Summary {
  n: number;
  q1: number;
  median: number;
  q3: number;
}

export function summarize(x: Float64Array, rows: ArrayLike<number>): Summary | undefined {
  const v = finiteSorted(x, rows);
  if (v.length < MIN_GROUP) return undefined;
  return { n: v.length, q1: quantileSorted(v, 0.25), median: quantileSorted(v, 0.5), q3: quantileSorted(v, 0.75) };
}

function finiteSorted(x: Float64Array, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length);
  let k = 0;
  for (let r = 0; r < rows.length; r++) {
    const v = x[rows[r]];
    if (Number.isFinite(v)) out[k++] = v;
  }
  return out.subarray(0, k).sort();
}
