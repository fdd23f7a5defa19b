import type { Direction } from "../../scheme/types.js";
import { constantColumn, linear, stats, type Normalized } from "./kernel.js";
import { squaredDeviations } from "../../kernels/column-stats.js";

/**
 * z-score with the sample standard deviation (n − 1, as R's scale() and COINr's n_zscore);
 * constant → 0. OECD/JRC Handbook (2008), table 3 ("standardisation").
 */
export function zscore(x: Float64Array, pop: Uint8Array, direction: Direction): Normalized {
  const s = stats(x, pop);
  const missing = s.size - s.count;
  const mean = s.sum / s.count;
  const sd = s.count > 1 ? Math.sqrt(squaredDeviations(x, pop, mean) / (s.count - 1)) : 0;
  if (!(sd > 0)) return { ...constantColumn(x, pop, 0, s), constant: true, missing };
  const scaled = direction === "benefit" ? linear(x, pop, 1, -mean, sd, 0, -Infinity, Infinity, s) : linear(x, pop, -1, mean, sd, 0, -Infinity, Infinity, s);
  return { ...scaled, constant: false, missing };
}

