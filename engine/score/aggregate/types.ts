/** What an aggregation gives back, over the population rows (NaN elsewhere). */
export interface Aggregated {
  /** The method's own value: weighted sum, TOPSIS closeness… */
  raw: Float64Array;
  /** The score before rules, higher is better, on the scheme's scale. */
  score: Float64Array;
  /** Per indicator, in scheme order: its part of `score`; the parts add up to it. */
  contrib: Float64Array[];
}

/** Input to every aggregation: normalised columns (no NaN at population rows) and final weights. */
export interface AggregationInput {
  n: number;
  pop: Int32Array;
  norm: Float64Array[];
  weights: Float64Array;
  scale: number;
}

export function nanColumn(n: number): Float64Array {
  return new Float64Array(n).fill(NaN);
}
