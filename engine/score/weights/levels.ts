/**
 * Weights over the scheme's levels: a category weight times the indicator's weight inside its
 * category, each level rescaled to sum to 1 (with a warning when it did not). A flat scheme is one
 * level. Subjective methods (expert, equal) differ only in where the raw numbers come from.
 */
import type { Warning } from "../../errors.js";
import type { Scheme } from "../../scheme/types.js";
import type { IndicatorWeight } from "../types.js";

export function hierarchicalWeights(scheme: Scheme, warnings: Warning[], weightOf: (x: { weight?: number }) => number): IndicatorWeight[] {
  const groups = scheme.categories.length
    ? scheme.categories.map((c) => ({ id: c.id as string | undefined, path: c.path, weight: weightOf(c), members: scheme.indicators.filter((i) => i.category === c.id) }))
    : [{ id: undefined, path: "indicators", weight: 1, members: scheme.indicators }];
  const live = groups.filter((g) => g.members.length > 0);
  const categoryWeights = rescale(live.map((g) => g.weight), "categories", warnings, scheme.file);
  const out: IndicatorWeight[] = [];
  live.forEach((g, k) => {
    const local = rescale(g.members.map(weightOf), g.id ? `indicators of category ${g.id}` : "indicators", warnings, scheme.file);
    g.members.forEach((ind, j) =>
      out.push({ indicator: ind.id, category: g.id, categoryWeight: categoryWeights[k], localWeight: local[j], weight: categoryWeights[k] * local[j] }),
    );
  });
  // Keep the scheme's indicator order.
  const order = new Map(scheme.indicators.map((ind, k) => [ind.id, k]));
  return out.sort((a, b) => order.get(a.indicator)! - order.get(b.indicator)!);
}

function rescale(ws: number[], what: string, warnings: Warning[], file: string): number[] {
  const sum = ws.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) {
    warnings.push({ code: "weights.zero", file, message: `the weights of the ${what} are all 0: they are taken as equal` });
    return ws.map(() => 1 / ws.length);
  }
  if (Math.abs(sum - 1) > 1e-9)
    warnings.push({ code: "weights.rescaled", file, message: `the weights of the ${what} add up to ${+sum.toFixed(9)}, not 1: they are rescaled to 1` });
  return ws.map((w) => w / sum);
}
