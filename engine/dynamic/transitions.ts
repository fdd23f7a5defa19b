/**
 * The grade transition matrix between two periods a → b (any two; usually consecutive years), with
 * the enterprises that do not make a graded-to-graded move accounted for separately, so that every
 * enterprise present in a or b is counted exactly once:
 *
 *   graded in a, graded in b            → counts[g_a][g_b]
 *   graded in a, present ungraded in b  → toNotGraded[g_a]
 *   graded in a, absent from b          → exits[g_a]
 *   ungraded in a, graded in b          → fromNotGraded[g_b]
 *   absent from a, graded in b          → entries[g_b]
 *   ungraded in a, ungraded in b        → notGradedBoth
 *   ungraded in a, absent from b        → exitsNotGraded
 *   absent from a, ungraded in b        → entriesNotGraded
 *
 * "Present" is the panel's `present` flag (listed at all); "graded" a grade in the list `grades`
 * (best first). `shares[g_a][g_b]` is counts[g_a][g_b] / Σ_g counts[g_a][g] — the row shares of the
 * enterprises graded in both periods, the empirical one-step transition probabilities (Anderson &
 * Goodman, "Statistical inference about Markov chains", Ann. Math. Stat. 28, 1957) — NaN for a row
 * with no such enterprise. Exits and moves to "not graded" are not in the denominator; they are
 * reported beside the matrix.
 */
import { DynamicError } from "./errors.js";
import { gradeIndices, periodIndex } from "./movement.js";
import type { Panel } from "./panel.js";

export interface Transitions {
  from: string;
  to: string;
  grades: string[];
  /** counts[g_a][g_b], graded in both periods. */
  counts: number[][];
  /** Row shares of counts (NaN for an empty row). */
  shares: number[][];
  /** Per grade in a: enterprises graded in both, the row totals of counts. */
  rowTotals: number[];
  /** Per grade in b: absent from a, graded in b. */
  entries: number[];
  /** Per grade in a: graded in a, absent from b. */
  exits: number[];
  /** Per grade in a: graded in a, present but not graded in b. */
  toNotGraded: number[];
  /** Per grade in b: present but not graded in a, graded in b. */
  fromNotGraded: number[];
  notGradedBoth: number;
  entriesNotGraded: number;
  exitsNotGraded: number;
  /** Ids of the entrants (absent from a, present in b) and of the leavers (present in a, absent from b), panel order. */
  entryIds: string[];
  exitIds: string[];
}

/** The transition matrix a → b; periods by index (0 = oldest) or label. */
export function transitions(panel: Panel, a: number | string, b: number | string, grades: readonly string[]): Transitions {
  const ka = periodIndex(panel, a), kb = periodIndex(panel, b);
  const index = gradeIndices(panel, grades);
  const ga = index[ka], gb = index[kb];
  const pa = panel.present[ka], pb = panel.present[kb];
  const g = grades.length;
  const counts = Array.from({ length: g }, () => new Array<number>(g).fill(0));
  const zeros = (): number[] => new Array<number>(g).fill(0);
  const entries = zeros(), exits = zeros(), toNotGraded = zeros(), fromNotGraded = zeros();
  let notGradedBoth = 0, entriesNotGraded = 0, exitsNotGraded = 0;
  const entryIds: string[] = [], exitIds: string[] = [];
  for (let i = 0; i < panel.ids.length; i++) {
    const inA = pa[i] === 1, inB = pb[i] === 1;
    if (!inA && !inB) continue;
    // A graded enterprise is always listed; a grade without the present flag is an inconsistent panel.
    if ((ga[i] >= 0 && !inA) || (gb[i] >= 0 && !inB))
      throw new DynamicError(`transitions: enterprise ${panel.ids[i]} has a grade in a period where it is not listed as present`);
    if (!inA) entryIds.push(panel.ids[i]);
    if (!inB) exitIds.push(panel.ids[i]);
    const x = ga[i], y = gb[i];
    if (x >= 0) {
      if (y >= 0) counts[x][y]++;
      else if (inB) toNotGraded[x]++;
      else exits[x]++;
    } else if (inA) {
      if (y >= 0) fromNotGraded[y]++;
      else if (inB) notGradedBoth++;
      else exitsNotGraded++;
    } else {
      if (y >= 0) entries[y]++;
      else entriesNotGraded++;
    }
  }
  const rowTotals = counts.map((row) => row.reduce((s, c) => s + c, 0));
  const shares = counts.map((row, r) => row.map((c) => (rowTotals[r] > 0 ? c / rowTotals[r] : NaN)));
  return {
    from: panel.periods[ka],
    to: panel.periods[kb],
    grades: [...grades],
    counts,
    shares,
    rowTotals,
    entries,
    exits,
    toNotGraded,
    fromNotGraded,
    notGradedBoth,
    entriesNotGraded,
    exitsNotGraded,
    entryIds,
    exitIds,
  };
}
