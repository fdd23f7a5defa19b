import type { Direction, NormalizeSpec } from "../../scheme/types.js";
import { linear, median, NormalizeError, observed, stats, type Normalized } from "./kernel.js";

/**
 * Benchmark ratio, the 亩均 method: benefit x/b, cost 2 − x/b (Huangyan's negative-indicator
 * variant, 0 once x ≥ 2b), floored at 0 and capped at `cap` when given; b = benchmark × factor.
 * docs/methods.md §1 (Huangyan 2022, chacewang.com/newsdetail/news430850.html; Huai'an's 2 × average).
 */
export function benchmarkRatio(
  x: Float64Array,
  pop: Uint8Array,
  direction: Direction,
  spec: Extract<NormalizeSpec, { method: "benchmark-ratio" }>,
): Normalized {
  const s = stats(x, pop);
  let base: number;
  if (typeof spec.benchmark === "number") base = spec.benchmark;
  else if (spec.benchmark === "mean") base = s.sum / s.count;
  else base = median(observed(x, pop));
  const b = base * spec.factor;
  if (!(b > 0 && Number.isFinite(b)))
    throw new NormalizeError(
      `the benchmark is ${Number.isNaN(b) ? "undefined (no values)" : b} (${spec.benchmark}${spec.factor !== 1 ? ` × ${spec.factor}` : ""}); ratios need a positive benchmark`,
    );
  const cap = spec.cap ?? Infinity;
  const scaled = direction === "benefit" ? linear(x, pop, 1, 0, b, 0, 0, cap, s) : linear(x, pop, -1, 0, b, 2, 0, cap, s);
  return { ...scaled, constant: !(s.max > s.min), missing: s.size - s.count, benchmark: b };
}
