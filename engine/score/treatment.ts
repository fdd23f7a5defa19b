/**
 * What happens to an indicator's values before they are normalised: outlier treatment (COINr's
 * winsorisation rule or a percentile clip, every changed value recorded), and which normalisation
 * applies — the indicator's own, or TOPSIS's when the aggregation brings its own (Hwang & Yoon's
 * vector normalisation by default).
 */
import type { Warning } from "../errors.js";
import { sourceRow, type Frame } from "../data/frame.js";
import type { Indicator, NormalizeSpec, Scheme } from "../scheme/types.js";
import { percentileClip, winsorize } from "./outliers.js";
import type { TreatedValue } from "./types.js";

export function effectiveNormalization(scheme: Scheme, ind: Indicator): NormalizeSpec {
  const a = scheme.aggregation;
  if (a.method === "topsis" && a.normalize !== "indicators") return { method: a.normalize };
  return ind.normalize;
}

/** The values to normalise: `x` itself, or a treated copy (changes appended to `treated`). */
export function treatOutliers(ind: Indicator, x: Float64Array, pop: Uint8Array, frame: Frame, scheme: Scheme, treated: TreatedValue[], warnings: Warning[]): Float64Array {
  const o = ind.outliers;
  if (o.method === "none") return x;
  const r = o.method === "winsorize" ? winsorize(x, pop, { skew: o.skew, kurtosis: o.kurtosis, maxCount: o.max, logFallback: o.logFallback }) : percentileClip(x, pop, { lower: o.lower, upper: o.upper });
  const ids = r.changes.length ? frame.texts.get(scheme.id)! : [];
  for (const c of r.changes) treated.push({ indicator: ind.id, id: ids[c.row], row: sourceRow(frame, c.row), from: c.from, to: c.to });
  if (r.changes.length)
    warnings.push({ code: "score.outliers", file: frame.origin.file, message: `${ind.id}: ${r.changes.length} value(s) treated as outliers (${o.method}); the manifest lists them` });
  if ("limitReached" in r && r.limitReached)
    warnings.push({ code: "score.outliers", file: frame.origin.file, message: `${ind.id}: still skewed after winsorising ${o.method === "winsorize" ? o.max : ""} value(s)${"logged" in r && r.logged ? "; log-transformed instead" : ""}` });
  return r.values;
}
