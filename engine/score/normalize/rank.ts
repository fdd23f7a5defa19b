import type { Direction } from "../../scheme/types.js";
import { constantColumn, sortedObserved, stats, type Normalized } from "./kernel.js";

/**
 * Rank normalisation: r = (R − 1)/(n − 1), R the enterprise's rank from the worst (1) to the best
 * (n), ties given the average of the ranks they span (mid-rank), n the observed population. The
 * best scores 1, the worst 0, equal values equal scores. Cost reverses (the lowest value ranks
 * best). A column with one distinct value, a single enterprise included (n = 1, where (n − 1) is 0),
 * gives 1 and is flagged constant, as min-max does.
 *
 * OECD/JRC Handbook (2008), table 3 ("ranking"); COINr's n_prank computes (R − 1)/(n − 1) with
 * `ties.method = "min"`: here ties are averaged instead, so that tied enterprises do not all get
 * the lowest score of their block and the scores sum to n/2 whatever the ties.
 */
export function rank(x: Float64Array, pop: Uint8Array, direction: Direction): Normalized {
  return ranked(x, pop, direction, RANK);
}

/**
 * Mid-rank percentile: p = (B + E/2)/n, B the number of population values strictly worse, E the
 * number equal (the enterprise itself included), n the observed population — the share of the
 * population below plus half the share tied with it (the "mid-rank" or "mid-distribution" percentile,
 * e.g. as scipy.stats.percentileofscore(kind="mean")). Scores lie in (0, 1): the best of n distinct
 * values gets 1 − 1/(2n), a constant column (a single enterprise too) 0.5, flagged constant. Cost
 * counts the values strictly greater as worse.
 */
export function percentile(x: Float64Array, pop: Uint8Array, direction: Direction): Normalized {
  return ranked(x, pop, direction, PERCENTILE);
}

const RANK = 0;
const PERCENTILE = 1;

function ranked(x: Float64Array, pop: Uint8Array, direction: Direction, kind: number): Normalized {
  const s = stats(x, pop);
  const missing = s.size - s.count;
  const constant = !(s.max > s.min);
  if (constant && kind === RANK) return { values: constantColumn(x, pop, 1), constant, missing };
  const sorted = sortedObserved(x, pop);
  const values = new Float64Array(x.length);
  rankKernel(x, pop, sorted, kind, direction === "benefit" ? 0 : 1, values);
  return { values, constant, missing };
}

/**
 * For each population row: below = values < v, equal = values = v (binary searches in the sorted
 * observed values), above = n − below − equal; the worse side is `below` for benefit, `above` for
 * cost. Rank: (worse + (equal − 1)/2)/(n − 1), i.e. (mid-rank − 1)/(n − 1). Percentile:
 * (worse + equal/2)/n.
 */
function rankKernel(x: Float64Array, pop: Uint8Array, sorted: Float64Array, kind: number, cost: number, out: Float64Array): void {
  const n = sorted.length;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (pop[i] === 0 || v !== v) {
      out[i] = NaN;
      continue;
    }
    const below = lowerBound(sorted, v);
    const equal = upperBound(sorted, v) - below;
    const worse = cost === 0 ? below : n - below - equal;
    out[i] = kind === RANK ? (worse + (equal - 1) / 2) / (n - 1) : (worse + equal / 2) / n;
  }
}

/** The first index whose value is ≥ v (sorted ascending, no NaN). */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose value is > v. */
function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
