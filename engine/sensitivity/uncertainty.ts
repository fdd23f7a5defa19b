/**
 * The uncertain assumptions of a sensitivity analysis as factors, and one sample of them applied to
 * the scheme (OECD/JRC Handbook 2008, step 7; COINr's `get_sensitivity`, whose "SA_specs" are the
 * same idea: each assumption is one input of the analysis, the weights together being one).
 *
 * A factor draws its value from its own random stream (sample.ts), so that a Saltelli design can
 * take one factor from matrix B and the others from A (sobol.ts). Factors, in this order:
 * `weights` (uniform noise or Dirichlet, per level), `normalize`, `aggregation`, `outliers`,
 * `missing` (each a choice from a list, applied to every indicator; `scheme` keeps each indicator's
 * own), then one factor per numeric parameter (uniform over its range).
 */
import type { AggregationMethod, Indicator, NormalizeSpec, OutlierTreatment, Scheme } from "../scheme/types.js";
import { ParkscoreError, type Problem } from "../errors.js";
import { formatPath } from "../scheme/load.js";
import { resolveUncertainty, uncertaintySchema } from "../scheme/uncertainty-schema.js";
import type { Uncertainty, UncertaintyInput, UncertainNormalization, UncertainOutliers, UncertainParameter, UncertainParameterName, WeightLevel, WeightUncertainty } from "../scheme/uncertainty-schema.js";
import type { IndicatorWeight } from "../score/weights/types.js";
import { withAggregation } from "./compare.js";
import { dirichletAround, uniformIn, uniformNoise, type Random } from "./sample.js";

export interface Factor {
  /** `weights`, `normalize`, `aggregation`, `outliers`, `missing`, or `parameter:<name>`. */
  name: string;
  kind: "weights" | "normalize" | "aggregation" | "outliers" | "missing" | "parameter";
}

/** The factors an uncertainty section defines, in their fixed order. */
export function factorsOf(u: Uncertainty): Factor[] {
  const f: Factor[] = [];
  if (u.weights) f.push({ name: "weights", kind: "weights" });
  if (u.normalize) f.push({ name: "normalize", kind: "normalize" });
  if (u.aggregation) f.push({ name: "aggregation", kind: "aggregation" });
  if (u.outliers) f.push({ name: "outliers", kind: "outliers" });
  if (u.missing) f.push({ name: "missing", kind: "missing" });
  u.parameters.forEach((p) => f.push({ name: `parameter:${p.name}${p.indicators ? `(${p.indicators.join(",")})` : ""}`, kind: "parameter" }));
  return f;
}

/** One sample: the varied scheme, the weight perturbation, and what was drawn (for messages). */
export interface Draw {
  scheme: Scheme;
  adjustWeights?: (w: IndicatorWeight[]) => IndicatorWeight[];
  drawn: Record<string, string | number>;
}

/** Applies one sample of every factor to `nominal`; `rng(k)` is factor k's random stream for this sample. */
export function drawScheme(nominal: Scheme, u: Uncertainty, rng: (factor: number) => Random): Draw {
  let scheme: Scheme = nominal;
  const drawn: Record<string, string | number> = {};
  let k = 0;
  let adjustWeights: Draw["adjustWeights"];
  if (u.weights) {
    const r = rng(k++);
    const spec = u.weights;
    adjustWeights = (w) => perturbWeights(w, spec, r);
    drawn.weights = spec.mode;
  }
  const pick = <T>(list: readonly T[] | undefined, name: string): T | undefined => {
    if (!list) return undefined;
    const v = list[rng(k++).index(list.length)];
    drawn[name] = String(v);
    return v;
  };
  const norm = pick(u.normalize, "normalize");
  const agg = pick(u.aggregation, "aggregation");
  const out = pick(u.outliers, "outliers");
  const miss = pick(u.missing, "missing");
  if ((norm !== undefined && norm !== "scheme") || (out !== undefined && out !== "scheme") || (miss !== undefined && miss !== "scheme"))
    scheme = {
      ...scheme,
      indicators: scheme.indicators.map((ind) => ({
        ...ind,
        normalize: norm === undefined ? ind.normalize : normalizeChoice(norm, ind),
        outliers: out === undefined ? ind.outliers : outlierChoice(out, ind),
        missing: miss === undefined || miss === "scheme" ? ind.missing : miss,
      })),
    };
  if (agg !== undefined && agg !== scheme.aggregation.method) scheme = withAggregation(scheme, agg as AggregationMethod);
  for (const p of u.parameters) {
    const v = uniformIn(rng(k++), p.range[0], p.range[1]);
    drawn[p.name] = v;
    scheme = withParameter(scheme, p, v);
  }
  return { scheme, adjustWeights, drawn };
}

