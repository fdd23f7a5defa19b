/**
 * Statistical disclosure control for the enterprise cards: the one place that decides which figures
 * about the other enterprises a card may print, and how. A card goes to one enterprise; the league
 * table (leadership's page) is not covered here and may show everyone's scores. docs/guarantees.md
 * states these rules for a reviewer.
 *
 * 1. Group size. An aggregate of others (median, quartiles) is printed only when its group holds at
 *    least `minGroup` enterprises (scheme `disclosure.min_group`, default 5): the threshold rule of
 *    Hundepool et al., Statistical Disclosure Control, Wiley 2012, §5.2.
 * 2. Rounding. A median of an odd count, or a type-7 quartile, is one enterprise's exact value. An
 *    aggregate is therefore printed to `digits` significant digits (default 2), and never as the very
 *    text that any enterprise's figure prints as on a card (a value, normalised value, points, score):
 *    then one digit coarser, and withheld when even one digit would be.
 * 3. Thresholds. Under quotas, natural breaks or RSR grading a grade's lowest score is one enterprise's
 *    score. A card shows instead the first multiple of 1 % of the score scale strictly above it that
 *    is nobody's score, and measures the distance and the targets from there (they stay sufficient).
 * 4. Relative figures. A normalised value with the enterprise's own value gives the normalisation's
 *    parameter (x / r is the benchmark). Normalised values are printed only when every indicator's
 *    parameters are aggregates over at least `minGroup` enterprises, or fixed by the scheme — not the
 *    period's extreme (min-max, efficacy, max, an interval without bounds, a shifted log: one
 *    enterprise's value) — and the enterprise's own value was not replaced by an outlier bound (an
 *    order statistic). Points (contributions, category points, gaps, targets in units) also need an
 *    aggregation that is a function of the enterprise's own normalised values (weighted sum or
 *    product, rank-sum ratio), not of the population's ideal points (TOPSIS, VIKOR, grey relations).
 *    The score itself is withheld when fewer than `minGroup` enterprises are graded, or when it is a
 *    single extreme-anchored indicator's normalised value.
 */
import type { Disclosure, Scheme } from "../scheme/types.js";
import { quantileSorted } from "../score/quantile.js";
import { anchoredOnExtremes, type NormParams } from "./invert.js";

/** An aggregate as a card may print it: the rounded number and its decimals. */
export interface Masked {
  value: number;
  decimals: number;
}

/** Median and quartiles of a group as a card may print them (each undefined when withheld). */
export interface MaskedSummary {
  n: number;
  q1?: Masked;
  median?: Masked;
  q3?: Masked;
}

/** What the enterprises' figures print as on a card: decimals and rounded value, one key per printed text. */
export type Printed = Set<string>;

const key = (value: number, decimals: number) => `${decimals}:${value}`;

/** x rounded to `decimals` the way Intl.NumberFormat prints it (halves away from zero). */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.sign(x) * (Math.round(Math.abs(x) * f) / f);
}

/** Adds every finite figure of `x`, as printed with `decimals(v)` decimals, to `out`. */
export function addPrinted(out: Printed, x: ArrayLike<number>, decimals: (v: number) => number): Printed {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isFinite(v)) {
      const d = decimals(v);
      out.add(key(roundTo(v, d), d));
    }
  }
  return out;
}

/** v to d significant digits, with the decimals that prints it. */
export function significant(v: number, d: number): Masked {
  if (v === 0) return { value: 0, decimals: 0 };
  const e = Math.floor(Math.log10(Math.abs(v))) - d + 1;
  // dividing by an exact power of ten gives the correctly rounded decimal, where multiplying by 10^-e would not
  return e >= 0 ? { value: Math.round(v / 10 ** e) * 10 ** e, decimals: 0 } : { value: roundTo(v, -e), decimals: -e };
}

/** Rule 2: v rounded to `digits` significant digits, coarser while it equals a printed figure; undefined when no rounding is safe. */
export function maskValue(v: number, digits: number, printed: Printed): Masked | undefined {
  if (!Number.isFinite(v)) return undefined;
  for (let d = digits; d >= 1; d--) {
    const m = significant(v, d);
    if (!printed.has(key(m.value, m.decimals))) return m;
  }
  return undefined;
}

/** Rules 1 and 2 over the finite values at `rows`: undefined under `minGroup` values. */
export function maskedSummary(x: ArrayLike<number>, rows: ArrayLike<number>, rules: Disclosure, printed: Printed): MaskedSummary | undefined {
  const v: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const y = x[rows[r]];
    if (Number.isFinite(y)) v.push(y);
  }
  if (v.length < rules.minGroup) return undefined;
  const sorted = Float64Array.from(v).sort();
  const q = (p: number) => maskValue(quantileSorted(sorted, p), rules.digits, printed);
  return { n: v.length, q1: q(0.25), median: q(0.5), q3: q(0.75) };
}

/** Rule 3: the first multiple of 1 % of `scale` strictly above `boundary` that is no enterprise's score (as printed, two decimals). */
export function maskThreshold(boundary: number, scale: number, scores: Printed): Masked {
  const decimals = Math.max(0, 2 - Math.floor(Math.log10(scale)));
  const step = 10 ** (Math.floor(Math.log10(scale)) - 2);
  let k = Math.floor(boundary / step) + 1;
  const at = (k: number) => (decimals > 0 ? k / 10 ** decimals : k * step);
  while (at(k) <= boundary || scores.has(key(roundTo(at(k), 2), 2))) k++;
  return { value: at(k), decimals };
}

/** Rule 4: what relative figures the cards of a period may print (the same for every card but `treated`). */
export interface CardScope {
  score: boolean;
  /** Normalised values (and the targets in units derived from them). */
  norm: boolean;
  /** Contributions, category points, gaps to the median. */
  points: boolean;
  /** Why something is withheld, as keys of the report's strings. */
  why: ("small" | "extreme" | "ideal" | "treated")[];
}

const POINTS_AGGREGATIONS = new Set(["weighted-sum", "weighted-product", "rank-sum-ratio"]);

export function cardScope(scheme: Scheme, graded: number, params: Map<string, NormParams>): CardScope {
  const min = scheme.disclosure.minGroup;
  const usesPopulation = (j: number) => {
    const spec = scheme.indicators[j].normalize;
    return !(spec.method === "target" || (spec.method === "benchmark-ratio" && typeof spec.benchmark === "number") || (spec.method === "interval" && !anchoredOnExtremes(spec)));
  };
  const small = graded < min || scheme.indicators.some((ind, j) => usesPopulation(j) && params.get(ind.id)!.count < min);
  const extreme = scheme.indicators.some((ind) => anchoredOnExtremes(ind.normalize) || params.get(ind.id)!.log?.shifted === true);
  const ideal = !POINTS_AGGREGATIONS.has(scheme.aggregation.method);
  const why: CardScope["why"] = [];
  if (small) why.push("small");
  if (extreme) why.push("extreme");
  if (ideal && !small && !extreme) why.push("ideal");
  const norm = !small && !extreme;
  return { score: graded >= min && !(scheme.indicators.length === 1 && extreme), norm, points: norm && !ideal, why };
}

/** Rule 4 for one card: an enterprise whose own value was replaced by an outlier bound sees no relative figure. */
export function ownScope(scope: CardScope): CardScope {
  if (!scope.norm) return scope;
  return { ...scope, norm: false, points: false, why: [...scope.why, "treated"] };
}
