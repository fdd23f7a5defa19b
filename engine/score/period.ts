/**
 * Scoring one period: derive → eligibility → exclusions → normalise → missing values → weights →
 * aggregate → rules → rank → grade (ARCHITECTURE.md). Pure and columnar: a Frame in, a
 * PeriodResult out; the same frame and scheme always give the same numbers.
 *
 * Two stages, so that a sensitivity analysis can re-score a period many times without repeating
 * what its choices cannot change: `preparePeriod` (derive, indicator values, eligibility, rule
 * columns) and `scorePrepared` (everything from exclusions to grades, for a possibly varied scheme).
 * `scorePeriod` is the two in a row.
 */
import { inArena } from "../kernels/arena.js";
import { admit, anyValue, eligibilityCodes, ELIGIBLE, exclude, NOT_ELIGIBLE, roundScores, split, UNDECIDED } from "../kernels/population.js";
import { ParkscoreError, type Warning } from "../errors.js";
import { sourceRow, type Frame } from "../data/frame.js";
import { compileFormula } from "../scheme/formula.js";
import type { Indicator, Scheme } from "../scheme/types.js";
import { AggregationError } from "./aggregate/errors.js";
import { aggregate } from "./aggregate/index.js";
import type { Aggregated } from "./aggregate/types.js";
import { weightedSumOnly } from "./aggregate/weighted-sum.js";
import { assignGrades } from "./grade.js";
import { imputeMissing } from "./missing.js";
import { normalize, NormalizeError, type Extent } from "./normalize/index.js";
import { competitionRanks } from "./rank.js";
import { addReason, addReasonToRows, excludedFor, noReasons, notEligible, scoredAsMissing, undecidedEligibility } from "./reasons.js";
import { applyRules, type RuleColumns } from "./rules.js";
import { effectiveNormalization, treatOutliers } from "./treatment.js";
import type { PeriodResult, Reason, Status, TreatedValue } from "./types.js";
import type { IndicatorWeight } from "./weights/types.js";
import { schemeWeights } from "./weights/index.js";

export function scorePeriod(frame: Frame, scheme: Scheme): PeriodResult {
  // The result's columns: derived and formula values, each indicator's normalised values and contribution, raw and score.
  const columns = scheme.derive.length + scheme.indicators.filter((i) => i.formula !== undefined).length + 2 * scheme.indicators.length + 2;
  return inArena(frame.nrows, columns, () => scorePrepared(preparePeriod(frame, scheme), scheme));
}

/**
 * What does not change when only the method's choices change (weights, normalisation, aggregation,
 * outliers, missing-value policy, numeric parameters): the derived values, the indicators' raw
 * values, who is eligible, and — evaluated on first use, then reused — the rules' condition columns.
 * Computed once for a Monte Carlo analysis; every sample then runs `scorePrepared`.
 */
export interface PreparedPeriod {
  readonly frame: Frame;
  readonly n: number;
  /** Every indicator's raw value (before outlier treatment and normalisation), by id. */
  readonly values: Map<string, Float64Array>;
  /**
   * Per row, whether the eligibility formula admits it: ELIGIBLE, NOT_ELIGIBLE (false) or UNDECIDED
   * (missing data). Exclusions for missing values depend on the policy and are decided per scoring.
   */
  readonly eligibility: Uint8Array;
  /** Warnings of the derive, indicator and eligibility formulas. */
  readonly warnings: readonly Warning[];
  /** The rule columns of `scheme.rules` and their formula warnings, evaluated once per rule list. */
  ruleColumns(scheme: Scheme): { columns: RuleColumns; warnings: readonly Warning[] };
}

