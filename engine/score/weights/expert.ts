/**
 * Expert (subjective) weights from the scheme: category weight × indicator weight, each level summing
 * to 1. A points scheme such as Huangyan's 30/20/20/10/10/10 (DOMAIN.md §2) is the same as
 * 0.3/0.2/…: it is rescaled, with a warning.
 */
import type { Warning } from "../../errors.js";
import type { Scheme } from "../../scheme/types.js";
import type { IndicatorWeight } from "../types.js";
import { hierarchicalWeights } from "./levels.js";

export function expertWeights(scheme: Scheme, warnings: Warning[]): IndicatorWeight[] {
  return hierarchicalWeights(scheme, warnings, (x) => x.weight ?? 0);
}
