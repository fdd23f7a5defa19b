/**
 * The same period under several aggregation methods, and how much their rankings agree — so an
 * evaluator can show whether a ranking depends on the method chosen (OECD/JRC Handbook 2008, step 7).
 */
import type { Frame } from "../data/frame.js";
import type { OutputColumn } from "../data/table.js";
import type { AggregationMethod, Grading, Scheme } from "../scheme/types.js";
import { scorePeriod } from "../score/period.js";
import type { PeriodResult } from "../score/types.js";
import { averageRanks, spearman, weightedSpearman, wsSimilarity } from "./rank-correlation.js";

export interface RankAgreement {
  a: string;
  b: string;
  /** Enterprises graded under both. */
  n: number;
  spearman: number;
  weightedSpearman: number;
  /** WS similarity of b to a (a is the reference). */
  ws: number;
}

export interface MethodComparison {
  methods: AggregationMethod[];
  results: PeriodResult[];
  agreement: RankAgreement[];
}

export function compareMethods(frame: Frame, scheme: Scheme, methods: AggregationMethod[]): MethodComparison {
  const results = methods.map((m) => scorePeriod(frame, withAggregation(scheme, m)));
  const graded = results[0].status.map((s, i) => s === "graded" && results.every((r) => r.status[i] === "graded"));
  const rows = graded.flatMap((g, i) => (g ? [i] : []));
  const ranks = results.map((r) => averageRanks(Float64Array.from(rows, (i) => r.score[i])));
  const agreement: RankAgreement[] = [];
  for (let a = 0; a < methods.length; a++)
    for (let b = a + 1; b < methods.length; b++)
      agreement.push({
        a: methods[a],
        b: methods[b],
        n: rows.length,
        spearman: spearman(ranks[a], ranks[b]),
        weightedSpearman: weightedSpearman(ranks[a], ranks[b]),
        ws: wsSimilarity(ranks[a], ranks[b]),
      });
  return { methods, results, agreement };
}

/**
 * The scheme with another aggregation method. Rank-sum-ratio's Probit grading only fits RSR values,
 * so under any other method it becomes natural breaks over the same grades.
 */
export function withAggregation(scheme: Scheme, method: AggregationMethod): Scheme {
  let grading: Grading = scheme.grading;
  if (grading.method === "rsr-probit" && method !== "rank-sum-ratio") grading = { ...grading, method: "natural-breaks" };
  return { ...scheme, aggregation: { ...scheme.aggregation, method }, grading };
}

/** One row per enterprise: score, rank and grade under each method. */
export function comparisonTable(c: MethodComparison): OutputColumn[] {
  const first = c.results[0];
  const cols: OutputColumn[] = [
    { name: "id", type: "text", values: first.ids },
    { name: "name", type: "text", values: first.names },
    { name: "status", type: "text", values: first.status },
  ];
  c.methods.forEach((m, k) => {
    const r = c.results[k];
    cols.push({ name: `score.${m}`, type: "number", values: r.score }, { name: `rank.${m}`, type: "rank", values: r.rank }, { name: `grade.${m}`, type: "text", values: r.grade });
  });
  return cols;
}

export function agreementTable(c: MethodComparison): OutputColumn[] {
  const a = c.agreement;
  return [
    { name: "method_a", type: "text", values: a.map((x) => x.a) },
    { name: "method_b", type: "text", values: a.map((x) => x.b) },
    { name: "n", type: "number", values: Float64Array.from(a, (x) => x.n) },
    { name: "spearman", type: "number", values: Float64Array.from(a, (x) => x.spearman) },
    { name: "weighted_spearman", type: "number", values: Float64Array.from(a, (x) => x.weightedSpearman) },
    { name: "ws", type: "number", values: Float64Array.from(a, (x) => x.ws) },
  ];
}