/** Derive → indicator values → eligibility: the part of the pipeline that depends only on the data and the formulas. */
export function preparePeriod(frame: Frame, scheme: Scheme): PreparedPeriod {
  const n = frame.nrows;
  const warnings: Warning[] = [];
  const env = new Map(frame.numbers);
  const evaluate = formulaEvaluator(frame, env, warnings);

  for (const d of scheme.derive) env.set(d.id, evaluate(d.formula, `${d.path}.formula`));
  const values = new Map<string, Float64Array>();
  for (const ind of scheme.indicators) {
    const v = ind.formula !== undefined ? evaluate(ind.formula, `${ind.path}.formula`) : column(env, ind.column!, `${ind.path}.column`, frame);
    values.set(ind.id, v);
    if (n > 0 && !anyValue(v)) throw noValues(frame, ind);
  }
  for (const [id, v] of values) env.set(id, v);

  // Who is graded: eligible (exclusions for a missing value under the `exclude` policy come later).
  const eligibility = new Uint8Array(n); // ELIGIBLE
  if (scheme.eligible) {
    const ok = evaluate(scheme.eligible.when, `${scheme.eligible.path}.when`);
    eligibilityCodes(ok, eligibility);
  }

  let cached: { veto: Scheme["rules"]["veto"]; adjust: Scheme["rules"]["adjust"]; columns: RuleColumns; warnings: Warning[] } | undefined;
  const ruleColumns = (s: Scheme) => {
    if (cached && cached.veto === s.rules.veto && cached.adjust === s.rules.adjust) return cached;
    const ruleWarnings: Warning[] = [];
    const ev = formulaEvaluator(frame, env, ruleWarnings);
    const columns: RuleColumns = {
      veto: s.rules.veto.map((v) => ev(v.when, `${v.path}.when`)),
      adjust: s.rules.adjust.map((a) => ({
        when: a.when !== undefined ? ev(a.when, `${a.path}.when`) : undefined,
        points: typeof a.points === "number" ? a.points : ev(a.points, `${a.path}.points`),
      })),
    };
    return (cached = { veto: s.rules.veto, adjust: s.rules.adjust, columns, warnings: ruleWarnings });
  };
  return { frame, n, values, eligibility, warnings, ruleColumns };
}

/**
 * A prepared period as plain data, for a worker thread: rebuilt there by {@link fromPreparedData}
 * without compiling a formula (so a worker never loads mathjs). Its rule columns are those of the
 * scheme it was made with, valid for any scheme whose veto and adjustment formulas are the same —
 * a sensitivity sample varies the rules' cap at most, never their formulas.
 */
export interface PreparedData {
  values: Map<string, Float64Array>;
  eligibility: Uint8Array;
  warnings: readonly Warning[];
  rules: { columns: RuleColumns; warnings: readonly Warning[] };
}

export function preparedData(prep: PreparedPeriod, scheme: Scheme): PreparedData {
  const { columns, warnings } = prep.ruleColumns(scheme);
  return { values: prep.values, eligibility: prep.eligibility, warnings: prep.warnings, rules: { columns, warnings } };
}

export function fromPreparedData(frame: Frame, data: PreparedData): PreparedPeriod {
  return { frame, n: frame.nrows, values: data.values, eligibility: data.eligibility, warnings: data.warnings, ruleColumns: () => data.rules };
}

export interface ScoreOptions {
  /**
   * For Monte Carlo samples, which need only status, score, rank and grade: reasons are not
   * collected (every list stays empty), and a weighted sum is computed without its per-indicator
   * contributions (the `contrib` map is then empty). Score, rank, grade, status and vetoes are
   * exactly those of a full scoring: neither skipped part feeds them.
   */
  lean?: boolean;
  /**
   * Replaces the weights the scheme's weighting gave (each level shown): how a sensitivity analysis
   * perturbs weights whatever the weighting method. Must return weights summing to 1.
   */
  adjustWeights?: (weights: IndicatorWeight[]) => IndicatorWeight[];
  /** Lean scorings only: reuse normalised columns across scorings of the same prepared period (see NormalizedColumns). */
  cache?: NormalizedColumns;
}

/**
 * Normalised columns (after outlier treatment and the missing-value policy) kept between lean
 * scorings of one prepared period. Such a column is a function of the indicator's raw values, the
 * graded population, its direction, outlier treatment, normalisation and missing policy: when a
 * sample changes none of them (only weights, aggregation or a rule parameter), recomputing would
 * give the same bits, so the column is reused instead. Bounded: when full, it starts again empty.
 */
