/**
 * The report model: everything the league table and the cards show, computed once per period from
 * the period's full result and the scores of the periods before it. Pure: the loading is in
 * load.ts. What the cards may show of other enterprises is decided in disclosure.ts and card.ts.
 */
import type { ContractResult } from "../admission/commitments.js";
import type { Robustness } from "./robustness.js";
import { alerts, type Alert } from "../dynamic/alerts.js";
import { movement } from "../dynamic/movement.js";
import { buildPanel, type PeriodScores } from "../dynamic/panel.js";
import type { Label, Lang, Scheme } from "../scheme/types.js";
import type { PeriodResult } from "../score/types.js";
import type { Revision } from "../store/dataset.js";
import { addPrinted, cardScope, maskedSummary, maskThreshold, maskValue, type CardScope, type Masked, type MaskedSummary, type Printed } from "./disclosure.js";
import type { NormParams } from "./invert.js";
import { valueDecimals } from "./i18n.js";
import { gradeBoundaries, nextGrade, type GradeTarget } from "./next-grade.js";
import { sha256 } from "../hash.js";
import { normParams } from "./params.js";
import { quantileSorted } from "../score/quantile.js";

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

/** Aggregates over one park's graded enterprises, as a card may print them (disclosure.ts): undefined when withheld. */
export interface GroupStats {
  n: number;
  categories: (MaskedSummary | undefined)[];
  values: Map<string, MaskedSummary | undefined>;
  contrib: Map<string, MaskedSummary | undefined>;
}

/** What every card of the period may print of the others, decided once (disclosure.ts). */
export interface CardAggregates {
  scope: CardScope;
  /** By park ('' when the scheme carries no park), and over every graded enterprise. */
  groups: Map<string, GroupStats>;
  everyone: GroupStats;
  /** Per period (oldest first), the median score of the graded; undefined when withheld. */
  medians: (Masked | undefined)[];
  /** Per period, whether a card may print the enterprise's own score then (enough enterprises graded). */
  scoreShown: boolean[];
  /** The threshold a card shows for each grade: the band, or the masked lowest score. */
  thresholds: Map<string, Masked>;
  /** Enterprises with a value replaced by an outlier bound. */
  treated: Set<string>;
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
  /** Median score over the graded, per period (NaN when none). */
  medianHistory: number[];
  /** Quartiles of each category's points over the graded (the league table's colour chips; undefined under 3). */
  categoryQuartiles: ({ q1: number; median: number; q3: number } | undefined)[];
  alerts: Alert[];
  /** What the cards may print of the others. */
  cards: CardAggregates;
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
  const boundaries = gradeBoundaries(result, scheme);
  const next = Array.from({ length: n }, (_, i) => nextGrade(i, result, scheme, boundaries));
  const count = (g: readonly string[], status?: readonly string[]) => grades.map((grade) => g.reduce((c, x, i) => c + (x === grade && (!status || status[i] === "graded") ? 1 : 0), 0));
  const everyPeriodMedian = panel.score.map(finiteMedian);
  const params = normParams(result, scheme);

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
    params,
    grades,
    gradeCounts: count(result.grade, result.status),
    previousGradeCounts: k > 0 ? count(panel.grade[k - 1]) : undefined,
    graded: gradedRows.length,
    medianHistory: everyPeriodMedian,
    categoryQuartiles: categoryScores.map(quartiles),
    alerts: alerts(panel, k, grades),
    cards: cardAggregates(scheme, result, panel.score, everyPeriodMedian, park, gradedRows, categoryScores, boundaries, params),
  };
}

/** The aggregates every card of the period may print, masked once (disclosure.ts). */
function cardAggregates(
  scheme: Scheme,
  result: PeriodResult,
  periodScores: Float64Array[],
  periodMedians: number[],
  park: string[],
  gradedRows: number[],
  categoryScores: Float64Array[],
  boundaries: Map<string, number>,
  params: Map<string, NormParams>,
): CardAggregates {
  const rules = scheme.disclosure;
  const scope = cardScope(scheme, gradedRows.length, params);
  const two = () => 2;
  // every figure any card prints, so that no aggregate prints as one of them
  const printed: Printed = new Set();
  for (const ind of scheme.indicators) {
    addPrinted(printed, result.values.get(ind.id)!, valueDecimals);
    addPrinted(printed, result.norm.get(ind.id)!, () => 3);
    addPrinted(printed, result.contrib.get(ind.id)!, two);
  }
  for (const c of categoryScores) addPrinted(printed, c, two);
  for (const col of periodScores) addPrinted(printed, col, two);
  const scores = addPrinted(new Set(), result.score, two);
  const stats = (rows: number[]): GroupStats => ({
    n: rows.length,
    categories: categoryScores.map((c) => (scope.points ? maskedSummary(c, rows, rules, printed) : undefined)),
    values: new Map(scheme.indicators.map((ind) => [ind.id, maskedSummary(result.values.get(ind.id)!, rows, rules, printed)])),
    contrib: new Map(scheme.indicators.map((ind) => [ind.id, scope.points ? maskedSummary(result.contrib.get(ind.id)!, rows, rules, printed) : undefined])),
  });
  const byPark = new Map<string, number[]>();
  for (const i of gradedRows) {
    const list = byPark.get(park[i]);
    if (list) list.push(i);
    else byPark.set(park[i], [i]);
  }
  const gradedIn = periodScores.map((col) => col.reduce((c, v) => c + (Number.isFinite(v) ? 1 : 0), 0));
  const thresholds = new Map<string, Masked>();
  const g = scheme.grading;
  for (const [grade, b] of boundaries) thresholds.set(grade, g.method === "bands" ? { value: b, decimals: 2 } : maskThreshold(b, scheme.aggregation.scale, scores));
  return {
    scope,
    groups: new Map([...byPark].map(([p, rows]) => [p, stats(rows)])),
    everyone: stats(gradedRows),
    medians: periodScores.map((col, k) => (gradedIn[k] >= rules.minGroup && scope.score ? maskValue(periodMedians[k], rules.digits, printed) : undefined)),
    scoreShown: gradedIn.map((c) => c >= rules.minGroup && scope.score),
    thresholds,
    treated: new Set(result.treated.map((t) => t.id)),
  };
}

/** The median of the finite values (NaN when there are none): the league table's median score. */
function finiteMedian(x: Float64Array): number {
  const v = x.filter(Number.isFinite).sort();
  return v.length ? quantileSorted(v, 0.5) : NaN;
}

/** Quartiles of the finite values, for colouring the league table (undefined under 3 values: no quarters to speak of). */
function quartiles(x: Float64Array): { q1: number; median: number; q3: number } | undefined {
  const v = x.filter(Number.isFinite).sort();
  return v.length < 3 ? undefined : { q1: quantileSorted(v, 0.25), median: quantileSorted(v, 0.5), q3: quantileSorted(v, 0.75) };
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
  return model.cards.groups.get(model.park[i]) ?? model.cards.everyone;
}

/**
 * The card's file name under enterprises/: the id's first 24 characters from [A-Za-z0-9-] to read,
 * then 16 hex digits of its sha256 to be unique — whatever the id's length, script or case ("ab"
 * and "AB" differ on case-insensitive file systems), and never a name Windows reserves (CON, NUL…).
 */
export function cardFile(id: string): string {
  const readable = id.replace(/[^A-Za-z0-9-]/g, "").slice(0, 24);
  const hash = sha256(id).slice(0, 16);
  return `${readable ? `${readable}-` : ""}${hash}.html`;
}
