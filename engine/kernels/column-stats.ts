/**
 * Column statistics over the graded population (mask `pop`, 1 = graded), skipping missing values,
 * shared by normalisation, weighting and aggregation.
 */

/** [min, max] of the population's values into `out` (±Infinity when there are none). */
export function extent(x: Float64Array, pop: Uint8Array, out: Float64Array): void {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (pop[i] === 0) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  out[0] = lo;
  out[1] = hi;
}

/** Σ (x − mean)² over the population's values. */
export function squaredDeviations(x: Float64Array, pop: Uint8Array, mean: number): number {
  let ss = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (pop[i] === 1 && v === v) ss += (v - mean) * (v - mean);
  }
  return ss;
}
