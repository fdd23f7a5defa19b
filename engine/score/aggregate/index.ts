/** The aggregation method chosen in the scheme, with its parameters. */
import type { Aggregation } from "../../scheme/types.js";
import { greyRelational } from "./grey-relational.js";
import { rankSumRatio } from "./rank-sum-ratio.js";
import { topsis } from "./topsis.js";
import type { Aggregated, AggregationInput } from "./types.js";
import { vikor } from "./vikor.js";
import { weightedProduct } from "./weighted-product.js";
import { weightedSum } from "./weighted-sum.js";

export function aggregate(spec: Aggregation, input: AggregationInput): Aggregated {
  switch (spec.method) {
    case "weighted-sum":
      return weightedSum(input);
    case "topsis":
      return topsis(input);
    case "weighted-product":
      return weightedProduct(input);
    case "vikor":
      return vikor(input, spec.v);
    case "grey-relational":
      return greyRelational(input, spec.rho);
    case "rank-sum-ratio":
      return rankSumRatio(input);
  }
}
