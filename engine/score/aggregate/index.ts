/** The aggregation method chosen in the scheme. */
import type { AggregationMethod } from "../../scheme/types.js";
import { topsis } from "./topsis.js";
import type { Aggregated, AggregationInput } from "./types.js";
import { weightedSum } from "./weighted-sum.js";

export const aggregations: Record<AggregationMethod, (input: AggregationInput) => Aggregated> = {
  "weighted-sum": weightedSum,
  topsis,
};
