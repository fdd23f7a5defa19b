/**
 * The scheme file's shape, as zod schemas. Objects are strict so that a misspelt key is reported
 * rather than ignored; enum errors list the accepted values, since evaluators read these messages.
 */
import { z } from "zod";

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
export const normalizeNames = ["minmax", "vector", "zscore", "benchmark-ratio", "efficacy"] as const;

const normalizeObject = z.discriminatedUnion(
  "method",
  [
    z.strictObject({ method: z.literal("minmax") }),
    z.strictObject({ method: z.literal("vector") }),
    z.strictObject({ method: z.literal("zscore") }),
    z.strictObject({
      method: z.literal("benchmark-ratio"),
      benchmark: z.union([finite.positive("a benchmark must be positive"), oneOf(["mean", "median"])]).optional(),
      factor: finite.positive("the factor must be positive").optional(),
      cap: finite.positive("a cap must be positive").optional(),
    }),
    z.strictObject({ method: z.literal("efficacy"), c: finite.optional(), d: finite.positive().optional() }),
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
  source: z.string().optional(),
  description: z.string().optional(),
});

const grades = z.record(text, finite, { error: () => "expected grade: number pairs, e.g. { A: 0.2, B: 0.8 }" });

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
  weighting: z.strictObject({ method: oneOf(["expert", "equal"]) }).optional(),
  aggregation: z
    .strictObject({ method: oneOf(["weighted-sum", "topsis"]), scale: finite.positive("the scale must be positive").optional() })
    .optional(),
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
    ],
    { error: () => 'expected method "quotas" or "bands"' },
  ),
  sources: z.array(z.string()).optional(),
});

export type SchemeInput = z.infer<typeof schemeSchema>;
