/**
 * The resolved indicator scheme: what the scoring engine works from, every default filled in.
 * The file format and its meaning are documented in docs/scheme.md.
 */
import type { Uncertainty } from "./uncertainty-schema.js";

export interface Label {
  zh: string;
  en: string;
}

export type Lang = keyof Label;

export type Direction = "benefit" | "cost";

export type MissingPolicy = "worst" | "mean-score" | "zero" | "exclude";

export type NormalizeSpec = (
  | { method: "minmax" }
  | { method: "vector" }
  | { method: "zscore" }
  /** x / (benchmark × factor), floored at 0 and optionally capped: the 亩均 practice (docs/methods.md §1). */
  | { method: "benchmark-ratio"; benchmark: number | "mean" | "median"; factor: number; cap?: number }
  /** Efficacy coefficient c + d·r over the min-max value r (e.g. 60 + 40·r). */
  | { method: "efficacy"; c: number; d: number }
  | IntervalSpec
  | RankSpec
  | PercentileSpec
  | MaxSpec
  | SumSpec
  | TargetSpec
) & {
  /** Applied to the raw values before normalising: ln x, or COINr's shifted ln(x − min + 1). */
  transform?: "log";
};

/**
 * Interval-optimal (区间型): 1 inside the ideal interval [q1, q2], linear down to 0 at `lower` below
 * it and at `upper` above it, 0 beyond them. `lower`/`upper` default to the population min/max.
 * Direction is ignored. Requires lower ≤ q1 ≤ q2 ≤ upper.
 */
export interface IntervalSpec {
  method: "interval";
  q1: number;
  q2: number;
  lower?: number;
  upper?: number;
}

/** (mid-rank − 1)/(n − 1), ties averaged, best = 1; a single distinct value gives 1. */
export interface RankSpec {
  method: "rank";
}

/** Mid-rank percentile: (values strictly worse + half the equal ones, itself included)/n. */
export interface PercentileSpec {
  method: "percentile";
}

/** Benefit x/max, cost min/x; values must be ≥ 0. */
export interface MaxSpec {
  method: "max";
}

/** Benefit x/Σx, cost (1/x)/Σ(1/x); values must be ≥ 0. */
export interface SumSpec {
  method: "sum";
}

/**
 * Distance to target (goalposts): (x − floor)/(target − floor), floored at 0 and capped at `cap`
 * (default 1: capped at the target). Benefit needs target > floor, cost target < floor.
 */
export interface TargetSpec {
  method: "target";
  floor: number;
  target: number;
  cap?: number;
}

export type NormalizeMethod = NormalizeSpec["method"];

export interface Derived {
  id: string;
  formula: string;
  unit: string;
  path: string;
}

export interface Category {
  id: string;
  label: Label;
  weight?: number;
  path: string;
}

export interface Indicator {
  id: string;
  label: Label;
  unit: string;
  category?: string;
  /** Exactly one of column and formula is set. */
  column?: string;
  formula?: string;
  direction: Direction;
  weight?: number;
  normalize: NormalizeSpec;
  missing: MissingPolicy;
  outliers: OutlierTreatment;
  source?: string;
  /** Where it sits in the scheme file, for messages: `indicators[2]`. */
  path: string;
}

export type ObjectiveMethod = "entropy" | "critic" | "stddev" | "variation";
/** scatter-degree: the vertical-and-horizontal scatter degree method (纵横向拉开档次法) — over one period when scoring it, over the cube of periods in `dynamic`. */
export type SimpleWeightingMethod = "expert" | "equal" | "ahp" | ObjectiveMethod | "scatter-degree";

/** A Saaty judgement matrix, as numbers, with where it sits in the scheme. */
export interface JudgementMatrix {
  values: number[][];
  path: string;
}

export interface SimpleWeighting {
  method: SimpleWeightingMethod;
  /** entropy only: computed on the normalised matrix (Chinese practice) or on raw positive data. */
  basis: "normalized" | "raw";
  /** How categories are weighted when the scheme has them (the indicator level uses `method`). */
  categories: "expert" | "equal" | "ahp";
  judgements: { categories?: JudgementMatrix; indicators?: JudgementMatrix | Record<string, JudgementMatrix> };
  acceptInconsistent: boolean;
  /** A short name for outputs (weights.csv columns of a combination): `expert`, `entropy(raw)`. */
  name: string;
}

