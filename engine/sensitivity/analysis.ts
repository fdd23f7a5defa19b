/**
 * A whole uncertainty and sensitivity analysis of one period (OECD/JRC Handbook 2008, steps 7–8;
 * COINr's `get_sensitivity` and `remove_elements`): the Monte Carlo rank intervals and grade
 * stability, first- and total-order Sobol indices of the mean absolute rank shift with bootstrap
 * confidence intervals, and leave-one-indicator-out.
 */
import type { Frame } from "../data/frame.js";
import type { OutputColumn } from "../data/table.js";
import type { Scheme } from "../scheme/types.js";
import type { Uncertainty } from "../scheme/uncertainty-schema.js";
import { preparedData, preparePeriod, scorePrepared } from "../score/period.js";
import type { PeriodResult } from "../score/types.js";
import { rankIntervals, type RankIntervals } from "./intervals.js";
import { leaveOneOut, type LeaveOneOut } from "./leave-one-out.js";
import { matrixARows, runCount, type AnalysisPlan } from "./monte-carlo.js";
import { sobolWithBootstrap, type SobolEstimate } from "./sobol.js";
import { factorsOf, type Factor } from "./uncertainty.js";
import { runAll, type RunOptions } from "./workers.js";

export interface SensitivityOptions extends RunOptions {
  /** Bootstrap resamples for the Sobol confidence intervals (default 1000). */
  bootstrap?: number;
  /** Skip leave-one-indicator-out. */
  noLeaveOneOut?: boolean;
}

export interface SobolRow extends SobolEstimate {
  factor: string;
}

export interface SensitivityResult {
  nominal: PeriodResult;
  factors: Factor[];
  plan: AnalysisPlan;
  runs: number;
  intervals: RankIntervals;
  /** Empty without Sobol samples or uncertain factors. */
  sobol: SobolRow[];
  /** Mean and variance of the mean absolute rank shift over the Monte Carlo samples. */
  shift: { mean: number; variance: number };
  leaveOneOut: LeaveOneOut[];
}

export async function analyseSensitivity(frame: Frame, scheme: Scheme, uncertainty: Uncertainty, plan: AnalysisPlan, opts: SensitivityOptions): Promise<SensitivityResult> {
  const prep = preparePeriod(frame, scheme);
  const nominal = scorePrepared(prep, scheme); // the full result: reasons, contributions, warnings
  const factors = factorsOf(uncertainty);
  const runs = runCount(plan, factors.length);
  const out = await runAll({ frame, scheme, uncertainty, plan, prepared: preparedData(prep, scheme) }, opts);
  const intervals = rankIntervals(nominal, scheme.grading.grades, out);
  let sobol: SobolRow[] = [];
  const m = plan.sobolSamples;
  if (m > 0 && factors.length > 0) {
    const a = matrixARows(plan);
    const yA = out.shift.slice(0, m);
    const yB = out.shift.slice(a, a + m);
    const yAB = factors.map((_, i) => out.shift.slice(a + m * (i + 1), a + m * (i + 2)));
    sobol = sobolWithBootstrap(yA, yB, yAB, { resamples: opts.bootstrap ?? 1000, seed: plan.seed }).map((e, i) => ({ factor: factors[i].name, ...e }));
  }
  const mc = out.shift.subarray(0, plan.samples);
  const mean = mc.reduce((s, v) => s + v, 0) / (mc.length || 1);
  const variance = mc.reduce((s, v) => s + (v - mean) ** 2, 0) / (mc.length || 1);
  return { nominal, factors, plan, runs, intervals, sobol, shift: { mean, variance }, leaveOneOut: opts.noLeaveOneOut ? [] : leaveOneOut(prep, scheme, nominal) };
}

export function sobolTable(rows: SobolRow[], n: number): OutputColumn[] {
  const col = (name: string, f: (r: SobolRow) => number): OutputColumn => ({ name, type: "number", values: Float64Array.from(rows, f) });
  return [
    { name: "factor", type: "text", values: rows.map((r) => r.factor) },
    col("first_order", (r) => r.first),
    col("first_order_low", (r) => r.firstLow),
    col("first_order_high", (r) => r.firstHigh),
    col("total_order", (r) => r.total),
    col("total_order_low", (r) => r.totalLow),
    col("total_order_high", (r) => r.totalHigh),
    col("base_samples", () => n),
  ];
}
