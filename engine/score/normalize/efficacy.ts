import type { Direction } from "../../scheme/types.js";
import { linear, type Normalized } from "./kernel.js";
import { minmax } from "./minmax.js";

/**
 * Efficacy coefficient c + d·r with r the min-max value (e.g. 60 + 40·r, as Jingde's
 * 20 + 80·r in docs/methods.md §1); constant → c + d.
 */
export function efficacy(x: Float64Array, pop: Uint8Array, direction: Direction, c: number, d: number): Normalized {
  const r = minmax(x, pop, direction);
  const scaled = linear(r.values, pop, d, 0, 1, c, -Infinity, Infinity, r.range && { ...r.range, gaps: r.gaps }); // c + (d·r)/1
  return { ...scaled, constant: r.constant, missing: r.missing };
}
