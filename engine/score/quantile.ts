/**
 * The sample quantile every part of parkscore uses (outlier treatment, report aggregates, rank
 * intervals, bootstrap intervals). Quantile of sorted values, R's type 7 (numpy "linear", Excel PERCENTILE.INC, simple-statistics
 * 7.x `quantileSorted`): h = (n − 1)·p, q = s[⌊h⌋] + (h − ⌊h⌋)·(s[⌊h⌋ + 1] − s[⌊h⌋]).
 * Hyndman & Fan, "Sample quantiles in statistical packages", The American Statistician 50(4), 1996.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  const f = h - lo;
  return f === 0 ? sorted[lo] : sorted[lo] + f * (sorted[lo + 1] - sorted[lo]);
}
