/**
 * The rank-interval chart of a sensitivity analysis (as COINr's `plot_uncertainty` and the JRC's
 * audits of composite indicators show it): enterprises in nominal rank order, each with its 5–95%
 * rank interval over the Monte Carlo samples, its median and nominal rank, coloured by grade
 * stability (the share of samples in its nominal grade). A plain Vega-Lite spec object, data
 * inlined: the report and notebooks render it (vega-embed, or server-side SVG); nothing here draws.
 */
import type { RankIntervals } from "../sensitivity/intervals.js";

export interface RankIntervalChartOptions {
  title?: string;
  /** Only the first `top` enterprises by nominal rank (default: all ranked). */
  top?: number;
  /** Pixels per enterprise row (default 12). */
  step?: number;
  width?: number;
  /** Axis and legend titles, for a report in another language (defaults in English). */
  axisTitle?: string;
  legendTitle?: string;
}

/** One row of the chart's data. */
export interface RankIntervalDatum {
  id: string;
  name: string;
  /** `rank. name`, the y label. */
  label: string;
  rank_nominal: number;
  rank_median: number;
  rank_p05: number;
  rank_p95: number;
  grade_nominal: string;
  grade_stability: number;
}

/** The ranked enterprises, best first (ties by id, so the order is deterministic). */
export function rankIntervalData(r: RankIntervals, top = Infinity): RankIntervalDatum[] {
  const rows: number[] = [];
  for (let i = 0; i < r.ids.length; i++) if (r.rankNominal[i] > 0) rows.push(i);
  rows.sort((a, b) => r.rankNominal[a] - r.rankNominal[b] || (r.ids[a] < r.ids[b] ? -1 : r.ids[a] > r.ids[b] ? 1 : 0));
  return rows.slice(0, top).map((i) => ({
    id: r.ids[i],
    name: r.names[i],
    label: `${r.rankNominal[i]}. ${r.names[i] || r.ids[i]}`,
    rank_nominal: r.rankNominal[i],
    rank_median: r.rankMedian[i],
    rank_p05: r.rankP05[i],
    rank_p95: r.rankP95[i],
    grade_nominal: r.gradeNominal[i],
    grade_stability: r.gradeStability[i],
  }));
}

export function rankIntervalSpec(r: RankIntervals, opts: RankIntervalChartOptions = {}): Record<string, unknown> {
  const values = rankIntervalData(r, opts.top);
  const y = { field: "label", type: "nominal", sort: null, title: null, axis: { labelLimit: 220 } };
  const x = { type: "quantitative", title: opts.axisTitle ?? "rank (1 = best): 5–95% interval, median ○, nominal ●", scale: { zero: false, nice: false } };
  const color = {
    field: "grade_stability",
    type: "quantitative",
    title: opts.legendTitle ?? "grade stability",
    scale: { domain: [0, 1], scheme: "redyellowgreen" },
    legend: { format: ".0%" },
  };
  const tooltip = [
    { field: "id", type: "nominal" },
    { field: "name", type: "nominal" },
    { field: "rank_nominal", type: "quantitative", title: "nominal rank" },
    { field: "rank_median", type: "quantitative", title: "median rank" },
    { field: "rank_p05", type: "quantitative", title: "5%" },
    { field: "rank_p95", type: "quantitative", title: "95%" },
    { field: "grade_nominal", type: "nominal", title: "grade" },
    { field: "grade_stability", type: "quantitative", title: "grade stability", format: ".0%" },
  ];
  return {
    ...(opts.title ? { title: opts.title } : {}),
    width: opts.width ?? 480,
    height: { step: opts.step ?? 12 },
    data: { values },
    encoding: { y, tooltip },
    layer: [
      { mark: { type: "rule", strokeWidth: 3 }, encoding: { x: { ...x, field: "rank_p05" }, x2: { field: "rank_p95" }, color } },
      { mark: { type: "point", filled: false, color: "#333" }, encoding: { x: { ...x, field: "rank_median" } } },
      { mark: { type: "point", filled: true, color: "#000", size: 30 }, encoding: { x: { ...x, field: "rank_nominal" } } },
    ],
  };
}