export class NormalizedColumns {
  private readonly columns = new Map<string, NormalizedColumn>();
  constructor(readonly limit = 256) {}
  get(key: string): NormalizedColumn | undefined {
    return this.columns.get(key);
  }
  set(key: string, column: NormalizedColumn): void {
    if (this.columns.size >= this.limit) this.columns.clear();
    this.columns.set(key, column);
  }
}

/** An indicator's normalised values with the missing ones filled, and their range over the population when known. */
interface NormalizedColumn {
  values: Float64Array;
  range?: Extent;
}

/**
 * Exclusions → outliers → normalise → missing values → weights → aggregate → rules → rank → grade,
 * over a prepared period. `scheme` may differ from the one the period was prepared with in anything
 * but its derive, indicator formulas/columns and eligibility (indicators may be left out).
 */
export function scorePrepared(prep: PreparedPeriod, scheme: Scheme, options: ScoreOptions = {}): PeriodResult {
  const { frame, n, values } = prep;
  const lean = options.lean === true;
  const warnings: Warning[] = [...prep.warnings];
  const status: Status[] = new Array(n).fill("graded");
  const reasons = noReasons(n);
  const note = lean ? () => {} : (i: number, r: Reason) => addReason(reasons, i, r);

  // The population: eligible rows, less those excluded for a missing value.
  const pop = new Uint8Array(n);
  const ineligible = lean ? [] : ineligibleReasons(scheme);
  let graded = admit<Status, readonly Reason[]>(prep.eligibility, pop, status, "not-graded", reasons, ineligible);
  for (const ind of scheme.indicators) {
    if (ind.missing !== "exclude") continue;
    const reason = excludedFor(ind);
    graded -= exclude<Status>(values.get(ind.id)!, pop, status, "excluded", (i) => note(i, reason));
  }

  const treated: TreatedValue[] = [];
  const norm = new Map<string, Float64Array>();
  const ranges = new Map<string, Extent>();
  const cache = lean ? options.cache : undefined;
  // The population depends only on which indicators exclude an enterprise without a value.
  const popKey = cache ? scheme.indicators.filter((i) => i.missing === "exclude").map((i) => i.id).join(",") : "";
  for (const ind of scheme.indicators) {
    const x = values.get(ind.id)!;
    const key = cache ? `${ind.id}|${ind.direction}|${ind.missing}|${JSON.stringify(ind.outliers)}|${JSON.stringify(effectiveNormalization(scheme, ind))}|${popKey}` : "";
    const hit = cache?.get(key);
    if (hit) {
      norm.set(ind.id, hit.values);
      if (hit.range) ranges.set(ind.id, hit.range);
      continue;
    }
    const input = treatOutliers(ind, x, pop, frame, scheme, treated, warnings);
    let r;
    try {
      r = normalize(input, pop, ind.direction, effectiveNormalization(scheme, ind));
    } catch (e) {
      if (!(e instanceof NormalizeError)) throw e;
      throw new ParkscoreError({ code: "score.normalize", file: scheme.file, path: `${ind.path}.normalize`, message: `${ind.id}: ${e.message}`, fix: "give a numeric benchmark, or check the period's data" });
    }
    if (r.constant && r.missing < graded)
      warnings.push({ code: "score.constant", file: frame.origin.file, message: `every graded enterprise has the same ${ind.id}: it does not separate them (normalised to a fixed value)` });
    let range = r.range;
    if (ind.missing !== "exclude" && r.missing > 0) {
      const filled = imputeMissing(r.values, pop, ind.missing, r);
      if (filled.filled > 0) {
        if (range) range = { min: Math.min(range.min, filled.value), max: Math.max(range.max, filled.value) };
        warnings.push({ code: "score.missing", file: frame.origin.file, message: `${filled.filled} graded enterprise(s) have no ${ind.id}: scored ${+filled.value.toPrecision(6)} (missing: ${ind.missing})` });
        if (!lean) {
          addReasonToRows(reasons, filled.rows, scoredAsMissing(ind));
        }
      }
    }
    norm.set(ind.id, r.values);
    if (range) ranges.set(ind.id, range);
    cache?.set(key, { values: r.values, range });
  }

  const nominal = schemeWeights(scheme, warnings, { pop, norm, values });
  const notes = nominal.notes;
  const weights = options.adjustWeights ? options.adjustWeights(nominal.weights) : nominal.weights;
  const w = Float64Array.from(weights, (x) => x.weight);
  let agg: Aggregated;
  const input = { n, pop, norm: scheme.indicators.map((ind) => norm.get(ind.id)!), ranges: scheme.indicators.map((ind) => ranges.get(ind.id)), weights: w, scale: scheme.aggregation.scale };
  try {
    agg = lean && scheme.aggregation.method === "weighted-sum" ? weightedSumOnly(input) : aggregate(scheme.aggregation, input);
  } catch (e) {
    if (!(e instanceof AggregationError)) throw e;
    const message = e.named({
      indicator: (k) => scheme.indicators[k]?.id ?? String(k),
      row: (i) => `for ${frame.texts.get(scheme.id)![i]} (${frame.origin.file} row ${sourceRow(frame, i)})`,
    });
    throw new ParkscoreError({ code: "score.aggregate", file: scheme.file, path: "aggregation", message });
  }

  const score = agg.score;
  const vetoed = new Uint8Array(n);
  const vetoGrade = new Map<number, string>();
  const rules = prep.ruleColumns(scheme);
  warnings.push(...rules.warnings);
  const outcome = applyRules(pop, scheme.rules.veto, scheme.rules.adjust, scheme.rules.cap, rules.columns, scheme.grading.grades, score, vetoed, vetoGrade, reasons);
  outcome.undecidedVeto.forEach((count, k) => {
    if (count) warnings.push({ code: "rules.undecided", file: scheme.file, path: scheme.rules.veto[k].path, message: `veto "${scheme.rules.veto[k].when}" could not be decided for ${count} graded enterprise(s) (missing data): not applied` });
  });
  outcome.undecidedAdjust.forEach((count, k) => {
    if (count) warnings.push({ code: "rules.undecided", file: scheme.file, path: scheme.rules.adjust[k].path, message: `adjustment could not be decided for ${count} graded enterprise(s) (missing data): not applied` });
  });
  if (lean) reasons.fill(noReasons(1)[0]); // applyRules appended veto/adjust reasons: not kept in a lean scoring

  roundScores(score, SCORE_DECIMALS);

  // Rank and grade: quotas and ranks among the enterprises not vetoed; vetoed ones rank after them.
  const rank = new Int32Array(n);
  const grade: string[] = new Array(n).fill("");
  const [forced, free] = split(pop, graded, vetoed);
  competitionRanks(score, free, rank);
  competitionRanks(score, forced, rank, free.length);
  const gradingNote = assignGrades(scheme.grading, { score, rank, rows: free, rsr: agg.extra?.get("WRSR") ?? agg.raw }, grade);
  for (const [i, g] of vetoGrade) grade[i] = g;

  const contrib = new Map(agg.contrib.length ? scheme.indicators.map((ind, j) => [ind.id, agg.contrib[j]]) : []);
  let carry: Map<string, string[]> | undefined;
  return {
    n,
    // Getters: text read from Arrow is decoded when first used (data/text.ts), which scoring itself never needs.
    get ids() {
      return frame.texts.get(scheme.id)!;
    },
    get names() {
      return frame.texts.get(scheme.name)!;
    },
    get carry() {
      return (carry ??= new Map(scheme.carry.map((c) => [c, frame.texts.get(c)!])));
    },
    status,
    score,
    raw: agg.raw,
    rank,
    grade,
    vetoed,
    reasons,
    values: lean ? values : new Map(scheme.indicators.map((ind) => [ind.id, values.get(ind.id)!])),
    norm,
    contrib,
    weights,
    weightingNotes: gradingNote ? [...notes, { weighting: "grading", level: scheme.grading.method, detail: gradingNote }] : notes,
    extra: agg.extra ?? new Map(),
    treated,
    warnings,
  };
}

