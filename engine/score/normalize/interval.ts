import { column } from "../../kernels/arena.js";
import { NormalizeError, stats, type Normalized } from "./kernel.js";
import type { IntervalSpec } from "../../scheme/types.js";

/**
 * Interval-optimal (区间型指标, "moderate" indicator): the ideal interval [q1, q2] scores 1; below it
 * the score falls linearly to 0 at `lower`, above it to 0 at `upper`; beyond them it is 0:
 *
 *   r = 1 − (q1 − x)/(q1 − lower)   lower ≤ x < q1
 *   r = 1                           q1 ≤ x ≤ q2
 *   r = 1 − (x − q2)/(upper − q2)   q2 < x ≤ upper
 *   r = 0                           x < lower or x > upper
 *
 * The tolerance-bound form of the consistency transform for interval indicators in Chinese
 * comprehensive-evaluation textbooks (郭亚军《综合评价理论、方法及应用》, 科学出版社 2007, 指标类型的一致化;
 * the page was not checked here). `lower`/`upper` (the "unbearable" bounds) default to the
 * population min and max, so the worst value on each side scores 0. This differs from the
 * single-tolerance variant of mathematical-modelling textbooks, M = max(q1 − min, max − q2) on both
 * sides, where only the farther side reaches 0; to get that one, give lower = q1 − M, upper = q2 + M.
 *
 * Direction is ignored: the interval says what is best. A constant column needs no special value
 * (the formula is defined) and is only flagged.
 */
export function interval(x: Float64Array, pop: Uint8Array, spec: IntervalSpec): Normalized {
  const s = stats(x, pop);
  const { q1, q2 } = spec;
  // Defaults: the population's min/max, but never inside the ideal interval (a population entirely
  // above q1 has nothing below it to score).
  const lower = spec.lower ?? (s.min < q1 ? s.min : q1);
  const upper = spec.upper ?? (s.max > q2 ? s.max : q2);
  if (!(Number.isFinite(q1) && Number.isFinite(q2) && q1 <= q2))
    throw new NormalizeError(`the ideal interval [q1, q2] = [${q1}, ${q2}] must be finite with q1 ≤ q2`);
  if (!(lower <= q1 && !Number.isNaN(lower)))
    throw new NormalizeError(`the lower bound ${lower} must be at most q1 = ${q1}`);
  if (!(upper >= q2 && !Number.isNaN(upper)))
    throw new NormalizeError(`the upper bound ${upper} must be at least q2 = ${q2}`);
  const values = column(x.length);
  intervalKernel(x, pop, lower, q1, q2, upper, values);
  return { values, constant: !(s.max > s.min), missing: s.size - s.count };
}

function intervalKernel(x: Float64Array, pop: Uint8Array, lower: number, q1: number, q2: number, upper: number, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    let r: number;
    if (pop[i] === 0 || v !== v) r = NaN;
    else if (v < q1) r = v < lower ? 0 : 1 - (q1 - v) / (q1 - lower); // lower < q1 here, or v < lower
    else if (v <= q2) r = 1;
    else r = v > upper ? 0 : 1 - (v - q2) / (upper - q2);
    out[i] = r;
  }
}
