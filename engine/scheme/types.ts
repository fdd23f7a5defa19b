/**
 * The resolved indicator scheme: what the scoring engine works from, every default filled in.
 * The file format and its meaning are documented in docs/scheme.md.
 */

export interface Label {
  zh: string;
  en: string;
}

export type Lang = keyof Label;

export type Direction = "benefit" | "cost";

export type MissingPolicy = "worst" | "mean-score" | "zero" | "exclude";

export type NormalizeSpec =
  | { method: "minmax" }
  | { method: "vector" }
  | { method: "zscore" }
  /** x / (benchmark × factor), floored at 0 and optionally capped: the 亩均 practice (DOMAIN.md §2). */
  | { method: "benchmark-ratio"; benchmark: number | "mean" | "median"; factor: number; cap?: number }
  /** Efficacy coefficient c + d·r over the min-max value r (e.g. 60 + 40·r). */
  | { method: "efficacy"; c: number; d: number };

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
  source?: string;
  /** Where it sits in the scheme file, for messages: `indicators[2]`. */
  path: string;
}

export type WeightingMethod = "expert" | "equal";
export type AggregationMethod = "weighted-sum" | "topsis";

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

export type Grading =
  | { method: "quotas"; grades: string[]; quotas: number[]; veto: string; labels: Record<string, Label> }
  | { method: "bands"; grades: string[]; bands: number[]; veto: string; labels: Record<string, Label> };

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
  weighting: { method: WeightingMethod };
  aggregation: { method: AggregationMethod; scale: number };
  eligible?: Condition;
  rules: { veto: Veto[]; adjust: Adjustment[]; cap?: number };
  grading: Grading;
  sources: string[];
  /** sha256 of the scheme file's bytes. */
  hash: string;
  /** The file it came from. */
  file: string;
}
