/**
 * Agreement between two rankings of the same enterprises (rank 1 = best).
 *
 * - Spearman's ρ: the Pearson correlation of the ranks, ties given their average rank (the
 *   definition that stays exact with ties; Spearman 1904).
 * - Weighted Spearman r_W (Pinto da Costa & Soares 2005, "A weighted rank measure of correlation",
 *   Aust. N. Z. J. Stat. 47(4)): r_W = 1 − 6 Σ (R_i − Q_i)² ((N − R_i + 1) + (N − Q_i + 1)) / (N⁴ + N³ − N² − N),
 *   which weighs disagreements at the top of the ranking more — the coefficient MCDA comparisons use
 *   (Sałabun & Urbaniak 2020; pymcdm's `weighted_spearman`).
 * - WS similarity (Sałabun & Urbaniak 2020): WS = 1 − Σ 2^(−R_i) |R_i − Q_i| / max(|R_i − 1|, |R_i − N|),
 *   asymmetric: R is the reference ranking.
 */
import { ascendingOrder, midRanks } from "../score/rank.js";

/** Average ranks (1 = highest score), ties sharing the mean of the positions they occupy. */
export function averageRanks(score: Float64Array): Float64Array {
  const n = score.length;
  const out = new Float64Array(n);
  midRanks(score, ascendingOrder(score, Int32Array.from({ length: n }, (_, i) => i)), out); // 1 = lowest
  for (let i = 0; i < n; i++) out[i] = n + 1 - out[i];
  return out;
}

export function spearman(r: Float64Array, q: Float64Array): number {
  const n = r.length;
  if (n < 2) return NaN;
  let mr = 0, mq = 0;
  for (let i = 0; i < n; i++) {
    mr += r[i];
    mq += q[i];
  }
  mr /= n;
  mq /= n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const a = r[i] - mr, b = q[i] - mq;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

export function weightedSpearman(r: Float64Array, q: Float64Array): number {
  const n = r.length;
  if (n < 2) return NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += (r[i] - q[i]) ** 2 * (n - r[i] + 1 + (n - q[i] + 1));
  return 1 - (6 * s) / (n ** 4 + n ** 3 - n ** 2 - n);
}

export function wsSimilarity(reference: Float64Array, other: Float64Array): number {
  const n = reference.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const r = reference[i];
    const d = Math.max(Math.abs(r - 1), Math.abs(r - n));
    if (d > 0) s += 2 ** -r * (Math.abs(r - other[i]) / d);
  }
  return 1 - s;
}
