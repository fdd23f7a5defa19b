/**
 * The scheme file's shape, as zod schemas. Objects are strict so that a misspelt key is reported
 * rather than ignored; enum errors list the accepted values, since evaluators read these messages.
 */
import { z } from "zod";
import { uncertaintySchema } from "./uncertainty-schema.js";

/** An enum whose error reads `expected "a", "b" or "c"`. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const quoted = values.map((v) => `"${v}"`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
  return z.enum(values, { error: () => `expected ${list}` });
}

const identifier = z
  .string({ error: () => "expected a name" })
  .regex(/^[\p{L}_][\p{L}\p{N}_]*$/u, "use letters, digits and _ only, starting with a letter (it is used in formulas)");

const text = z.string({ error: () => "expected text" }).min(1, "must not be empty");
const finite = z.number({ error: () => "expected a number" }).finite();
const weight = finite.nonnegative("a weight cannot be negative");

export const labelSchema = z.union([text, z.strictObject({ zh: text.optional(), en: text.optional() })], {
  error: () => "expected text or { zh: …, en: … }",
});

export const directionSchema = oneOf(["benefit", "cost"]);
export const missingSchema = oneOf(["worst", "mean-score", "zero", "exclude"]);
export const normalizeNames = ["minmax", "vector", "zscore", "benchmark-ratio", "efficacy", "interval", "rank", "percentile", "max", "sum", "target"] as const;

const transform = { transform: z.literal("log", { error: () => 'the only transform is "log"' }).optional() };
const plain = <M extends string>(method: M) => z.strictObject({ method: z.literal(method), ...transform });

const normalizeObject = z.discriminatedUnion(
  "method",
  [
    plain("minmax"),
    plain("vector"),
    plain("zscore"),
    plain("rank"),
    plain("percentile"),
    plain("max"),
    plain("sum"),
    z.strictObject({
      method: z.literal("benchmark-ratio"),
      benchmark: z.union([finite.positive("a benchmark must be positive"), oneOf(["mean", "median"])]).optional(),
      factor: finite.positive("the factor must be positive").optional(),
      cap: finite.positive("a cap must be positive").optional(),
      ...transform,
    }),
    z.strictObject({ method: z.literal("efficacy"), c: finite.optional(), d: finite.positive().optional(), ...transform }),
    z.strictObject({ method: z.literal("interval"), q1: finite, q2: finite, lower: finite.optional(), upper: finite.optional(), ...transform }),
    z.strictObject({ method: z.literal("target"), floor: finite, target: finite, cap: finite.min(1, "the cap is at least 1 (the target)").optional(), ...transform }),
  ],
  { error: () => `expected method ${normalizeNames.map((n) => `"${n}"`).join(", ")}` },
);

export const normalizeSchema = z.union([oneOf(normalizeNames), normalizeObject], {
  error: (issue) =>
    typeof issue.input === "string" || issue.input === undefined
      ? `expected ${normalizeNames.map((n) => `"${n}"`).join(", ")}`
      : "expected a method name or { method: …, … }",
});

const formula = text;

const condition = z.union([formula, z.strictObject({ when: formula, reason: labelSchema.optional() })]);

const outlierSchema = z.union([
  z.literal("none"),
  z.strictObject({ method: z.literal("winsorize"), skew: finite.positive().optional(), kurtosis: finite.optional(), max: z.number().int().positive().optional(), log_fallback: z.boolean().optional() }),
  z.strictObject({ method: z.literal("clip"), lower: finite.min(0).max(1).optional(), upper: finite.min(0).max(1).optional() }),
], { error: () => 'expected "none", { method: winsorize, … } or { method: clip, lower, upper }' });

const indicatorSchema = z.strictObject({
  id: identifier,
  label: labelSchema.optional(),
  unit: z.string().optional(),
  category: identifier.optional(),
  column: text.optional(),
  formula: formula.optional(),
  direction: directionSchema,
  weight: weight.optional(),
  normalize: normalizeSchema.optional(),
  missing: missingSchema.optional(),
  outliers: outlierSchema.optional(),
  source: z.string().optional(),
  description: z.string().optional(),
});

const grades = z.record(text, finite, { error: () => "expected grade: number pairs, e.g. { A: 0.2, B: 0.8 }" });

/** A Saaty-scale judgement: a number or a fraction written as text ("1/3"). */
const judgement = z.union([finite.positive("a judgement must be positive"), z.string().regex(/^\s*\d+(\.\d+)?\s*\/\s*\d+(\.\d+)?\s*$/, 'write a judgement as a number or a fraction such as "1/3"')]);
const judgementMatrix = z.array(z.array(judgement)).min(1, "a judgement matrix needs at least one row");

export const objectiveMethods = ["entropy", "critic", "stddev", "variation"] as const;
export const simpleWeightingMethods = ["expert", "equal", "ahp", ...objectiveMethods, "scatter-degree"] as const;

const simpleWeighting = z.strictObject({
  method: oneOf(simpleWeightingMethods),
  /** entropy: on the normalised matrix (default) or on the raw positive data. */
  basis: oneOf(["normalized", "raw"]).optional(),
  /** How the categories are weighted, when the scheme has categories. */
  categories: oneOf(["expert", "equal", "ahp"]).optional(),
  judgements: z
    .strictObject({ categories: judgementMatrix.optional(), indicators: z.union([judgementMatrix, z.record(z.string(), judgementMatrix)]).optional() })
    .optional(),
  accept_inconsistent: z.boolean().optional(),
});

