/** The weighting method chosen in the scheme → the final weight of each indicator. */
import type { Warning } from "../../errors.js";
import type { Scheme } from "../../scheme/types.js";
import type { IndicatorWeight } from "../types.js";
import { equalWeights } from "./equal.js";
import { expertWeights } from "./expert.js";

export function schemeWeights(scheme: Scheme, warnings: Warning[]): IndicatorWeight[] {
  switch (scheme.weighting.method) {
    case "expert":
      return expertWeights(scheme, warnings);
    case "equal":
      return equalWeights(scheme, warnings);
  }
}
