/**
 * The report model: everything the league table and the cards show, computed once per period from
 * the period's full result and the scores of the periods before it. Pure: the loading is in
 * load.ts. Aggregates of other enterprises go through aggregates.ts (suppressed under 3).
 */
import type { ContractResult } from "../admission/commitments.js";
import type { Robustness } from "./robustness.js";
import { alerts, type Alert } from "../dynamic/alerts.js";
import { movement } from "../dynamic/movement.js";
import { buildPanel, type PeriodScores } from "../dynamic/panel.js";
import type { Label, Lang, Scheme } from "../scheme/types.js";
import type { PeriodResult } from "../score/types.js";
import type { Revision } from "../store/dataset.js";
import { summarize, type Summary } from "./aggregates.js";
import type { NormParams } from "./invert.js";
import { gradeBoundaries, nextGrade, type GradeTarget } from "./next-grade.js";
import { normParams } from "./params.js";

export interface ReportInput {
  period: string;
  scheme: Scheme;
  revision: Revision;
  result: PeriodResult;
  /** The run that published this result, if any. */
  run?: string;
  /** Scores of the earlier periods, oldest first (not including `period`). */
  history: PeriodScores[];
  /** Notes from loading (periods scored in memory…). */
  notes?: string[];
  /** The land contracts in breach this period (engine/store/contracts.ts), when the dataset has contracts. */
  breaches?: ContractResult[];
  /** The grades' robustness under the scheme's `uncertainty:`, when it declares one. */
  robustness?: Robustness;
}

export interface ReportOptions {
  lang?: Lang;
  /** Carried columns that hold the park, the industry code and the industry name (defaults: park, industry, industry_name when carried). */
  parkColumn?: string;
  industryColumn?: string;
  industryNameColumn?: string;
}

/** One group of the scheme's indicators shown together (a category, or one indicator in a flat scheme). */
export interface ReportCategory {
  id: string;
  label: Label;
  /** Indexes into scheme.indicators. */
  indicators: number[];
  /** Σ of the indicators' final weights. */
  weight: number;
}

/** Aggregates over one park's graded enterprises (undefined = fewer than 3, suppressed). */
export interface GroupStats {
  n: number;
  score?: Summary;
  categories: (Summary | undefined)[];
  values: Map<string, Summary | undefined>;
  contrib: Map<string, Summary | undefined>;
}

export interface ReportModel {
  lang: Lang;
  scheme: Scheme;
  period: string;
  /** Every period shown, oldest first, ending with `period`. */
  periods: string[];
  revision: Revision;
  run?: string;
  notes: string[];
  /** Land contracts in breach this period: on the watch list. */
  breaches: ContractResult[];
  robustness?: Robustness;
  result: PeriodResult;
  /** Rows of the result in table order: graded by rank (vetoed last), then the others. */
  order: number[];
  park: string[];
  industry: string[];
  parks: string[];
  industries: string[];
  /** Per period (oldest first), the score of each result row (NaN when absent or not graded). */
  history: Float64Array[];
  /** Previous rank − rank (NaN when unranked in either); new = absent from the previous period. */
  rankChange: Float64Array;
  gradeChange: Float64Array;
  previousGrade: string[];
  isNew: Uint8Array;
  categories: ReportCategory[];
  /** Per category, the points of each row (Σ of its indicators' contributions). */
  categoryScores: Float64Array[];
  boundaries: Map<string, number>;
  next: (GradeTarget | undefined)[];
  params: Map<string, NormParams>;
  grades: string[];
  gradeCounts: number[];
  previousGradeCounts?: number[];
  /** Graded enterprises (status graded), and all listed. */
  graded: number;
  /** Median score over the graded, per period (NaN when suppressed). */
  medianHistory: number[];
  alerts: Alert[];
  /** By park ('' when the scheme carries no park): aggregates over its graded enterprises. */
  groups: Map<string, GroupStats>;
  /** Aggregates over every graded enterprise. */
  everyone: GroupStats;
}

