/**
 * What it would take to reach the next grade up.
 *
 * The boundary of a grade is the lowest score that holds it: for `bands` the scheme's band; for
 * quotas, natural breaks and RSR Probit the lowest score among the enterprises (not vetoed) given
 * that grade this period — under quotas an enterprise that equals it shares its competition rank
 * (engine/score/rank.ts) and so its grade. That boundary is an order statistic of the score
 * distribution (the quota's quantile), the cut-off a published grade list reveals anyway.
 *
 * The distance is boundary − score. A single indicator j closes it, in a weighted sum
 * S = scale·Σ w_j r_j + adjustments, when its normalised value rises by Δr_j = distance/(scale·w_j)
 * (adjustments and every other value unchanged); the value in the indicator's unit is the
 * normalisation solved for x at r_j + Δr_j (invert.ts). A mean benchmark is solved together with the
 * value (it moves by Δx/n); the others' ratios can then only fall, so the target is sufficient —
 * test/engine/report/next-grade-demo.test.ts re-scores the demo with each target to show it. Other
 * population parameters (a median, z-score's mean and sd, a vector norm) are held fixed: there the
 * target is approximate, to about 1/n.
 */
import type { Indicator, Scheme } from "../scheme/types.js";
import type { PeriodResult } from "../score/types.js";
import { invertNormalized, type Inverse, type NormParams } from "./invert.js";

export interface GradeTarget {
  /** The next better grade that anyone holds (or whose band exists). */
  grade: string;
  /** Lowest score holding it. */
  boundary: number;
  /** boundary − score (> 0). */
  distance: number;
}

/** The lowest score holding each grade, by grade; bands from the scheme. */
export function gradeBoundaries(result: PeriodResult, scheme: Scheme): Map<string, number> {
  const g = scheme.grading;
  const out = new Map<string, number>();
  if (g.method === "bands") {
    g.grades.forEach((grade, k) => out.set(grade, g.bands[k]));
    return out;
  }
  for (let i = 0; i < result.n; i++) {
    if (result.status[i] !== "graded" || result.vetoed[i]) continue;
    const s = result.score[i], grade = result.grade[i];
    const cur = out.get(grade);
    if (cur === undefined || s < cur) out.set(grade, s);
  }
  return out;
}

/** The next grade up for enterprise i, or undefined (not graded, vetoed, or already in the best grade). */
export function nextGrade(i: number, result: PeriodResult, scheme: Scheme, boundaries: Map<string, number>): GradeTarget | undefined {
  if (result.status[i] !== "graded" || result.vetoed[i]) return undefined;
  const grades = scheme.grading.grades;
  const score = result.score[i];
  for (let k = grades.indexOf(result.grade[i]) - 1; k >= 0; k--) {
    const boundary = boundaries.get(grades[k]);
    if (boundary !== undefined && boundary > score) return { grade: grades[k], boundary, distance: boundary - score };
  }
  return undefined;
}

export interface Improvement {
  indicator: Indicator;
  /** The enterprise's value now (NaN when it reported none). */
  from: number;
  /** Normalised value now and the normalised gain needed. */
  norm: number;
  gain: number;
  target: Inverse;
}

/**
 * Single-indicator improvements that close `distance`, easiest first (smallest relative change of
 * the value; then those that cannot close it or are withheld). Empty unless the aggregation is a
 * weighted sum, the only one where one indicator's effect is a fixed number of points per unit of
 * normalised value.
 */
export function improvements(i: number, distance: number, result: PeriodResult, scheme: Scheme, params: Map<string, NormParams>): Improvement[] {
  if (scheme.aggregation.method !== "weighted-sum") return [];
  const scale = scheme.aggregation.scale;
  const out: Improvement[] = [];
  scheme.indicators.forEach((ind, j) => {
    const w = result.weights[j].weight;
    if (!(w > 0)) return;
    const from = result.values.get(ind.id)![i];
    const norm = result.norm.get(ind.id)![i];
    const gain = distance / (scale * w);
    const target = invertNormalized(norm + gain, ind.normalize, ind.direction, params.get(ind.id)!, from);
    out.push({ indicator: ind, from, norm, gain, target });
  });
  return out.sort((a, b) => effort(a) - effort(b) || a.gain - b.gain);
}

/** How hard an improvement is, for ordering: relative change of the value; unreachable and withheld last. */
function effort(m: Improvement): number {
  if (m.target.kind !== "value") return m.target.kind === "withheld" ? 2e9 : 3e9;
  if (!Number.isFinite(m.from) || m.from === 0) return 1e9 + m.gain;
  return Math.abs(m.target.x - m.from) / Math.abs(m.from);
}
