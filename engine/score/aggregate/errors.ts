import { MethodError } from "../../errors.js";

/** Input an aggregation cannot handle (e.g. a negative value in a geometric mean, v outside [0, 1]). */
export class AggregationError extends MethodError {
  override name = "AggregationError";
}
