import type { Direction } from "../../scheme/types.js";
import { constantColumn, linear, stats, type Normalized } from "./kernel.js";

/**
 * Min-max: benefit (x − min)/(max − min), cost (max − x)/(max − min); a constant column gives 1.
 * OECD/JRC Handbook on Constructing Composite Indicators (2008), §1.5 and table 3 ("min-max").
 */
export function minmax(x: Float64Array, pop: Uint8Array, direction: Direction): Normalized {
  const s = stats(x, pop);
  const missing = s.size - s.count;
  const range = s.max - s.min;
  if (!(range > 0)) return { ...constantColumn(x, pop, 1, s), constant: true, missing };
  const scaled = direction === "benefit" ? linear(x, pop, 1, -s.min, range, 0, -Infinity, Infinity, s) : linear(x, pop, -1, s.max, range, 0, -Infinity, Infinity, s);
  return { ...scaled, constant: false, missing };
}
