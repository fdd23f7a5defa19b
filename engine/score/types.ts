/** What scoring one period produces: columns over all enterprises of the period, input order kept. */
import type { Warning } from "../errors.js";
import type { Label } from "../scheme/types.js";
import type { IndicatorWeight, WeightingNote } from "./weights/types.js";

/** A value changed by outlier treatment, for the manifest. */
export interface TreatedValue {
  indicator: string;
  id: string;
  /** Row in the source file. */
  row: number;
  from: number;
  to: number;
}

export type Status = "graded" | "not-graded" | "excluded";

/** Why an enterprise is where it is: shown in `reasons` and on its scorecard. */
export interface Reason {
  kind: "not-eligible" | "excluded" | "missing" | "veto" | "adjust";
  label: Label;
  /** Points added or removed, for adjustments. */
  points?: number;
}

export interface PeriodResult {
  n: number;
  ids: string[];
  names: string[];
  /** Text columns carried from the input (park, industry…); from Arrow, decoded when first read. */
  carry: Map<string, string[]>;
  status: Status[];
  /** Final score after rules, higher is better; NaN when not graded. */
  score: Float64Array;
  /** The aggregation's own value (weighted sum, TOPSIS closeness…); NaN when not graded. */
  raw: Float64Array;
  /** 1 is best; 0 when not graded. */
  rank: Int32Array;
  /** '' when not graded. */
  grade: string[];
  vetoed: Uint8Array;
  reasons: (readonly Reason[])[];
  /** Indicator values before normalisation, per indicator id. */
  values: Map<string, Float64Array>;
  /** Normalised values (after missing-value policy). */
  norm: Map<string, Float64Array>;
  /** Each indicator's share of the score before rules; they add up to it. */
  contrib: Map<string, Float64Array>;
  weights: IndicatorWeight[];
  /** What the weighting methods found (entropies, AHP consistency, combination coefficients). */
  weightingNotes: WeightingNote[];
  /** Extra columns of the aggregation (VIKOR's S and R, RSR…). */
  extra: Map<string, Float64Array>;
  /** Every value that outlier treatment changed. */
  treated: TreatedValue[];
  warnings: Warning[];
}
