/**
 * The scheme's weighting → the final weight of each indicator, with every level shown.
 *
 * A scheme with categories is weighted in two levels: the categories (expert, equal or AHP) and the
 * indicators inside each category (any method; an objective method then runs on that category's
 * columns only, as hierarchical practice does). The final weight is the product. A combination
 * computes each weighting in full, then combines the final weights (docs/methods.md §3).
 */
import { ParkscoreError, type Warning } from "../../errors.js";
import { AhpError, ahpWeights } from "../../scheme/ahp.js";
import { scatterDegree } from "./scatter-degree.js";
import type { Indicator, JudgementMatrix, Scheme, SimpleWeighting } from "../../scheme/types.js";
import type { IndicatorWeight, SchemeWeights, WeightingData, WeightingNote } from "./types.js";
import { combineWeights } from "./combine.js";
import { criticWeights } from "./critic.js";
import { entropyWeights, zeroRule } from "./entropy.js";
import { WeightError } from "./errors.js";
import { stddevWeights } from "./stddev.js";
import { variationWeights } from "./variation.js";

export function schemeWeights(scheme: Scheme, warnings: Warning[], data: WeightingData): SchemeWeights {
  const notes: WeightingNote[] = [];
  const w = scheme.weighting;
  if (w.method !== "combined") return { weights: simpleWeights(scheme, w, data, warnings, notes), notes };
  const sets = w.of.map((s) => simpleWeights(scheme, s, data, warnings, notes));
  const combined = guard(scheme, "weighting", () => combineWeights(sets.map((set) => Float64Array.from(set, (x) => x.weight)), w.combine, w.mu));
  notes.push({ weighting: w.name, level: "combination", detail: { coefficients: combined.coefficients, ...(combined.note ? { note: combined.note } : {}) } });
  const final = combined.weights;
  const categoryTotal = new Map<string | undefined, number>();
  scheme.indicators.forEach((ind, j) => categoryTotal.set(ind.category, (categoryTotal.get(ind.category) ?? 0) + final[j]));
  return {
    weights: scheme.indicators.map((ind, j) => {
      const cw = scheme.categories.length ? categoryTotal.get(ind.category)! : 1;
      return {
        indicator: ind.id,
        category: ind.category,
        categoryWeight: cw,
        localWeight: cw > 0 ? final[j] / cw : 0,
        weight: final[j],
        components: Object.fromEntries(w.of.map((s, k) => [s.name, sets[k][j].weight])),
      };
    }),
    notes,
  };
}

function simpleWeights(scheme: Scheme, s: SimpleWeighting, data: WeightingData, warnings: Warning[], notes: WeightingNote[]): IndicatorWeight[] {
  const groups = scheme.categories.length
    ? scheme.categories.map((c) => ({ id: c.id as string | undefined, weight: c.weight, members: scheme.indicators.filter((i) => i.category === c.id) })).filter((g) => g.members.length > 0)
    : [{ id: undefined as string | undefined, weight: 1 as number | undefined, members: scheme.indicators }];

  let categoryWeights: number[];
  if (!scheme.categories.length) categoryWeights = [1];
  else if (s.categories === "expert") categoryWeights = rescale(groups.map((g) => g.weight ?? 0), "categories", "categories", warnings, scheme.file);
  else if (s.categories === "equal") categoryWeights = groups.map(() => 1 / groups.length);
  else categoryWeights = judged(scheme, s, s.judgements.categories!, "categories", notes);

  const out: IndicatorWeight[] = [];
  groups.forEach((g, k) => {
    const what = g.id ? `indicators of category ${g.id}` : "indicators";
    const local = localWeights(scheme, s, g.id, g.members, data, what, warnings, notes);
    g.members.forEach((ind, j) => out.push({ indicator: ind.id, category: g.id, categoryWeight: categoryWeights[k], localWeight: local[j], weight: categoryWeights[k] * local[j] }));
  });
  const order = new Map(scheme.indicators.map((ind, k) => [ind.id, k]));
  return out.sort((a, b) => order.get(a.indicator)! - order.get(b.indicator)!);
}

