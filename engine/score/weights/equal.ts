/** Equal weights at every level: each category alike, each indicator alike inside its category (COINr's default). */
import type { Warning } from "../../errors.js";
import type { Scheme } from "../../scheme/types.js";
import type { IndicatorWeight } from "../types.js";
import { hierarchicalWeights } from "./levels.js";

export function equalWeights(scheme: Scheme, warnings: Warning[]): IndicatorWeight[] {
  return hierarchicalWeights(scheme, warnings, () => 1);
}
