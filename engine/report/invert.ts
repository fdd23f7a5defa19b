/**
 * The inverse of an indicator's normalisation: which value, in the indicator's own unit, gives a
 * wanted normalised value r — with the period's population parameters (benchmark, sd, norm…) held
 * fixed, "other things equal", except a mean benchmark, which is solved together with the value. The forward formulas are those of
 * engine/score/normalize (docs/scheme.md, the table of normalisations); each case below solves its
 * formula for x.
 *
 * Not every normalisation can be inverted without disclosing another enterprise's figure: min-max,
 * efficacy, max and an interval with default bounds are anchored on the period's lowest or highest
 * value, which belongs to one enterprise, so a target in units (together with the card's own value)
 * would reveal it; rank and percentile are defined by the other enterprises' positions. Those give
 * `{ kind: "withheld" }`: the card then shows the gain needed on the normalised scale only.
 */
import type { Direction, NormalizeSpec } from "../scheme/types.js";

/** Population parameters of one indicator in one period, on the (possibly log-transformed) scale. */
export interface NormParams {
  /** Graded enterprises with a value. */
  count: number;
  mean: number;
  /** Sample standard deviation (divisor n − 1), as engine/score/normalize/zscore.ts. */
  sd: number;
  min: number;
  max: number;
  sum: number;
  sumSq: number;
  /** benchmark × factor actually used by benchmark-ratio. */
  benchmark?: number;
  /** The log transform applied before normalising, if any. */
  log?: { shifted: boolean; min: number };
}

export type Inverse =
  /** x is the value in the indicator's unit that gives r. */
  | { kind: "value"; x: number }
  /** r cannot be reached by this indicator (above its cap or its maximum). */
  | { kind: "unreachable"; limit: number }
  /** The inversion would disclose another enterprise's figure, or is not defined by values. */
  | { kind: "withheld" };

/** The value x whose normalised value is r; `own` is the enterprise's current value (it picks the side of an interval). */
export function invertNormalized(r: number, spec: NormalizeSpec, direction: Direction, p: NormParams, own = NaN): Inverse {
  const y = invertOnScale(r, spec, direction, p, p.log && Number.isFinite(own) ? transformed(own, p) : own);
  if (y.kind !== "value") return y;
  if (!p.log) return y;
  // x = e^y, or COINr's shifted log ln(x − min + 1) undone: x = e^y + min − 1 (anchored on the minimum).
  return p.log.shifted ? { kind: "withheld" } : { kind: "value", x: Math.exp(y.x) };
}

function invertOnScale(r: number, spec: NormalizeSpec, direction: Direction, p: NormParams, own: number): Inverse {
  const benefit = direction === "benefit";
  switch (spec.method) {
    case "benchmark-ratio": {
      // benefit r = min(cap, x/b); cost r = min(cap, 2 − x/b), floored at 0.
      const cap = spec.cap ?? Infinity;
      const top = benefit ? cap : Math.min(cap, 2);
      if (r > top) return { kind: "unreachable", limit: top };
      // the ratio x/b the value must reach: r (benefit) or 2 − r (cost)
      const q = benefit ? r : 2 - r;
      if (spec.benchmark === "mean" && !p.log) return selfConsistentMean(q, spec.factor, p, own);
      return { kind: "value", x: q * p.benchmark! };
    }
    case "zscore":
      // benefit r = (x − mean)/sd; cost r = (mean − x)/sd.
      if (!(p.sd > 0)) return { kind: "unreachable", limit: 0 };
      return { kind: "value", x: benefit ? p.mean + r * p.sd : p.mean - r * p.sd };
    case "vector": {
      // benefit r = x/√Σx²; cost r = 1 − x/√Σx².
      const norm = Math.sqrt(p.sumSq);
      if (!benefit && r > 1) return { kind: "unreachable", limit: 1 };
      return { kind: "value", x: benefit ? r * norm : (1 - r) * norm };
    }
    case "sum":
      // benefit r = x/Σx; the cost form (1/x)/Σ(1/x) needs every value: withheld.
      return benefit ? { kind: "value", x: r * p.sum } : { kind: "withheld" };
    case "target": {
      // r = (x − floor)/(target − floor), floored at 0, capped (default 1); the same for cost (target < floor).
      const cap = spec.cap ?? 1;
      if (r > cap) return { kind: "unreachable", limit: cap };
      const floor = transformed(spec.floor, p), target = transformed(spec.target, p);
      return { kind: "value", x: floor + r * (target - floor) };
    }
    case "interval": {
      // below q1: r = 1 − (q1 − x)/(q1 − lower); above q2: r = 1 − (x − q2)/(upper − q2); 1 inside.
      if (spec.lower === undefined || spec.upper === undefined) return { kind: "withheld" };
      if (r > 1) return { kind: "unreachable", limit: 1 };
      const lower = transformed(spec.lower, p), q1 = transformed(spec.q1, p), q2 = transformed(spec.q2, p), upper = transformed(spec.upper, p);
      if (own < q1) return { kind: "value", x: q1 - (1 - r) * (q1 - lower) };
      if (own > q2) return { kind: "value", x: q2 + (1 - r) * (upper - q2) };
      return { kind: "withheld" };
    }
    case "minmax":
    case "efficacy":
    case "max":
    case "rank":
    case "percentile":
      return { kind: "withheld" };
  }
}

/**
 * x with x / b' = q, where the mean benchmark b' = factor × mean moves with the enterprise's own
 * value (it is one of the `count` values averaged, or joins them when it reported none):
 *   reported:   b' = f(mean + (x − own)/n)         ⇒ x = q f (mean − own/n) / (1 − q f/n)
 *   unreported: b' = f(sum + x)/(n + 1)            ⇒ x = q f sum/(n + 1) / (1 − q f/(n + 1))
 * The others' ratios x_k/b' can only fall as b' rises, so with the enterprise's score at the old
 * boundary it still reaches the grade (the target is sufficient, other things equal). When
 * q f ≥ n the ratio cannot be reached at all: the enterprise's own value drags the mean along.
 */
function selfConsistentMean(q: number, factor: number, p: NormParams, own: number): Inverse {
  const reported = Number.isFinite(own);
  const n = reported ? p.count : p.count + 1;
  const k = (q * factor) / n;
  if (!(k < 1)) return { kind: "unreachable", limit: q };
  const base = reported ? p.mean - own / p.count : p.sum / n;
  return { kind: "value", x: (q * factor * base) / (1 - k) };
}

/** A parameter in the indicator's unit on the log scale when the indicator is log-transformed. */
function transformed(v: number, p: NormParams): number {
  if (!p.log) return v;
  return Math.log(v - p.log.min + (p.log.shifted ? 1 : 0));
}

/** Whether a method's inverse is anchored on a single enterprise's value (see the module comment). */
export function anchoredOnExtremes(spec: NormalizeSpec): boolean {
  return spec.method === "minmax" || spec.method === "efficacy" || spec.method === "max" || (spec.method === "interval" && (spec.lower === undefined || spec.upper === undefined));
}
