/**
 * Every stored period's full result as one long table — one row per enterprise and period — for
 * notebooks: columns of plain arrays that arquero's `aq.table(columns)` (or Plot, or Vega-Lite after
 * `objects()`) takes as they are. The dynamic panel (engine/dynamic/panel.ts) is wide and holds scores
 * only; analysts also want each period's indicator values and contributions next to park and industry,
 * in the tidy "one observation per row" shape that grouping and faceting expect (Wickham, "Tidy Data",
 * J. Stat. Software 59(10), 2014).
 *
 * Columns, in order: period, id, name, the scheme's carried text columns (park, industry…), status,
 * score, rank, grade, vetoed, then per indicator `value.<id>` (before normalisation), `norm.<id>`
 * (normalised, after the missing-value policy) and `contrib.<id>` (its share of the score before
 * rules). Not-graded rows have NaN score and rank and '' as grade — rank is NaN rather than the
 * result's 0, so that a mean or a chart never takes "not graded" for "first".
 */
import type { Scheme } from "../scheme/types.js";
import type { PeriodResult } from "../score/types.js";
import { openDataset } from "./dataset.js";
import { periodResult, type StoredPeriodResult } from "./results.js";
import { periodsBetween } from "./window.js";

export type PanelColumn = string[] | Float64Array;

export interface PanelTable {
  /** Column name → one value per row; rows are the periods oldest first, each in its input order. */
  columns: Record<string, PanelColumn>;
  nrows: number;
  periods: string[];
  /** Indicator ids, in the scheme's order (the suffixes of the value./norm./contrib. columns). */
  indicators: string[];
  /** The stored results the rows come from, one per period, oldest first. */
  results: StoredPeriodResult[];
}

export interface PanelTableOptions {
  /** First and last period (inclusive, numeric-aware); default all stored periods. */
  from?: string;
  to?: string;
  /** Default: the dataset's scheme. */
  scheme?: Scheme;
}

/** Scores every stored period in the range (periodResult) and lays the results out long. */
export async function panelTable(dir: string, options: PanelTableOptions = {}): Promise<PanelTable> {
  const scheme = options.scheme ?? openDataset(dir).scheme;
  const periods = periodsBetween(dir, options.from, options.to);
  const results: StoredPeriodResult[] = [];
  for (const p of periods) results.push(await periodResult(dir, p, scheme));
  const table = longTable(results.map((r) => ({ period: r.period, result: r.result })), scheme);
  return { ...table, results };
}

/** The long layout of period results (pure; panelTable's core). */
export function longTable(periods: { period: string; result: PeriodResult }[], scheme: Scheme): Omit<PanelTable, "results"> {
  const indicators = scheme.indicators.map((i) => i.id);
  const nrows = periods.reduce((s, p) => s + p.result.n, 0);
  const text = (): string[] => new Array<string>(nrows);
  const num = (): Float64Array => new Float64Array(nrows);
  const carried = [...new Set(periods.flatMap((p) => [...p.result.carry.keys()]))];
  const columns: Record<string, PanelColumn> = { period: text(), id: text(), name: text() };
  for (const c of carried) columns[c] = text();
  Object.assign(columns, { status: text(), score: num(), rank: num(), grade: text(), vetoed: num() });
  for (const prefix of ["value", "norm", "contrib"]) for (const id of indicators) columns[`${prefix}.${id}`] = num();

  let at = 0;
  for (const { period, result: r } of periods) {
    for (let i = 0; i < r.n; i++) {
      const row = at + i;
      (columns.period as string[])[row] = period;
      (columns.id as string[])[row] = r.ids[i];
      (columns.name as string[])[row] = r.names[i];
      (columns.status as string[])[row] = r.status[i];
      (columns.grade as string[])[row] = r.grade[i];
      for (const c of carried) (columns[c] as string[])[row] = r.carry.get(c)?.[i] ?? "";
    }
    copyScores(r.score, r.rank, r.vetoed, columns.score as Float64Array, columns.rank as Float64Array, columns.vetoed as Float64Array, at);
    for (const id of indicators) {
      copyColumn(r.values.get(id), columns[`value.${id}`] as Float64Array, at, r.n);
      copyColumn(r.norm.get(id), columns[`norm.${id}`] as Float64Array, at, r.n);
      copyColumn(r.contrib.get(id), columns[`contrib.${id}`] as Float64Array, at, r.n);
    }
    at += r.n;
  }
  return { columns, nrows, periods: periods.map((p) => p.period), indicators };
}

/** score as is (NaN when not graded), rank 0 → NaN, vetoed 0/1. */
function copyScores(score: Float64Array, rank: Int32Array, vetoed: Uint8Array, s: Float64Array, k: Float64Array, v: Float64Array, at: number): void {
  for (let i = 0; i < score.length; i++) {
    s[at + i] = score[i];
    k[at + i] = rank[i] > 0 ? rank[i] : 0 / 0; // 0 / 0: see engine/kernels/README.md
    v[at + i] = vetoed[i];
  }
}

/** A result column into the long column at `at`; NaN where the result has none. */
function copyColumn(x: Float64Array | undefined, out: Float64Array, at: number, n: number): void {
  if (x === undefined) {
    out.fill(NaN, at, at + n);
    return;
  }
  out.set(x, at);
}
