/** What the weighting gives a scoring: each indicator's weight at every level, and what the methods found. */

export interface IndicatorWeight {
  indicator: string;
  category?: string;
  /** Weight of the category (1 in a flat scheme). */
  categoryWeight: number;
  /** Weight inside the category. */
  localWeight: number;
  /** categoryWeight × localWeight: the weight the aggregation uses; these sum to 1. */
  weight: number;
  /** For a combination: each combined weighting's final weight of this indicator, by name. */
  components?: Record<string, number>;
}

/** The data objective methods look at: the population's normalised and raw columns. */
export interface WeightingData {
  pop: Uint8Array;
  norm: Map<string, Float64Array>;
  values: Map<string, Float64Array>;
}

/** What a weighting method found, for the manifest (entropies, AHP consistency…). */
export interface WeightingNote {
  weighting: string;
  level: string;
  detail: Record<string, unknown>;
}

export interface SchemeWeights {
  weights: IndicatorWeight[];
  notes: WeightingNote[];
}
