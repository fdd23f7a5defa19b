/**
 * Rank intervals and grade stability from the Monte Carlo sample (COINr's `get_sensitivity`
 * "Rank summary": nominal, median and the 5th–95th percentile ranks; OECD/JRC Handbook step 7).
 *
 * Per enterprise, over the samples in which it was ranked: `rank_median`, `rank_p05`, `rank_p95`
 * (type-7 quantiles, numpy's default), `rank_mean`; `grade_share_<g>` the share of all samples in
 * grade g; `grade_stability` the share of samples in its nominal grade; `ranked_share` the share of
 * samples in which it was ranked at all (below 1 only when a missing-data choice excludes it).
 * An enterprise excluded nominally (no value under an `exclude` policy) but ranked in some samples
 * has their statistics, with no nominal rank, grade or stability; one not eligible has empty cells.
 */
import type { OutputColumn } from "../data/table.js";
import type { PeriodResult } from "../score/types.js";
import { quantileSorted } from "../score/quantile.js";
import type { RunOutputs } from "./workers.js";

export interface RankIntervals {
  ids: string[];
  names: string[];
  rankNominal: Int32Array;
  rankMedian: Float64Array;
  rankP05: Float64Array;
  rankP95: Float64Array;
  rankMean: Float64Array;
  gradeNominal: string[];
  /** Per grade (the scheme's order), the share of samples in it. */
  gradeShare: Map<string, Float64Array>;
  gradeStability: Float64Array;
  rankedShare: Float64Array;
}

export function rankIntervals(nominal: PeriodResult, grades: readonly string[], runs: Pick<RunOutputs, "n" | "samples" | "ranks" | "grades">): RankIntervals {
  const { n, samples: s } = runs;
  const nan = () => new Float64Array(n).fill(NaN);
  const out: RankIntervals = {
    ids: nominal.ids,
    names: nominal.names,
    rankNominal: nominal.rank,
    rankMedian: nan(),
    rankP05: nan(),
    rankP95: nan(),
    rankMean: nan(),
    gradeNominal: nominal.grade,
    gradeShare: new Map(grades.map((g) => [g, nan()])),
    gradeStability: nan(),
    rankedShare: nan(),
  };
  const shares = grades.map((g) => out.gradeShare.get(g)!);
  const buf = new Float64Array(s);
  const counts = new Int32Array(grades.length + 1);
  for (let i = 0; i < n; i++) {
    if (nominal.status[i] === "not-graded") continue; // never eligible, whatever the method
    let m = 0, sum = 0;
    counts.fill(0);
    for (let k = 0; k < s; k++) {
      const r = runs.ranks[k * n + i];
      counts[runs.grades[k * n + i]]++;
      if (r > 0) {
        buf[m++] = r;
        sum += r;
      }
    }
    const sorted = buf.subarray(0, m).sort();
    out.rankMedian[i] = quantileSorted(sorted, 0.5);
    out.rankP05[i] = quantileSorted(sorted, 0.05);
    out.rankP95[i] = quantileSorted(sorted, 0.95);
    out.rankMean[i] = m ? sum / m : 0 / 0; // 0 / 0: see engine/kernels/README.md
    out.rankedShare[i] = s ? m / s : 0 / 0;
    shares.forEach((sh, g) => (sh[i] = s ? counts[g + 1] / s : 0 / 0));
    const g0 = grades.indexOf(nominal.grade[i]);
    out.gradeStability[i] = s && g0 >= 0 ? counts[g0 + 1] / s : 0 / 0;
  }
  return out;
}

/** The columns of rank-intervals.csv / .arrow, in order. */
export function intervalsTable(r: RankIntervals): OutputColumn[] {
  return [
    { name: "id", type: "text", values: r.ids },
    { name: "name", type: "text", values: r.names },
    { name: "rank_nominal", type: "rank", values: r.rankNominal },
    { name: "rank_median", type: "number", values: r.rankMedian },
    { name: "rank_p05", type: "number", values: r.rankP05 },
    { name: "rank_p95", type: "number", values: r.rankP95 },
    { name: "rank_mean", type: "number", values: r.rankMean },
    { name: "grade_nominal", type: "text", values: r.gradeNominal },
    ...[...r.gradeShare].map(([g, v]): OutputColumn => ({ name: `grade_share_${g}`, type: "number", values: v })),
    { name: "grade_stability", type: "number", values: r.gradeStability },
    { name: "ranked_share", type: "number", values: r.rankedShare },
  ];
}
