/**
 * The scheme's optional `uncertainty:` section — which of the method's choices a sensitivity
 * analysis varies (OECD/JRC Handbook 2008, step 7; COINr's `get_sensitivity`) — as a zod schema and
 * its resolved form. Format and example: docs/sensitivity.md.
 */
import { z } from "zod";

export const uncertainNormalizations = ["scheme", "minmax", "vector", "zscore", "rank", "percentile", "max", "sum", "efficacy", "benchmark-ratio"] as const;
export const uncertainOutliers = ["scheme", "none", "winsorize", "clip"] as const;
export const uncertainMissing = ["scheme", "worst", "mean-score", "zero", "exclude"] as const;
export const uncertainAggregations = ["weighted-sum", "topsis", "weighted-product", "vikor", "grey-relational", "rank-sum-ratio"] as const;
export const weightLevels = ["categories", "indicators"] as const;

/**
 * Numeric parameters that can vary over a range: the benchmark-ratio normalisation's `factor` and
 * `cap`, the rules' total `cap`, VIKOR's `v`, grey relational analysis' `rho`, and a linear weight
 * combination's `mu`.
 */
export const uncertainParameters = ["benchmark-factor", "benchmark-cap", "rules-cap", "vikor-v", "grey-rho", "combine-mu"] as const;

export type UncertainNormalization = (typeof uncertainNormalizations)[number];
export type UncertainOutliers = (typeof uncertainOutliers)[number];
export type UncertainMissing = (typeof uncertainMissing)[number];
export type UncertainAggregation = (typeof uncertainAggregations)[number];
export type UncertainParameterName = (typeof uncertainParameters)[number];
export type WeightLevel = (typeof weightLevels)[number];

export type WeightUncertainty =
  /** Each weight × (1 + x·(2u − 1)), u uniform, then each level rescaled to 1. */
  | { mode: "uniform"; noise: number; levels: WeightLevel[] }
  /** Each level's weights drawn from Dirichlet(α·w) around the nominal w. */
  | { mode: "dirichlet"; concentration: number; levels: WeightLevel[] };

export interface UncertainParameter {
  name: UncertainParameterName;
  /** Uniform over [lo, hi]. */
  range: [number, number];
  /** benchmark-factor / benchmark-cap: the indicators it applies to (default: every benchmark-ratio indicator). */
  indicators?: string[];
}

/** The resolved `uncertainty:` section: every part optional; an absent part stays as the scheme has it. */
export interface Uncertainty {
  weights?: WeightUncertainty;
  normalize?: UncertainNormalization[];
  aggregation?: UncertainAggregation[];
  outliers?: UncertainOutliers[];
  missing?: UncertainMissing[];
  parameters: UncertainParameter[];
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const list = values.map((v) => `"${v}"`).join(", ");
  return z.enum(values, { error: () => `expected one of ${list}` });
}
const finite = z.number({ error: () => "expected a number" }).finite();
const choices = <const T extends readonly [string, ...string[]]>(values: T) => z.array(oneOf(values)).min(1, "list at least one choice");

export const uncertaintySchema = z.strictObject({
  weights: z
    .strictObject({
      /** ± share of each weight, e.g. 0.25 for ±25%. */
      noise: finite.gt(0, "noise is a share above 0, e.g. 0.25 for ±25%").max(1, "noise is at most 1 (±100%)").optional(),
      /** Dirichlet concentration: larger is closer to the nominal weights. */
      dirichlet: finite.gt(0, "the concentration must be positive").optional(),
      levels: z.array(oneOf(weightLevels)).min(1).optional(),
    })
    .optional(),
  normalize: choices(uncertainNormalizations).optional(),
  aggregation: choices(uncertainAggregations).optional(),
  outliers: z.union([z.boolean(), choices(uncertainOutliers)], { error: () => "expected true (scheme's treatment or none) or a list of scheme, none, winsorize, clip" }).optional(),
  missing: choices(uncertainMissing).optional(),
  parameters: z
    .array(z.strictObject({ name: oneOf(uncertainParameters), range: z.tuple([finite, finite], { error: () => "expected [low, high]" }), indicators: z.array(z.string()).min(1).optional() }))
    .optional(),
});

export type UncertaintyInput = z.infer<typeof uncertaintySchema>;

type Fail = (path: (string | number)[], message: string, fix?: string) => void;

/** The section with defaults and cross-checks (exactly one weight mode, ranges low ≤ high, known indicators). */
export function resolveUncertainty(input: UncertaintyInput, indicatorIds: readonly string[], fail: Fail, base: (string | number)[] = ["uncertainty"]): Uncertainty {
  const out: Uncertainty = { parameters: [] };
  const w = input.weights;
  if (w) {
    const levels = w.levels ?? ["categories", "indicators"];
    if ((w.noise === undefined) === (w.dirichlet === undefined)) fail([...base, "weights"], "give either noise (uniform ±x) or dirichlet (a concentration), not both or neither", "e.g. weights: { noise: 0.25 } or weights: { dirichlet: 50 }");
    else out.weights = w.noise !== undefined ? { mode: "uniform", noise: w.noise, levels } : { mode: "dirichlet", concentration: w.dirichlet!, levels };
  }
  if (input.normalize) out.normalize = [...input.normalize];
  if (input.aggregation) out.aggregation = [...input.aggregation];
  if (input.outliers !== undefined) out.outliers = input.outliers === true ? ["scheme", "none"] : input.outliers === false ? undefined : [...input.outliers];
  if (input.missing) out.missing = [...input.missing];
  (input.parameters ?? []).forEach((p, k) => {
    const path = [...base, "parameters", k];
    if (!(p.range[0] <= p.range[1])) fail([...path, "range"], `the range must be [low, high], not [${p.range.join(", ")}]`);
    const bounded: Partial<Record<UncertainParameterName, [number, number]>> = { "vikor-v": [0, 1], "grey-rho": [1e-12, 1], "combine-mu": [0, 1] };
    const b = bounded[p.name];
    if (b && (p.range[0] < b[0] || p.range[1] > b[1])) fail([...path, "range"], `${p.name} lies between 0 and 1`);
    if ((p.name === "benchmark-factor" || p.name === "benchmark-cap" || p.name === "rules-cap") && p.range[0] <= 0) fail([...path, "range"], `${p.name} must be positive`);
    if (p.indicators && p.name !== "benchmark-factor" && p.name !== "benchmark-cap") fail([...path, "indicators"], "indicators applies to benchmark-factor and benchmark-cap only");
    for (const id of p.indicators ?? []) if (!indicatorIds.includes(id)) fail([...path, "indicators"], `unknown indicator "${id}"`);
    out.parameters.push({ name: p.name, range: [p.range[0], p.range[1]], ...(p.indicators ? { indicators: [...p.indicators] } : {}) });
  });
  return out;
}
