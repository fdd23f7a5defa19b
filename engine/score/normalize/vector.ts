import type { Direction } from "../../scheme/types.js";
import { constantColumn, linear, stats, type Normalized } from "./kernel.js";

/**
 * Vector: x/√Σx²; cost 1 − x/√Σx². An all-zero column gives 0 (benefit) or 1 (cost).
 * The TOPSIS normalisation (Hwang & Yoon, Multiple Attribute Decision Making, 1981).
 */
export function vector(x: Float64Array, pop: Uint8Array, direction: Direction): Normalized {
  const s = stats(x, pop);
  const missing = s.size - s.count;
  const norm = Math.sqrt(s.sumSq);
  if (!(norm > 0)) return { ...constantColumn(x, pop, direction === "benefit" ? 0 : 1, s), constant: true, missing };
  const scaled = direction === "benefit" ? linear(x, pop, 1, 0, norm, 0, -Infinity, Infinity, s) : linear(x, pop, -1, 0, norm, 1, -Infinity, Infinity, s);
  return { ...scaled, constant: !(s.max > s.min), missing };
}
