/**
 * Natural-breaks grading: the graded population's scores are split into k = (number of grades)
 * classes by optimal one-dimensional k-means — simple-statistics' `ckmeans`, Wang & Song,
 * "Ckmeans.1d.dp: optimal k-means clustering in one dimension by dynamic programming", The R Journal
 * 3(2), 2011 (the exact optimum that Jenks' natural breaks approximates). The highest class takes the
 * first (best) grade, the next the second, and so on.
 *
 * Each grade is then given by its lowest score (its break), and an enterprise gets the first grade
 * whose break it reaches — as with `bands` — so equal scores always share a grade even if an optimal
 * partition were to split a run of equal values.
 *
 * Fewer distinct scores d than grades: every distinct score is its own class, the highest taking the
 * first grade, the next the second…, and the last k − d grades stay unused (their break is NaN).
 */
import { ckmeans } from "simple-statistics";
import { gatherKeys } from "../kernels/gather.js";

/** Writes `out[row]` for every row; returns each grade's break (its lowest score), best grade first. */
export function naturalBreakGrades(score: Float64Array, rows: Int32Array, grades: string[], out: string[]): number[] {
  const k = grades.length;
  if (k < 1) throw new RangeError("natural-breaks grading needs at least one grade");
  const sorted = new Float64Array(rows.length);
  gatherKeys(score, rows, sorted, 0, rows.length);
  const bad = firstNonFinite(sorted, rows);
  if (bad >= 0) throw new RangeError(`natural-breaks grading: row ${bad} has no finite score (${score[bad]})`);
  sorted.sort();
  const breaks: number[] = new Array(k).fill(NaN);
  const distinct = distinctAscending(sorted);
  if (distinct.length === 0) return breaks;
  if (distinct.length <= k) {
    // One class per distinct score (ckmeans would have to split equal values to make k classes).
    for (let g = 0; g < distinct.length; g++) breaks[g] = distinct[distinct.length - 1 - g];
  } else {
    const classes = ckmeans(Array.from(sorted), k); // ascending classes
    for (let g = 0; g < k; g++) breaks[g] = classes[k - 1 - g][0];
  }
  assign(score, rows, breaks, grades, out);
  return breaks;
}

/** The first of `rows` whose gathered score is not finite, or −1. */
function firstNonFinite(values: Float64Array, rows: Int32Array): number {
  for (let p = 0; p < values.length; p++) if (!Number.isFinite(values[p])) return rows[p];
  return -1;
}

/** The distinct values of an ascending array. */
function distinctAscending(sorted: Float64Array): Float64Array {
  const out = new Float64Array(sorted.length);
  let d = 0;
  for (let p = 0; p < sorted.length; p++) if (p === 0 || sorted[p] !== sorted[p - 1]) out[d++] = sorted[p];
  return out.subarray(0, d);
}

/** The first grade whose break the score reaches (NaN breaks are never reached). */
function assign(score: Float64Array, rows: Int32Array, breaks: number[], grades: string[], out: string[]): void {
  const last = breaks.length - 1;
  for (let p = 0; p < rows.length; p++) {
    const v = score[rows[p]];
    let g = 0;
    while (g < last && !(v >= breaks[g])) g++;
    out[rows[p]] = grades[g];
  }
}
