import { MethodError } from "../../errors.js";

/**
 * The error every weighting method throws for input that has no defined answer (a mean of 0 for
 * the coefficient of variation, a negative value for entropy, an AHP matrix that is not reciprocal…).
 * The message names the indicator (0-based index, also a field) or matrix cell and says what to do instead.
 */
export class WeightError extends MethodError {
  override name = "WeightError";
}
