import { column } from "../../kernels/arena.js";
import type { Direction } from "../../scheme/types.js";
import { ascendingOrder, midRanks } from "../rank.js";
import { constantColumn, stats, type Normalized } from "./kernel.js";

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

/**
 * Mid-ranks along the sorted order of the observed values (score/rank.ts): one sort and sequential
 * passes, where two binary searches per row would cost a cache miss per step.
 */
function ranked(x: Float64Array, pop: Uint8Array, direction: Direction, kind: number): Normalized {
  const s = stats(x, pop);
  const missing = s.size - s.count;
  const constant = !(s.max > s.min);
  if (constant && kind === RANK) return { ...constantColumn(x, pop, 1, s), constant, missing };
  const rows = observedRows(x, pop, s.count);
  const values = column(x.length);
  midRanks(x, ascendingOrder(x, rows), values);
  fromMidRanks(x, pop, rows.length, kind, direction === "benefit" ? 0 : 1, values);
  return { values, constant, missing };
}

/** The population rows with a value, ascending. */
function observedRows(x: Float64Array, pop: Uint8Array, count: number): Int32Array {
  const rows = new Int32Array(count);
  for (let i = 0, k = 0; i < x.length; i++) if (pop[i] === 1 && x[i] === x[i]) rows[k++] = i;
  return rows;
}

/**
 * In place, the mid-rank R (1 = lowest value, ties averaged) of each observed population row into
 * its score, NaN elsewhere. R counted from the worst is R for benefit and n + 1 − R for cost (the
 * values strictly greater are then the worse ones); rank is (R − 1)/(n − 1), percentile
 * (R − ½)/n, which is (worse + equal/2)/n. Every step is exact on these half-integers.
 */
function fromMidRanks(x: Float64Array, pop: Uint8Array, n: number, kind: number, cost: number, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) {
    const r = cost === 0 ? out[i] : n + 1 - out[i];
    const v = kind === RANK ? (r - 1) / (n - 1) : (r - 0.5) / n;
    out[i] = pop[i] === 0 || x[i] !== x[i] ? 0 / 0 : v; // 0 / 0: see kernel.ts
  }
}
