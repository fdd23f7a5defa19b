/**
 * The population parameters each indicator's normalisation used in a period (invert.ts needs
 * them): recomputed from the period's values the way engine/score/period.ts feeds them to
 * engine/score/normalize — the graded enterprises' values, after outlier treatment (the result's
 * `treated` list), after the optional log transform.
 */
import type { Scheme } from "../scheme/types.js";
import type { PeriodResult } from "../score/types.js";
import type { NormParams } from "./invert.js";
import { median } from "../score/normalize/index.js";

export function normParams(result: PeriodResult, scheme: Scheme): Map<string, NormParams> {
  const row = new Map<string, number>();
  result.ids.forEach((id, i) => row.set(id, i));
  const out = new Map<string, NormParams>();
  for (const ind of scheme.indicators) {
    const x = Float64Array.from(result.values.get(ind.id)!);
    for (const t of result.treated) if (t.indicator === ind.id) x[row.get(t.id) ?? -1] = t.to;
    const vals: number[] = [];
    for (let i = 0; i < result.n; i++) if (result.status[i] === "graded" && x[i] === x[i]) vals.push(x[i]);
    let log: NormParams["log"];
    if (ind.normalize.transform === "log" && vals.length) {
      const min = Math.min(...vals);
      log = min > 0 ? { shifted: false, min: 0 } : { shifted: true, min };
      for (let k = 0; k < vals.length; k++) vals[k] = Math.log(vals[k] - log.min + (log.shifted ? 1 : 0));
    }
    const n = vals.length;
    let sum = 0, sumSq = 0, min = Infinity, max = -Infinity;
    for (const v of vals) {
      sum += v;
      sumSq += v * v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const mean = sum / n;
    let dev = 0;
    for (const v of vals) dev += (v - mean) ** 2;
    const p: NormParams = { count: n, mean, sd: n > 1 ? Math.sqrt(dev / (n - 1)) : 0, min, max, sum, sumSq, log };
    const spec = ind.normalize;
    if (spec.method === "benchmark-ratio") {
      const base =
        typeof spec.benchmark === "number"
          ? log ? Math.log(spec.benchmark - log.min + (log.shifted ? 1 : 0)) : spec.benchmark
          : spec.benchmark === "mean"
            ? mean
            : median(Float64Array.from(vals));
      p.benchmark = base * spec.factor;
    }
    out.set(ind.id, p);
  }
  return out;
}
