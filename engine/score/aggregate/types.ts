import type { Extent } from "../normalize/index.js";

/** What an aggregation gives back, over the population rows (NaN elsewhere). */
export interface Aggregated {
  /** The method's own value: weighted sum, TOPSIS closeness… */
  raw: Float64Array;
  /** The score before rules, higher is better, on the scheme's scale. */
  score: Float64Array;
  /** Per indicator, in scheme order: its part of `score`; the parts add up to it. */
  contrib: Float64Array[];
  /** Additional output columns of the method, by name (e.g. VIKOR's S and R); NaN outside the population. */
  extra?: Map<string, Float64Array>;
}

/**
 * Input to every aggregation: normalised columns and final weights. At population rows (`pop[i]`
 * = 1) the normalised values are numbers (missing values already filled); elsewhere they are NaN,
 * so results there come out NaN without a test in the inner loops.
 */
export interface AggregationInput {
  n: number;
  pop: Uint8Array;
  norm: Float64Array[];
  /** Per indicator, the lowest and highest normalised value at population rows, where the normalisation knew them (saves TOPSIS a pass). */
  ranges?: readonly (Extent | undefined)[];
  weights: Float64Array;
  scale: number;
}

/**
 * Rows per block in row-blocked loops: the running totals of a block (8 KB) stay in the L1 cache
 * while every indicator adds to them, instead of streaming a whole column of totals per indicator.
 */
export const BLOCK = 1024;