/**
 * Rounds scores to 9 decimal places, so that enterprises whose scores are equal in exact arithmetic
 * but differ in the last binary digit (0.6·⅔ + 0.4·0.7 vs 0.6 + 0.4·0.2) tie, as a reader expects.
 */
export const SCORE_DECIMALS = 9;

/** The reason list of a row, by its eligibility code: one frozen list per code, shared (reason lists never change once made). */
function ineligibleReasons(scheme: Scheme): (readonly Reason[])[] {
  const e = scheme.eligible;
  if (!e) return [];
  const lists: (readonly Reason[])[] = [];
  lists[ELIGIBLE] = Object.freeze([]); // never read
  lists[NOT_ELIGIBLE] = Object.freeze([notEligible(e)]);
  lists[UNDECIDED] = Object.freeze([undecidedEligibility(e)]);
  return lists;
}

/**
 * An indicator no enterprise has a value for cannot rank anyone: scoring it as missing for all (the
 * same points each) would hide an empty or misnamed column, so it is an error naming the column.
 */
function noValues(frame: Frame, ind: Indicator): ParkscoreError {
  const where = ind.column !== undefined ? `column "${frame.origin.headers.get(ind.column) ?? ind.column}" is empty in every row` : `its formula "${ind.formula}" gives no value in any row`;
  return new ParkscoreError({
    code: "score.no-values",
    file: frame.origin.file,
    path: ind.path,
    message: `no enterprise has a value for the indicator ${ind.id}: ${where}`,
    fix: ind.column !== undefined ? "fill in the column (or check that the scheme maps the right header to it), or leave the indicator out of the scheme for this period" : "check the columns the formula reads, or leave the indicator out of the scheme",
  });
}

