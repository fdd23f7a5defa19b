/**
 * How each indicator is distributed over a period's graded enterprises, and which values the outlier
 * rule would treat — for the indicators notebook. The rule is the engine's own (score/outliers.ts:
 * COINr's `Treat()`, the OECD/JRC Handbook's |skewness| ≥ 2 and kurtosis ≥ 3.5, winsorising at most
 * `max` points, then a log transform if that is not enough), run here on the untreated values so the
 * notebook shows what the rule sees whether or not the scheme turns treatment on.
 */
import type { Indicator, Scheme } from "../scheme/types.js";
import { kurtosis, skewness, winsorize } from "../score/outliers.js";
import { quantileSorted } from "../score/quantile.js";
import type { PeriodResult } from "../score/types.js";

export interface IndicatorDistribution {
  indicator: string;
  /** Graded enterprises with a value / without one. */
  n: number;
  missing: number;
  mean: number;
  median: number;
  min: number;
  max: number;
  /** Sample skewness G1 and excess kurtosis G2 (COINr's skew() and kurt()). */
  skew: number;
  kurtosis: number;
  /** The column fails the rule: |skew| ≥ the threshold and kurtosis ≥ the threshold. */
  flagged: boolean;
  /** What the rule does: nothing, winsorise `outliers`, or (winsorising not enough) log-transform the column. */
  treatment: "none" | "winsorize" | "log";
  /** Rows (of the result) the rule winsorises, most extreme first as the rule takes them; [] when not flagged. */
  outliers: number[];
}

/** Thresholds of the scheme's winsorize treatment for this indicator, COINr's defaults otherwise. */
function thresholds(ind: Indicator): { skew: number; kurtosis: number; maxCount: number } {
  const o = ind.outliers;
  return o.method === "winsorize" ? { skew: o.skew, kurtosis: o.kurtosis, maxCount: o.max } : { skew: 2, kurtosis: 3.5, maxCount: 5 };
}

/** One summary per indicator of the scheme, over the graded enterprises (the population treatment uses). */
export function indicatorDistributions(result: PeriodResult, scheme: Scheme): IndicatorDistribution[] {
  const pop = Uint8Array.from(result.status, (s) => (s === "graded" ? 1 : 0));
  return scheme.indicators.map((ind) => {
    const x = result.values.get(ind.id)!;
    const observed = Float64Array.from(x.filter((v, i) => pop[i] === 1 && v === v));
    const sorted = Float64Array.from(observed).sort();
    const t = thresholds(ind);
    const w = winsorize(x, pop, { ...t, logFallback: false });
    const flagged = w.count > 0;
    const outliers = w.changes
      .slice()
      .sort((a, b) => Math.abs(b.from - b.to) - Math.abs(a.from - a.to))
      .map((c) => c.row);
    return {
      indicator: ind.id,
      n: observed.length,
      missing: popCount(pop) - observed.length,
      mean: observed.length ? observed.reduce((s, v) => s + v, 0) / observed.length : NaN,
      median: quantileSorted(sorted, 0.5),
      min: sorted.length ? sorted[0] : NaN,
      max: sorted.length ? sorted[sorted.length - 1] : NaN,
      skew: skewness(observed),
      kurtosis: kurtosis(observed),
      flagged,
      treatment: !flagged ? "none" : w.limitReached ? "log" : "winsorize",
      outliers,
    };
  });
}

function popCount(pop: Uint8Array): number {
  let m = 0;
  for (let i = 0; i < pop.length; i++) m += pop[i];
  return m;
}