const weightingSchema = z.union(
  [
    oneOf(simpleWeightingMethods),
    simpleWeighting,
    z.strictObject({
      method: z.literal("combined"),
      combine: oneOf(["multiplicative", "linear", "game-theory"]),
      mu: finite.min(0, "mu is between 0 and 1").max(1, "mu is between 0 and 1").optional(),
      of: z.array(z.union([oneOf(simpleWeightingMethods), simpleWeighting])).min(2, "combine at least two weightings"),
    }),
  ],
  { error: () => `expected a weighting method: ${[...simpleWeightingMethods, "combined"].map((m) => `"${m}"`).join(", ")}` },
);

/** How the rows one enterprise has in a department's file become its one value (docs/scheme.md, "Department files"). */
const combineRules = ["sum", "max", "min", "mean", "first", "count", "any"] as const;
const combine = oneOf(combineRules);

/** A department's file: its key column (the credit code), its headers → column names, how repeated codes combine. */
const departmentSource = z.strictObject({
  id: identifier,
  label: labelSchema.optional(),
  participants: z.boolean({ error: () => "expected true or false" }).optional(),
  key: text,
  columns: z.record(z.string(), z.union([text, z.strictObject({ column: text, combine: combine.optional() })], { error: () => "expected a column name or { column: …, combine: … }" })),
  combine: combine.optional(),
  share: text.optional(),
  split: z.literal("equal", { error: () => 'the only split is "equal"' }).optional(),
  parcel: text.optional(),
  required: z.boolean({ error: () => "expected true or false" }).optional(),
});

/** `sources:` lists the scheme's references (text) and, for data delivered by department, the departments' files (objects). */
const sourcesSchema = z.array(z.union([z.string(), departmentSource], { error: () => "expected a reference (text) or a department source { id, key, columns, … }" }));

export const aggregationMethods = ["weighted-sum", "topsis", "weighted-product", "vikor", "grey-relational", "rank-sum-ratio"] as const;

const gradingCommon = {
  veto: text.optional(),
  labels: z.record(text, labelSchema).optional(),
};

export const schemeSchema = z.strictObject({
  id: text,
  name: text,
  period: text.optional(),
  title: labelSchema.optional(),
  description: z.string().optional(),
  columns: z.record(z.string(), text).optional(),
  carry: z.array(text).optional(),
  derive: z.array(z.strictObject({ id: identifier, formula, unit: z.string().optional(), description: z.string().optional() })).optional(),
  categories: z
    .array(z.strictObject({ id: identifier, label: labelSchema.optional(), weight: weight.optional(), description: z.string().optional() }))
    .optional(),
  indicators: z.array(indicatorSchema).min(1, "a scheme needs at least one indicator"),
  weighting: weightingSchema.optional(),
  aggregation: z
    .strictObject({
      method: oneOf(aggregationMethods),
      scale: finite.positive("the scale must be positive").optional(),
      /** topsis: its own normalisation (vector by default, per Hwang & Yoon), or the indicators' own. */
      normalize: oneOf(["vector", "minmax", "indicators"]).optional(),
      /** vikor: weight of the group utility S against the individual regret R. */
      v: finite.min(0, "v is between 0 and 1").max(1, "v is between 0 and 1").optional(),
      /** grey-relational: distinguishing coefficient. */
      rho: finite.gt(0, "rho is between 0 and 1").max(1, "rho is between 0 and 1").optional(),
    })
    .optional(),
  outliers: outlierSchema.optional(),
  eligible: condition.optional(),
  missing: missingSchema.optional(),
  rules: z
    .strictObject({
      veto: z.array(z.strictObject({ when: formula, grade: text.optional(), reason: labelSchema.optional() })).optional(),
      adjust: z
        .array(z.strictObject({ when: formula.optional(), points: z.union([finite, formula]), reason: labelSchema.optional() }))
        .optional(),
      cap: finite.positive("the cap must be positive").optional(),
    })
    .optional(),
  grading: z.discriminatedUnion(
    "method",
    [
      z.strictObject({ method: z.literal("quotas"), quotas: grades, ...gradingCommon }),
      z.strictObject({ method: z.literal("bands"), bands: grades, ...gradingCommon }),
      z.strictObject({ method: z.literal("natural-breaks"), grades: z.array(text).min(2, "name at least two grades"), ...gradingCommon }),
      z.strictObject({
        method: z.literal("rsr-probit"),
        grades: z.union([z.literal(3), z.literal(4), z.literal(5), z.array(text).min(3).max(5)], { error: () => "expected 3, 4 or 5, or the names of 3 to 5 grades" }),
        ...gradingCommon,
      }),
    ],
    { error: () => 'expected method "quotas", "bands", "natural-breaks" or "rsr-probit"' },
  ),
  sources: sourcesSchema.optional(),
  /** Credit codes that fail the GB 32100 check and are known to be right (early pilots' codes). */
  uscc_overrides: z.array(text).optional(),
  /** What a card handed to one enterprise may show of the others (docs/guarantees.md). */
  disclosure: z
    .strictObject({
      min_group: z.int("min_group is a whole number").min(3, "min_group is at least 3: a group of 2 gives away the other enterprise's figure").optional(),
      digits: z.int("digits is a whole number").min(1, "digits is between 1 and 3").max(3, "digits is between 1 and 3").optional(),
    })
    .optional(),
  /** What a sensitivity analysis varies (docs/sensitivity.md). */
  uncertainty: uncertaintySchema.optional(),
});

export type SchemeInput = z.infer<typeof schemeSchema>;
