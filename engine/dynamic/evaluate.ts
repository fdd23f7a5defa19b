/**
 * Dynamic comprehensive evaluation of a window of periods (docs/methods.md §4): each enterprise's period
 * scores combined by TOWA with maximum-entropy time weights (time degree λ), an optional growth
 * term from period-to-period differences, and — when the scheme weights by `scatter-degree` — the
 * period scores recomputed from the indicator cube with the vertical-and-horizontal scatter degree
 * weights. Ranks and grades of the combined score follow the scheme's grading.
 */
import type { Grading, Indicator } from "../scheme/types.js";
import { assignGrades } from "../score/grade.js";
import { competitionRanks } from "../score/rank.js";
import { DynamicError } from "./errors.js";
import { gradeIndices, scoreTrend } from "./movement.js";
import type { Panel } from "./panel.js";
import { periodScores, scatterDegree, type Cube } from "../score/weights/scatter-degree.js";
import { solveTimeWeights } from "./time-weights.js";
import { dynamicScore } from "./towa.js";

export interface DynamicOptions {
  /** Time degree: 0.5 equal, below favours recent periods. */
  lambda: number;
  /** Share of the growth term (0 = level only). */
  growth: number;
  /** Enterprises with fewer scored periods get no dynamic score. */
  minPeriods: number;
}

export interface DynamicResult {
  panel: Panel;
  timeWeights: Float64Array;
  /** Indicator weights: the scatter-degree weights when used, else undefined (period scores as published). */
  indicatorWeights?: { indicator: string; weight: number }[];
  /** The period scores combined (published ones, or scatter-degree ones). */
  periodScores: Float64Array[];
  score: Float64Array;
  level: Float64Array;
  growthPart: Float64Array;
  periodsUsed: Int32Array;
  rank: Int32Array;
  grade: string[];
  /** Slope of the period scores over the window, per enterprise. */
  trend: Float64Array;
  notes: string[];
}

/**
 * `cube`, when given, holds each period's indicator values (benefit-oriented: cost indicators
 * negated) for scatter-degree weighting; otherwise the published period scores are combined.
 */
export function evaluateDynamic(panel: Panel, grading: Grading, options: DynamicOptions, cube?: { indicators: Indicator[]; values: Cube }): DynamicResult {
  const p = panel.periods.length;
  if (p === 0) throw new DynamicError("no periods to combine");
  const tw = solveTimeWeights(p, options.lambda).weights;
  const notes: string[] = [];
  let scores = panel.score;
  let indicatorWeights: DynamicResult["indicatorWeights"];
  if (cube) {
    const sd = scatterDegree(cube.values);
    if (sd.note) notes.push(sd.note);
    indicatorWeights = cube.indicators.map((ind, j) => ({ indicator: ind.id, weight: sd.weights[j] }));
    scores = periodScores(cube.values, sd.weights, sd);
    // Only graded enterprises take part, as in the published period scores.
    scores.forEach((s, k) => keepScored(panel.score[k], s));
  }
  const d = dynamicScore(scores, tw, { growth: options.growth, minPeriods: options.minPeriods });
  const n = panel.ids.length;
  const rows = scoredRows(d.score);
  const rank = new Int32Array(n);
  const grade: string[] = new Array(n).fill("");
  competitionRanks(d.score, rows, rank);
  const g: Grading = grading.method === "rsr-probit" ? { ...grading, method: "natural-breaks" } : grading;
  if (grading.method === "rsr-probit") notes.push("Probit grading needs RSR values: the dynamic scores are graded by natural breaks");
  assignGrades(g, { score: d.score, rank, rows, rsr: d.score }, grade);
  // The grades are checked as movement() checks them; only the last period's trend is needed.
  gradeIndices(panel, grading.grades);
  const trend = scoreTrend(scores, p - 1);
  return { panel, timeWeights: tw, indicatorWeights, periodScores: scores, score: d.score, level: d.level, growthPart: d.growth, periodsUsed: d.periodsUsed, rank, grade, trend, notes };
}

/** NaN in `s` wherever `published` is NaN. */
function keepScored(published: Float64Array, s: Float64Array): void {
  for (let i = 0; i < s.length; i++) if (published[i] !== published[i]) s[i] = NaN;
}

/** The indices where `score` is not NaN, ascending. */
function scoredRows(score: Float64Array): Int32Array {
  let c = 0;
  for (let i = 0; i < score.length; i++) if (score[i] === score[i]) c++;
  const rows = new Int32Array(c);
  for (let i = 0, r = 0; i < score.length; i++) if (score[i] === score[i]) rows[r++] = i;
  return rows;
}
