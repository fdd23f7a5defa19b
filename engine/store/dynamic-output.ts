/**
 * The files of `dynamic`: a window of periods combined — dynamic.csv/.arrow, time-weights.csv,
 * weights.csv, movement.csv, transitions.csv, entries-exits.csv and manifest.json — written
 * atomically together.
 */
import { ParkscoreError } from "../errors.js";
import { DynamicError } from "../dynamic/errors.js";
import { evaluateDynamic, type DynamicOptions, type DynamicResult } from "../dynamic/evaluate.js";
import { movement } from "../dynamic/movement.js";
import { buildPanel } from "../dynamic/panel.js";
import { transitions } from "../dynamic/transitions.js";
import type { OutputColumn } from "../data/table.js";
import { arrowStream } from "../data/write-arrow.js";
import { csvStream } from "../data/write-csv.js";
import type { Scheme } from "../scheme/types.js";
import { replaceFolder, type OutputFile } from "./atomic.js";
import { openDataset } from "./dataset.js";
import { versions } from "./provenance.js";
import { typedArraysAsLists } from "./run-output.js";
import { windowCube } from "../dynamic/cube.js";
import { loadWindow, periodsBetween } from "./window.js";

export interface DynamicRequest extends DynamicOptions {
  /** First and last period of the window (default: the first and the last stored). */
  from?: string;
  to?: string;
  out: string;
}

export interface DynamicRun {
  result: DynamicResult;
  periods: string[];
  notes: string[];
}

/** Combines the dataset's periods from `from` to `to` and writes the results to `out`. */
export async function dynamicToFolder(dir: string, o: DynamicRequest): Promise<DynamicRun> {
  const { scheme, warnings } = openDataset(dir);
  const periods = periodsBetween(dir, o.from, o.to);
  const notes: string[] = [];
  const window = await loadWindow(dir, scheme, periods, notes);
  const panel = buildPanel(window.map((w) => w.scores));
  let result: DynamicResult;
  try {
    result = evaluateDynamic(panel, scheme.grading, o, scheme.weighting.method === "scatter-degree" ? { indicators: scheme.indicators, values: windowCube(window, panel.ids, scheme) } : undefined);
  } catch (e) {
    if (e instanceof DynamicError) throw new ParkscoreError({ code: "dynamic.invalid", file: dir, message: e.message });
    throw e;
  }
  notes.push(...result.notes);
  const files = outputs(result, scheme, window[window.length - 1].run?.manifest.weights ?? []);
  const manifest = {
    ...versions(),
    command: "dynamic",
    created: new Date().toISOString(),
    dataset: dir,
    scheme: { file: scheme.file, sha256: scheme.hash },
    periods,
    runs: Object.fromEntries(window.map((w) => [w.scores.period, w.run?.id ?? "scored in memory"])),
    options: { lambda: o.lambda, growth: o.growth, minPeriods: o.minPeriods },
    timeWeights: result.timeWeights,
    indicatorWeights: result.indicatorWeights ?? null,
    notes,
    warnings,
  };
  files.push({ name: "manifest.json", data: JSON.stringify(manifest, typedArraysAsLists, 2) + "\n" });
  await replaceFolder(o.out, (s) => s.write(files));
  return { result, periods, notes };
}

/**
 * The indicator weights of the combination: the scatter-degree weights over the cube, or else the
 * scheme's weights as the run that counts for the latest period used them.
 */
function outputs(r: DynamicResult, scheme: Scheme, periodWeights: { indicator: string; weight: number }[]): OutputFile[] {
  const { panel } = r;
  const n = panel.ids.length;
  const table: OutputColumn[] = [
    { name: "id", type: "text", values: panel.ids },
    { name: "name", type: "text", values: panel.names },
    { name: "score", type: "number", values: r.score },
    { name: "rank", type: "rank", values: r.rank },
    { name: "grade", type: "text", values: r.grade },
    { name: "periods_used", type: "number", values: Float64Array.from(r.periodsUsed) },
    { name: "trend", type: "number", values: r.trend },
    { name: "level", type: "number", values: r.level },
    { name: "growth", type: "number", values: r.growthPart },
    ...panel.periods.map((p, k): OutputColumn => ({ name: `score.${p}`, type: "number", values: r.periodScores[k] })),
  ];
  const moves = movement({ ...panel, score: r.periodScores }, scheme.grading.grades);
  const mv = panel.periods.flatMap((p, k) => panel.ids.map((_, i) => ({ p, k, i }))).filter(({ k, i }) => panel.present[k][i]);
  const movementTable: OutputColumn[] = [
    { name: "id", type: "text", values: mv.map((x) => panel.ids[x.i]) },
    { name: "name", type: "text", values: mv.map((x) => panel.names[x.i]) },
    { name: "period", type: "text", values: mv.map((x) => x.p) },
    { name: "score", type: "number", values: Float64Array.from(mv, (x) => r.periodScores[x.k][x.i]) },
    { name: "rank", type: "rank", values: Int32Array.from(mv, (x) => panel.rank[x.k][x.i]) },
    { name: "rank_change", type: "number", values: Float64Array.from(mv, (x) => moves.periods[x.k].rankChange[x.i]) },
    { name: "grade", type: "text", values: mv.map((x) => panel.grade[x.k][x.i]) },
    { name: "previous_grade", type: "text", values: mv.map((x) => moves.periods[x.k].previousGrade[x.i]) },
    { name: "grade_change", type: "number", values: Float64Array.from(mv, (x) => moves.periods[x.k].gradeChange[x.i]) },
    { name: "periods_in_grade", type: "number", values: Float64Array.from(mv, (x) => moves.periods[x.k].runLength[x.i]) },
    { name: "trend", type: "number", values: Float64Array.from(mv, (x) => moves.periods[x.k].trend[x.i]) },
  ];
  const first = 0, last = panel.periods.length - 1;
  const t = transitions(panel, first, last, scheme.grading.grades);
  const grades = scheme.grading.grades;
  const transitionTable: OutputColumn[] = [
    { name: `from ${panel.periods[first]} \\ to ${panel.periods[last]}`, type: "text", values: grades },
    ...grades.map((g, b): OutputColumn => ({ name: g, type: "number", values: Float64Array.from(grades, (_, a) => t.counts[a][b]) })),
    ...grades.map((g, b): OutputColumn => ({ name: `share.${g}`, type: "number", values: Float64Array.from(grades, (_, a) => t.shares[a][b]) })),
  ];
  const weights = r.indicatorWeights ?? periodWeights;
  return [
    { name: "dynamic.csv", data: csvStream(table, n) },
    { name: "dynamic.arrow", data: arrowStream(table) },
    { name: "time-weights.csv", data: csvStream([{ name: "period", type: "text", values: panel.periods }, { name: "weight", type: "number", values: r.timeWeights }], panel.periods.length) },
    ...(weights.length ? [{ name: "weights.csv", data: csvStream([{ name: "indicator", type: "text", values: weights.map((w) => w.indicator) }, { name: "weight", type: "number", values: Float64Array.from(weights, (w) => w.weight) }], weights.length) }] : []),
    { name: "movement.csv", data: csvStream(movementTable, mv.length) },
    { name: "transitions.csv", data: csvStream(transitionTable, grades.length) },
    { name: "entries-exits.csv", data: csvStream([{ name: "id", type: "text", values: [...t.entryIds, ...t.exitIds] }, { name: "change", type: "text", values: [...t.entryIds.map(() => "entry"), ...t.exitIds.map(() => "exit")] }], t.entryIds.length + t.exitIds.length) },
  ] as OutputFile[];
}
