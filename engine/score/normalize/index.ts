/**
 * Normalisation: each indicator's values → comparable scores, higher is better. One method per
 * file, each citing its source; kernel.ts holds what they share. `normalize` dispatches on the
 * indicator's spec, after the optional log transform.
 */
import type { Direction } from "../../scheme/types.js";
import { benchmarkRatio } from "./benchmark-ratio.js";
import { efficacy } from "./efficacy.js";
import { interval } from "./interval.js";
import { NormalizeError, type Normalized } from "./kernel.js";
import { max } from "./max.js";
import { minmax } from "./minmax.js";
import { percentile, rank } from "./rank.js";
import type { NormalizeSpec } from "../../scheme/types.js";
import { sum } from "./sum.js";
import { target } from "./target.js";
import { logTransform, transformParameter, type LogTransformed } from "./transform.js";
import { vector } from "./vector.js";
import { zscore } from "./zscore.js";

export { NormalizeError, median, observed, type Extent, type Normalized } from "./kernel.js";
export { benchmarkRatio, efficacy, interval, max, minmax, percentile, rank, sum, target, vector, zscore };
export { logTransform, type LogTransformed } from "./transform.js";

export function normalize(x: Float64Array, pop: Uint8Array, direction: Direction, spec: NormalizeSpec): Normalized {
  const transform: string | undefined = spec.transform;
  if (transform === undefined) return dispatch(x, pop, direction, spec);
  if (transform !== "log") throw new NormalizeError(`unknown transform "${transform}" (known: log)`);
  const t = logTransform(x, pop);
  const r = dispatch(t.values, pop, direction, inTransformedUnits(spec, t));
  return { ...r, transform: t.shifted ? { method: "log", shifted: true, min: t.min } : { method: "log", shifted: false } };
}

function dispatch(x: Float64Array, pop: Uint8Array, direction: Direction, spec: NormalizeSpec): Normalized {
  switch (spec.method) {
    case "minmax":
      return minmax(x, pop, direction);
    case "vector":
      return vector(x, pop, direction);
    case "zscore":
      return zscore(x, pop, direction);
    case "benchmark-ratio":
      return benchmarkRatio(x, pop, direction, spec);
    case "efficacy":
      return efficacy(x, pop, direction, spec.c, spec.d);
    case "interval":
      return interval(x, pop, spec);
    case "rank":
      return rank(x, pop, direction);
    case "percentile":
      return percentile(x, pop, direction);
    case "max":
      return max(x, pop, direction);
    case "sum":
      return sum(x, pop, direction);
    case "target":
      return target(x, pop, direction, spec);
    default: {
      const unknown: never = spec;
      throw new NormalizeError(`unknown normalisation method "${(unknown as { method: string }).method}"`);
    }
  }
}

/**
 * A spec whose numbers in the indicator's units (a numeric benchmark, the interval's q1, q2,
 * lower, upper, the target's floor and target) are mapped through the same log, so that they keep
 * their meaning on the transformed scale. Caps and benchmark factors are on the score scale and
 * stay as given (factor then multiplies the benchmark on the log scale, like a mean or median
 * benchmark computed from the transformed values).
 */
function inTransformedUnits(spec: NormalizeSpec, t: LogTransformed): NormalizeSpec {
  const f = (name: string, v: number) => transformParameter(t, name, v);
  switch (spec.method) {
    case "benchmark-ratio":
      return typeof spec.benchmark === "number" ? { ...spec, benchmark: f("benchmark", spec.benchmark) } : spec;
    case "interval":
      return {
        ...spec,
        q1: f("q1", spec.q1),
        q2: f("q2", spec.q2),
        ...(spec.lower !== undefined && { lower: f("lower", spec.lower) }),
        ...(spec.upper !== undefined && { upper: f("upper", spec.upper) }),
      };
    case "target":
      return { ...spec, floor: f("floor", spec.floor), target: f("target", spec.target) };
    default:
      return spec;
  }
}
