import type { Direction } from "../../scheme/types.js";
import { constantColumn, inverse, linear, NormalizeError, requireNonNegative, stats, type Normalized } from "./kernel.js";

/**
 * Max (linear scale transformation): benefit x/max, cost min/x. Hwang & Yoon, Multiple Attribute
 * Decision Making (1981), "linear scale transformation"; COINr's n_fracmax (x/max); OECD/JRC
 * Handbook (2008), table 3, distance to a reference with the leader as reference.
 *
 * Ratios need a ratio scale: a negative value is an error. Cost: a zero among positive values
 * would make min/x 0 for every other enterprise (and 0/0 for the zero) — an error naming the fix,
 * rather than a ranking with no information. A constant column (all zero included) gives 1: every
 * enterprise is the best.
 */
export function max(x: Float64Array, pop: Uint8Array, direction: Direction): Normalized {
  const s = stats(x, pop);
  const missing = s.size - s.count;
  requireNonNegative(s, "max");
  if (!(s.max > s.min)) return { ...constantColumn(x, pop, 1, s), constant: true, missing };
  if (direction === "benefit") return { ...linear(x, pop, 1, 0, s.max, 0, -Infinity, Infinity, s), constant: false, missing };
  if (s.min === 0)
    throw new NormalizeError(`"max" normalisation of a cost indicator is min/x, undefined when some values are 0 and others not; use minmax, rank or target`);
  return { values: inverse(x, pop, s.min, 1), constant: false, missing };
}