function column(env: Map<string, Float64Array>, name: string, path: string, frame: Frame): Float64Array {
  const c = env.get(name);
  if (!c)
    throw new ParkscoreError({
      code: "score.unknown-name",
      file: frame.origin.file,
      path,
      message: `"${name}" is neither a column of the data nor a derived value`,
      fix: `add a column "${name}" to the data, map its header under columns:, or define it under derive:`,
    });
  return c;
}

/** Evaluates a scheme formula over the environment's columns, turning its issues into warnings. */
function formulaEvaluator(frame: Frame, env: Map<string, Float64Array>, warnings: Warning[]) {
  return (source: string, path: string): Float64Array => {
    const f = compileFormula(source);
    const cols = f.symbols.map((s) => column(env, s, path, frame));
    const { values, issues } = f.evaluate(cols, frame.nrows);
    if (issues.negativeDivisor > 0) {
      const rows = issues.negativeRows.map((i) => sourceRow(frame, i)).join(", ");
      const divisors = [...new Set(f.divisors)];
      const by = divisors.join(" or ");
      throw new ParkscoreError({
        code: "formula.negative-divisor",
        file: frame.origin.file,
        path,
        ...(divisors.length === 1 && frame.numbers.has(by) ? { column: frame.origin.headers.get(by) ?? by } : {}),
        message: `"${source}" divides by ${by}, which is negative in ${issues.negativeDivisor} row(s) (rows ${rows}${issues.negativeDivisor > issues.negativeRows.length ? ", …" : ""}), which would turn the ratio's sign`,
        fix: `correct those values (a land area, headcount or energy use is never negative); if a negative value is meant, say what it gives in the formula, e.g. "${by} > 0 ? … : 0"`,
      });
    }
    const bad = issues.divisionByZero + issues.nonFinite;
    if (bad > 0) {
      const rows = issues.rows.map((i) => sourceRow(frame, i)).join(", ");
      const what = issues.divisionByZero ? `division by zero in ${issues.divisionByZero} row(s)` : `a result that is not a finite number in ${issues.nonFinite} row(s)`;
      warnings.push({ code: "formula.missing", file: frame.origin.file, message: `${path} "${source}": ${what} (rows ${rows}${bad > issues.rows.length ? ", …" : ""}): treated as missing` });
    }
    return values;
  };
}