/**
 * The normalisation a choice gives an indicator: its own for `scheme` (and for `benchmark-ratio`
 * when it already is one, keeping its benchmark), else the method with its documented defaults
 * (benchmark-ratio: the mean, factor 1, no cap; efficacy: 60 + 40·r). A log transform is kept: it
 * belongs to the data, not to the method.
 */
export function normalizeChoice(choice: UncertainNormalization, ind: Indicator): NormalizeSpec {
  const own = ind.normalize;
  if (choice === "scheme" || choice === own.method) return own;
  const t = own.transform ? { transform: own.transform } : {};
  switch (choice) {
    case "benchmark-ratio":
      return { method: "benchmark-ratio", benchmark: "mean", factor: 1, ...t };
    case "efficacy":
      return { method: "efficacy", c: 60, d: 40, ...t };
    default:
      return { method: choice, ...t } as NormalizeSpec;
  }
}

/** COINr's defaults for the treatments: winsorise while |skew| > 2 and kurtosis > 3.5, at most 5 points; clip at 1% / 99%. */
export function outlierChoice(choice: UncertainOutliers, ind: Indicator): OutlierTreatment {
  switch (choice) {
    case "scheme":
      return ind.outliers;
    case "none":
      return { method: "none" };
    case "winsorize":
      return ind.outliers.method === "winsorize" ? ind.outliers : { method: "winsorize", skew: 2, kurtosis: 3.5, max: 5, logFallback: false };
    case "clip":
      return ind.outliers.method === "clip" ? ind.outliers : { method: "clip", lower: 0.01, upper: 0.99 };
  }
}

/** The scheme with one numeric parameter set. */
export function withParameter(scheme: Scheme, p: UncertainParameter, v: number): Scheme {
  switch (p.name) {
    case "benchmark-factor":
    case "benchmark-cap": {
      const key = p.name === "benchmark-factor" ? "factor" : "cap";
      return {
        ...scheme,
        indicators: scheme.indicators.map((ind) =>
          ind.normalize.method === "benchmark-ratio" && (!p.indicators || p.indicators.includes(ind.id)) ? { ...ind, normalize: { ...ind.normalize, [key]: v } } : ind,
        ),
      };
    }
    case "rules-cap":
      return { ...scheme, rules: { ...scheme.rules, cap: v } };
    case "vikor-v":
      return { ...scheme, aggregation: { ...scheme.aggregation, v } };
    case "grey-rho":
      return { ...scheme, aggregation: { ...scheme.aggregation, rho: v } };
    case "combine-mu":
      return scheme.weighting.method === "combined" ? { ...scheme, weighting: { ...scheme.weighting, mu: v } } : scheme;
  }
}

/**
 * Perturbs the weights level by level: the categories' weights among themselves, and each
 * category's indicator weights among themselves; the final weight is their product again. A flat
 * scheme has one level (its indicators).
 */
export function perturbWeights(weights: IndicatorWeight[], spec: WeightUncertainty, rng: Random): IndicatorWeight[] {
  const draw = (w: number[]) => (spec.mode === "uniform" ? uniformNoise(rng, w, spec.noise) : dirichletAround(rng, w, spec.concentration));
  const groups: string[] = [];
  const members = new Map<string, number[]>();
  weights.forEach((w, j) => {
    const g = w.category ?? "";
    if (!members.has(g)) {
      members.set(g, []);
      groups.push(g);
    }
    members.get(g)!.push(j);
  });
  const categorical = weights.some((w) => w.category !== undefined);
  const cw = groups.map((g) => weights[members.get(g)![0]].categoryWeight);
  const newCw = categorical && spec.levels.includes("categories") && groups.length > 1 ? draw(cw) : cw;
  const out = weights.map((w) => ({ ...w }));
  groups.forEach((g, k) => {
    const idx = members.get(g)!;
    const lw = idx.map((j) => weights[j].localWeight);
    const newLw = spec.levels.includes("indicators") && idx.length > 1 ? draw(lw) : lw;
    idx.forEach((j, m) => {
      out[j].categoryWeight = newCw[k];
      out[j].localWeight = newLw[m];
      out[j].weight = newCw[k] * newLw[m];
    });
  });
  return out;
}

/** Command-line options that declare uncertain assumptions; each replaces the scheme's part of the same name. */
export interface UncertaintyFlags {
  /** ± share for uniform weight noise. */
  weightNoise?: number;
  /** Dirichlet concentration. */
  dirichlet?: number;
  /** Comma-separated levels: categories, indicators. */
  weightLevels?: string;
  normalize?: string;
  aggregation?: string;
  /** true: the scheme's treatment or none; or a comma-separated list. */
  outliers?: boolean | string;
  missing?: string;
  /** `name=low:high` or `name=low:high@indicator,indicator`. */
  parameter?: string[];
}

