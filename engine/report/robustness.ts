/**
 * How robust the published grades are, for the report: when the scheme declares what is uncertain
 * (`uncertainty:`, docs/sensitivity.md), the period is re-scored under those choices — the same Monte
 * Carlo analysis as `parkscore sensitivity`, at a fixed seed and sample count so the report stays
 * byte-identical — and the report shows the rank-interval chart (engine/charts/rank-intervals.ts,
 * rendered to static SVG) and, on each card, that enterprise's own interval and grade stability.
 */
import type { Frame } from "../data/frame.js";
import { renumberChartIds } from "../charts/ids.js";
import { rankIntervalSpec } from "../charts/rank-intervals.js";
import { vegaLiteToSvg, type VegaLiteSpec } from "../charts/vega.js";
import type { Scheme } from "../scheme/types.js";
import { analyseSensitivity } from "../sensitivity/analysis.js";
import type { RankIntervals } from "../sensitivity/intervals.js";

/** Re-scorings behind the report's robustness section, and their seed (fixed: the report is reproducible). */
export const ROBUSTNESS_SAMPLES = 200;
export const ROBUSTNESS_SEED = 7;
/** Enterprises shown in the chart (the best-ranked; the cards give every enterprise its own interval). */
const CHART_TOP = 50;

export interface Robustness {
  samples: number;
  seed: number;
  /** The uncertain choices, by factor name (weights, aggregation, …). */
  factors: string[];
  intervals: RankIntervals;
  /** Ranked enterprises, and those of them that keep their grade in fewer than 90 % of the samples. */
  ranked: number;
  unstable: number;
  /** The chart as static SVG. */
  svg: string;
}

export interface RobustnessChartTitles {
  title: string;
  axis: string;
  legend: string;
}

export async function gradeRobustness(frame: Frame, scheme: Scheme, titles: RobustnessChartTitles): Promise<Robustness | undefined> {
  if (!scheme.uncertainty) return undefined;
  const s = await analyseSensitivity(frame, scheme, scheme.uncertainty, { seed: ROBUSTNESS_SEED, samples: ROBUSTNESS_SAMPLES, sobolSamples: 0 }, { workers: 0, noLeaveOneOut: true });
  const r = s.intervals;
  let ranked = 0;
  let unstable = 0;
  for (let i = 0; i < r.ids.length; i++) {
    if (r.rankNominal[i] === 0) continue;
    ranked++;
    if (r.gradeStability[i] < 0.9) unstable++;
  }
  // Headless vega measures CJK labels as if they were Latin (about 0.6 em a character instead of 1):
  // the extra left padding keeps long enterprise names inside the picture.
  const spec = { ...rankIntervalSpec(r, { top: CHART_TOP, title: titles.title, axisTitle: titles.axis, legendTitle: titles.legend }), padding: { left: 70, top: 5, right: 5, bottom: 5 } };
  const svg = renumberChartIds(await vegaLiteToSvg(spec as unknown as VegaLiteSpec));
  return { samples: ROBUSTNESS_SAMPLES, seed: ROBUSTNESS_SEED, factors: s.factors.map((f) => f.name), intervals: r, ranked, unstable, svg };
}