function localWeights(scheme: Scheme, s: SimpleWeighting, category: string | undefined, members: Indicator[], data: WeightingData, what: string, warnings: Warning[], notes: WeightingNote[]): number[] {
  if (members.length === 1) return [1];
  switch (s.method) {
    case "expert":
      return rescale(members.map((i) => i.weight ?? 0), what, members[0].path, warnings, scheme.file);
    case "equal":
      return members.map(() => 1 / members.length);
    case "ahp": {
      const j = s.judgements.indicators!;
      return judged(scheme, s, (Array.isArray((j as JudgementMatrix).values) ? j : (j as Record<string, JudgementMatrix>)[category!]) as JudgementMatrix, what, notes);
    }
    case "scatter-degree": {
      // One period is the cube's simplest case: H = AᵀA over the standardised, benefit-oriented values.
      const cube = [members.map((i) => benefitOriented(data.values.get(i.id)!, data.pop, i))];
      const r = guard(scheme, "weighting", () => scatterDegree(cube));
      notes.push({ weighting: s.name, level: what, detail: { indicators: members.map((i) => i.id), eigenvalue: r.eigenvalue, solver: r.solver, ...(r.note ? { note: r.note } : {}) } });
      return Array.from(r.weights);
    }
    default: {
      const cols = members.map((i) => (s.method === "entropy" && s.basis === "raw" ? data.values : data.norm).get(i.id)!);
      const r = guard(scheme, "weighting", () => {
        switch (s.method) {
          case "entropy":
            return entropyWeights(cols, data.pop, { basis: s.basis });
          case "critic":
            return criticWeights(cols, data.pop);
          case "stddev":
            return stddevWeights(cols, data.pop);
          case "variation":
            return variationWeights(cols, data.pop);
        }
      }, members);
      const { weights, ...detail } = r as { weights: Float64Array } & Record<string, unknown>;
      notes.push({ weighting: s.name, level: what, detail: { indicators: members.map((i) => i.id), ...(s.method === "entropy" ? { zeroRule } : {}), ...detail } });
      return Array.from(weights);
    }
  }
}

/** AHP weights of a judgement matrix; an inconsistent matrix (CR ≥ 0.1) is an error unless accepted. */
function judged(scheme: Scheme, s: SimpleWeighting, m: JudgementMatrix, what: string, notes: WeightingNote[]): number[] {
  const r = guard(scheme, m.path, () => ahpWeights(m.values));
  notes.push({ weighting: s.name, level: what, detail: { lambdaMax: r.lambdaMax, ci: r.ci, ri: r.ri, cr: r.cr } });
  return Array.from(r.weights);
}

/** An indicator's values as the scatter-degree method wants them: higher is better (cost negated), NaN outside the population. */
function benefitOriented(x: Float64Array, pop: Uint8Array, ind: Indicator): Float64Array {
  const out = new Float64Array(x.length);
  const sign = ind.direction === "cost" ? -1 : 1;
  for (let i = 0; i < x.length; i++) out[i] = pop[i] === 1 ? sign * x[i] : 0 / 0; // 0 / 0: see engine/kernels/README.md
  return out;
}

/** Runs a weighting method, turning its complaint about the data into an error naming the scheme entry. */
function guard<T>(scheme: Scheme, path: string, f: () => T, members?: Indicator[]): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof WeightError || e instanceof AhpError)) throw e;
    const message = members ? e.named({ indicator: (k) => members[k]?.id ?? String(k) }) : e.message;
    throw new ParkscoreError({ code: "weights.invalid", file: scheme.file, path, message });
  }
}

/**
 * Rescales a level's weights to sum to 1, with a warning when they did not. Weights all 0 are an
 * error (loading a scheme already refuses them; this guards schemes built in code).
 */
function rescale(ws: number[], what: string, path: string, warnings: Warning[], file: string): number[] {
  const sum = ws.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new ParkscoreError({ code: "weights.zero", file, path, message: `the weights of the ${what} are all 0`, fix: "give each its weight; at least one must count" });
  if (Math.abs(sum - 1) > 1e-9)
    warnings.push({ code: "weights.rescaled", file, message: `the weights of the ${what} add up to ${+sum.toFixed(9)}, not 1: they are rescaled to 1` });
  return ws.map((w) => w / sum);
}
