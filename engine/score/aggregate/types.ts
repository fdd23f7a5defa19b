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

/** A column for `n` rows that will be written at the population rows: NaN elsewhere. */
export function nanColumn(n: number, pop: Int32Array): Float64Array {
  const c = new Float64Array(n);
  return pop.length === n ? c : c.fill(NaN);
}