export type Weighting =
  | SimpleWeighting
  | { method: "combined"; combine: "multiplicative" | "linear" | "game-theory"; mu: number; of: SimpleWeighting[]; name: string };

export type WeightingMethod = Weighting["method"];
export type AggregationMethod = "weighted-sum" | "topsis" | "weighted-product" | "vikor" | "grey-relational" | "rank-sum-ratio";

export interface Aggregation {
  method: AggregationMethod;
  scale: number;
  /** topsis: its own normalisation, or the indicators' (`indicators`). */
  normalize: "vector" | "minmax" | "indicators";
  /** vikor: weight of the group utility. */
  v: number;
  /** grey-relational: distinguishing coefficient. */
  rho: number;
}

export type OutlierTreatment =
  | { method: "none" }
  /** COINr's rule: winsorise while |skew| > skew and kurtosis > kurtosis, at most `max` points. */
  | { method: "winsorize"; skew: number; kurtosis: number; max: number; logFallback: boolean }
  | { method: "clip"; lower: number; upper: number };

export interface Condition {
  when: string;
  reason: Label;
  path: string;
}

export interface Veto extends Condition {
  grade: string;
}

export interface Adjustment {
  when?: string;
  /** Points added (negative for a penalty): a number or a formula. */
  points: number | string;
  reason: Label;
  path: string;
}

interface GradingCommon {
  /** Best first. */
  grades: string[];
  veto: string;
  labels: Record<string, Label>;
}

export type Grading =
  | ({ method: "quotas"; quotas: number[] } & GradingCommon)
  | ({ method: "bands"; bands: number[] } & GradingCommon)
  /** Jenks / ckmeans optimal breaks of the scores, one class per grade. */
  | ({ method: "natural-breaks" } & GradingCommon)
  /** Rank-sum ratio grading by Probit regression (3, 4 or 5 grades). */
  | ({ method: "rsr-probit" } & GradingCommon);

/** What a card handed to one enterprise may show of the others (engine/report/disclosure.ts). */
export interface Disclosure {
  /** The fewest enterprises an aggregate a card shows may be computed over (default 5). */
  minGroup: number;
  /** Significant digits of an aggregate a card shows (default 2). */
  digits: number;
}

export type CombineRule = "sum" | "max" | "min" | "mean" | "first" | "count" | "any";

/** One header of a department's file and the column of the merged table it fills. */
export interface SourceColumn {
  header: string;
  column: string;
  /** The column's own rule, else the source's; none: one row per enterprise. */
  combine?: CombineRule;
  path: string;
}

/** A department's file (docs/scheme.md, "Department files"). */
export interface DepartmentSource {
  id: string;
  label: Label;
  /** The participant list: who is evaluated. Exactly one source of a scheme is. */
  participants: boolean;
  /** The header of the column holding the credit code. */
  key: string;
  columns: SourceColumn[];
  /** A shared parcel's rows: each row's share (a column of 0..1), or split equally among the enterprises holding the same parcel. */
  share?: { header: string } | { parcel: string };
  /** A period cannot be scored without a revision of a required source. */
  required: boolean;
  path: string;
}

export interface Scheme {
  /** What the evaluation is called (the file name when the scheme gives none). */
  title: Label;
  id: string;
  name: string;
  period?: string;
  /** Source header → column name. */
  columns: Record<string, string>;
  carry: string[];
  derive: Derived[];
  categories: Category[];
  indicators: Indicator[];
  weighting: Weighting;
  aggregation: Aggregation;
  eligible?: Condition;
  rules: { veto: Veto[]; adjust: Adjustment[]; cap?: number };
  grading: Grading;
  /** The scheme's references: where its methods and numbers come from. */
  sources: string[];
  /** The departments' files a period is merged from, in the scheme's order; empty when a period is one merged file. */
  departments: DepartmentSource[];
  /** Credit codes that fail the GB 32100 check and are accepted as they are (normalised). */
  usccOverrides: string[];
  disclosure: Disclosure;
  /** What a sensitivity analysis varies, when the scheme says (docs/sensitivity.md). */
  uncertainty?: Uncertainty;
  /** sha256 of the scheme file's bytes. */
  hash: string;
  /** The file it came from. */
  file: string;
}