const list = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);

/**
 * The `uncertainty:` input the flags describe, in the scheme's format (validated by the same zod
 * schema, so a flag's error reads like the scheme's), merged over the scheme's own section.
 */
export function uncertaintyInputFromFlags(flags: UncertaintyFlags, base: UncertaintyInput = {}): UncertaintyInput {
  const u: UncertaintyInput = { ...base };
  if (flags.weightNoise !== undefined || flags.dirichlet !== undefined || flags.weightLevels !== undefined) {
    const levels = flags.weightLevels !== undefined ? (list(flags.weightLevels) as WeightLevel[]) : base.weights?.levels;
    const mode = flags.weightNoise !== undefined || flags.dirichlet !== undefined ? { noise: flags.weightNoise, dirichlet: flags.dirichlet } : { noise: base.weights?.noise, dirichlet: base.weights?.dirichlet };
    u.weights = { ...(mode.noise !== undefined ? { noise: mode.noise } : {}), ...(mode.dirichlet !== undefined ? { dirichlet: mode.dirichlet } : {}), ...(levels ? { levels } : {}) };
  }
  if (flags.normalize !== undefined) u.normalize = list(flags.normalize) as UncertaintyInput["normalize"];
  if (flags.aggregation !== undefined) u.aggregation = list(flags.aggregation) as UncertaintyInput["aggregation"];
  if (flags.outliers !== undefined) u.outliers = flags.outliers === true ? true : (list(String(flags.outliers)) as UncertaintyInput["outliers"]);
  if (flags.missing !== undefined) u.missing = list(flags.missing) as UncertaintyInput["missing"];
  if (flags.parameter?.length) {
    u.parameters = flags.parameter.map((p) => {
      const m = /^\s*([a-z-]+)\s*=\s*([-+0-9.eE]+)\s*:\s*([-+0-9.eE]+)\s*(?:@(.+))?$/.exec(p);
      if (!m) return { name: p as UncertainParameterName, range: [NaN, NaN] as [number, number] };
      return { name: m[1] as UncertainParameterName, range: [Number(m[2]), Number(m[3])] as [number, number], ...(m[4] ? { indicators: list(m[4]) } : {}) };
    });
  }
  return u;
}

/** The scheme's uncertainty section as input again (the inverse of resolveUncertainty), for merging flags over it. */
export function uncertaintyAsInput(u: Uncertainty | undefined): UncertaintyInput {
  if (!u) return {};
  const out: UncertaintyInput = {};
  if (u.weights) out.weights = u.weights.mode === "uniform" ? { noise: u.weights.noise, levels: u.weights.levels } : { dirichlet: u.weights.concentration, levels: u.weights.levels };
  if (u.normalize) out.normalize = u.normalize;
  if (u.aggregation) out.aggregation = u.aggregation;
  if (u.outliers) out.outliers = u.outliers;
  if (u.missing) out.missing = u.missing;
  if (u.parameters.length) out.parameters = u.parameters;
  return out;
}

const FLAG_OF: Record<string, string> = { weights: "--weight-noise / --dirichlet / --weight-levels", normalize: "--normalize", aggregation: "--aggregation", outliers: "--outliers", missing: "--missing", parameters: "--parameter" };

/**
 * The uncertainty of an analysis: the scheme's `uncertainty:` section with the flags' parts put in
 * its place, validated as the scheme's is. A problem names the flag and the accepted values.
 */
export function uncertaintyFor(scheme: Scheme, flags: UncertaintyFlags): Uncertainty {
  const input = uncertaintyInputFromFlags(flags, uncertaintyAsInput(scheme.uncertainty));
  const problems: Problem[] = [];
  const where = (path: (string | number)[]) => {
    const part = String(path[0] ?? "");
    return `${formatPath(["uncertainty", ...path])}${FLAG_OF[part] ? ` (scheme or ${FLAG_OF[part]})` : ""}`;
  };
  const parsed = uncertaintySchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ code: "sensitivity.uncertainty", file: scheme.file, path: where(issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))), message: issue.message });
    throw new ParkscoreError(problems);
  }
  const u = resolveUncertainty(parsed.data, scheme.indicators.map((i) => i.id), (path, message, fix) => problems.push({ code: "sensitivity.uncertainty", file: scheme.file, path: where(path.slice(1)), message, fix }));
  if (problems.length) throw new ParkscoreError(problems);
  return u;
}