export function buildReportModel(input: ReportInput, options: ReportOptions = {}): ReportModel {
  const { scheme, result, period } = input;
  const lang = options.lang ?? "zh";
  const parkCol = result.carry.get(options.parkColumn ?? "park");
  const industryCol = result.carry.get(options.industryColumn ?? "industry");
  const industryNameCol = result.carry.get(options.industryNameColumn ?? "industry_name");
  const n = result.n;
  const park = parkCol ? parkCol.slice() : new Array<string>(n).fill("");
  const industry = Array.from({ length: n }, (_, i) => [industryCol?.[i], industryNameCol?.[i]].filter((s) => s).join(" "));

  const grades = scheme.grading.grades;
  const current: PeriodScores = { period, ids: result.ids, names: result.names, status: result.status, score: result.score, rank: result.rank, grade: result.grade, vetoed: result.vetoed };
  const panel = buildPanel([...input.history, current]);
  const k = panel.periods.length - 1;
  const at = new Map<string, number>();
  panel.ids.forEach((id, i) => at.set(id, i));
  const rowToPanel = Int32Array.from(result.ids, (id) => at.get(id)!);
  const mv = movement(panel, grades).periods[k];
  const history = panel.score.map((col) => Float64Array.from(rowToPanel, (p) => col[p]));
  const rankChange = Float64Array.from(rowToPanel, (p) => mv.rankChange[p]);
  const gradeChange = Float64Array.from(rowToPanel, (p) => mv.gradeChange[p]);
  const previousGrade = Array.from(rowToPanel, (p) => mv.previousGrade[p]);
  const isNew = Uint8Array.from(rowToPanel, (p) => (k > 0 && panel.present[k - 1][p] === 0 ? 1 : 0));

  const categories = reportCategories(scheme, result);
  const categoryScores = categories.map((c) => {
    const out = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++) {
      if (result.status[i] !== "graded") continue;
      let s = 0;
      for (const j of c.indicators) s += result.contrib.get(scheme.indicators[j].id)![i];
      out[i] = s;
    }
    return out;
  });

  const gradedRows: number[] = [];
  for (let i = 0; i < n; i++) if (result.status[i] === "graded") gradedRows.push(i);
  const byPark = new Map<string, number[]>();
  for (const i of gradedRows) {
    const list = byPark.get(park[i]);
    if (list) list.push(i);
    else byPark.set(park[i], [i]);
  }
  const stats = (rows: number[]): GroupStats => ({
    n: rows.length,
    score: summarize(result.score, rows),
    categories: categoryScores.map((c) => summarize(c, rows)),
    values: new Map(scheme.indicators.map((ind) => [ind.id, summarize(result.values.get(ind.id)!, rows)])),
    contrib: new Map(scheme.indicators.map((ind) => [ind.id, summarize(result.contrib.get(ind.id)!, rows)])),
  });
  const groups = new Map([...byPark].map(([p, rows]) => [p, stats(rows)]));

  const boundaries = gradeBoundaries(result, scheme);
  const next = Array.from({ length: n }, (_, i) => nextGrade(i, result, scheme, boundaries));
  const count = (g: readonly string[], status?: readonly string[]) => grades.map((grade) => g.reduce((c, x, i) => c + (x === grade && (!status || status[i] === "graded") ? 1 : 0), 0));
  const everyPeriodMedian = panel.score.map((col) => summarize(col, Int32Array.from({ length: col.length }, (_, i) => i))?.median ?? NaN);

  return {
    lang,
    scheme,
    period,
    periods: panel.periods,
    revision: input.revision,
    run: input.run,
    notes: input.notes ?? [],
    breaches: input.breaches ?? [],
    robustness: input.robustness,
    result,
    order: tableOrder(result),
    park,
    industry,
    parks: [...new Set(park)].filter((p) => p !== "").sort(),
    industries: [...new Set(industry)].filter((p) => p !== "").sort(),
    history,
    rankChange,
    gradeChange,
    previousGrade,
    isNew,
    categories,
    categoryScores,
    boundaries,
    next,
    params: normParams(result, scheme),
    grades,
    gradeCounts: count(result.grade, result.status),
    previousGradeCounts: k > 0 ? count(panel.grade[k - 1]) : undefined,
    graded: gradedRows.length,
    medianHistory: everyPeriodMedian,
    alerts: alerts(panel, k, grades),
    groups,
    everyone: stats(gradedRows),
  };
}

/** Categories as the scheme gives them, or one per indicator in a flat scheme. */
export function reportCategories(scheme: Scheme, result: PeriodResult): ReportCategory[] {
  const w = (js: number[]) => js.reduce((s, j) => s + result.weights[j].weight, 0);
  if (scheme.categories.length === 0) return scheme.indicators.map((ind, j) => ({ id: ind.id, label: ind.label, indicators: [j], weight: w([j]) }));
  return scheme.categories.map((c) => {
    const js = scheme.indicators.flatMap((ind, j) => (ind.category === c.id ? [j] : []));
    return { id: c.id, label: c.label, indicators: js, weight: w(js) };
  });
}

/** Graded rows by rank (vetoed ones already rank after the rest), ties in input order; then the others in input order. */
export function tableOrder(result: PeriodResult): number[] {
  const graded: number[] = [], others: number[] = [];
  for (let i = 0; i < result.n; i++) (result.status[i] === "graded" ? graded : others).push(i);
  graded.sort((a, b) => result.rank[a] - result.rank[b] || a - b);
  return [...graded, ...others];
}

/** The aggregates a card compares with: its park's, or everyone's when the scheme carries no park. */
export function groupOf(model: ReportModel, i: number): GroupStats {
  return model.groups.get(model.park[i]) ?? model.everyone;
}

/** The card's file name under enterprises/: the id with every character outside [A-Za-z0-9-] written as _hex_ (one-to-one, safe on every file system). */
export function cardFile(id: string): string {
  return id.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`) + ".html";
}
