import { MethodError } from "../errors.js";

/**
 * Input the dynamic layer has no defined answer for: a time degree outside [0, 1], periods that do
 * not line up, a grade outside the scheme's list, a scatter-degree matrix whose leading eigenvector
 * is not unique… The message says what was wrong and what would make it answerable.
 */
export class DynamicError extends MethodError {
  override name = "DynamicError";
}
