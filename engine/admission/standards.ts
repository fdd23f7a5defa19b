/**
 * Admission standards as data (datasets/standards/*.yaml, format `parkscore-standard/1`): the
 * national land-use control indicators and a park's local requirements, each threshold with its
 * provenance. A threshold that could not be sourced is `value: null` + `unsourced: true`; a local
 * standard names its national `base:` and may `fill:` those thresholds with values the evaluator
 * adopts (with their origin). This module validates the files (zod) and resolves base + local into
 * one list of checks; it never invents a value.
 */
import { z } from "zod";
import { ParkscoreError, type Problem } from "../errors.js";
import type { Edition, IndustryTable } from "./industry.js";
import { MEASURES, type MeasureId } from "./measures.js";
import { dimensionOf, isUnit } from "./units.js";

const text = z.string().min(1);
const label = z.strictObject({ zh: text, en: text });
const edition = z.enum(["2002", "2011", "2017"]);
const scope = z.enum(["all", "manufacturing", "non-manufacturing"]);
const source = z.union([text, z.record(z.string(), z.string())]);
const industryKey = z.union([text, z.array(text).min(1)]);

const row = z.strictObject({
  industry: industryKey.optional(),
  region_class: z.number().int().min(1).max(7).optional(),
  park: text.optional(),
  value: z.number().finite().nullable(),
  unsourced: z.boolean().optional(),
  source: source.optional(),
});

const thresholdCheck = z.strictObject({
  id: text,
  kind: z.literal("threshold").optional(),
  label,
  aspect: text.optional(),
  measure: z.enum(Object.keys(MEASURES) as [MeasureId, ...MeasureId[]]),
  op: z.enum([">=", "<="]),
  unit: text,
  level: z.enum(["mandatory", "conditional"]),
  applies_to: scope.optional(),
  by: z.array(z.enum(["industry", "region_class", "park"])).optional(),
  value: z.number().finite().nullable().optional(),
  table: z.array(row).optional(),
  unsourced: z.boolean().optional(),
  source: source.optional(),
  origin: text.optional(),
});

const negativeList = z.strictObject({
  id: text,
  kind: z.literal("negative-list"),
  label,
  aspect: text.optional(),
  level: z.enum(["mandatory", "conditional"]),
  applies_to: scope.optional(),
  industries: z.array(z.strictObject({ code: z.string().regex(/^\d{2,4}$/), reason: label })).min(1),
  source: source.optional(),
  origin: text.optional(),
});

const fill = z.strictObject({
  unit: text,
  origin: text,
  value: z.number().finite().optional(),
  table: z.array(row).optional(),
});

export const standardSchema = z.strictObject({
  format: z.literal("parkscore-standard/1"),
  id: text,
  kind: z.enum(["national", "local"]),
  version: text,
  title: label,
  document: z.strictObject({ number: text, year: z.number().int(), issuer: text.optional() }),
  base: text.optional(),
  industry_edition: edition,
  applies_to: scope.optional(),
  region_class: z.strictObject({ value: z.number().int().min(1).max(7).nullable(), unsourced: z.boolean().optional(), note: text.optional(), source: text.optional() }).optional(),
  sources: z.record(z.string(), z.string()).optional(),
  fill: z.record(z.string(), fill).optional(),
  checks: z.array(z.union([negativeList, thresholdCheck])).default([]),
});
export type StandardInput = z.infer<typeof standardSchema>;
type RowInput = z.infer<typeof row>;

/** One row of a threshold table, resolved. `value` null = not available (unsourced). */
export interface ThresholdRow {
  industries?: string[];
  regionClass?: number;
  park?: string;
  value: number | null;
  unsourced: boolean;
  source?: string;
}

export interface Provenance {
  standard: string;
  version: string;
  kind: "national" | "local";
  document: string;
  file: string;
}

export interface ThresholdCheck {
  kind: "threshold";
  id: string;
  label: { zh: string; en: string };
  aspect?: string;
  measure: MeasureId;
  op: ">=" | "<=";
  unit: string;
  level: "mandatory" | "conditional";
  appliesTo: "all" | "manufacturing" | "non-manufacturing";
  by: ("industry" | "region_class" | "park")[];
  /** Edition of the industry codes in `rows`. */
  edition: Edition;
  rows: ThresholdRow[];
  source: string;
  from: Provenance;
  /** Where the evaluator adds a missing value: file and key. */
  fillHint: string;
  /** Values supplied by a local standard for this (national) check. */
  fill?: { unit: string; origin: string; edition: Edition; rows: ThresholdRow[]; from: Provenance };
}

export interface NegativeListCheck {
  kind: "negative-list";
  id: string;
  label: { zh: string; en: string };
  aspect?: string;
  level: "mandatory" | "conditional";
  appliesTo: "all" | "manufacturing" | "non-manufacturing";
  edition: Edition;
  industries: { code: string; reason: { zh: string; en: string } }[];
  source: string;
  from: Provenance;
}

export type Check = ThresholdCheck | NegativeListCheck;

export interface Standard {
  id: string;
  kind: "national" | "local";
  version: string;
  title: { zh: string; en: string };
  document: string;
  regionClass: { value: number | null; note?: string; file: string };
  checks: Check[];
  industry: IndustryTable;
  /** Every file read, with its hash, for the manifest. */
  files: { file: string; sha256: string }[];
}

/** Validates one standard file's text; problems name the file, the key and the line-less path. */
export function parseStandardText(data: unknown, file: string): StandardInput {
  const parsed = standardSchema.safeParse(data);
  if (!parsed.success) {
    throw new ParkscoreError(
      parsed.error.issues.slice(0, 50).map((i): Problem => ({ code: "standard.invalid", file, path: i.path.join("."), message: i.message, fix: "see docs/admission.md for the standard file format" })),
    );
  }
  const s = parsed.data;
  const problems: Problem[] = [];
  const ids = new Set<string>();
  s.checks.forEach((c, k) => {
    const path = `checks[${k}]`;
    if (ids.has(c.id)) problems.push({ code: "standard.duplicate", file, path: `${path}.id`, message: `check "${c.id}" is defined twice` });
    ids.add(c.id);
    if (c.kind === "negative-list") return;
    if (!isUnit(c.unit)) problems.push({ code: "standard.unit", file, path: `${path}.unit`, message: `unknown unit "${c.unit}"`, fix: "use 万元/公顷, 万元/亩, 元/平方米, 万元, 亿元, ratio, %, 吨标准煤/万元, 吨/万元 or flag" });
    else if (dimensionOf(c.unit) !== dimensionOf(MEASURES[c.measure].unit))
      problems.push({ code: "standard.unit", file, path: `${path}.unit`, message: `${c.unit} is not a unit of ${c.measure} (${MEASURES[c.measure].unit})` });
    if (c.value === undefined && c.table === undefined) problems.push({ code: "standard.no-threshold", file, path, message: `check "${c.id}" has neither value nor table`, fix: "give value (null + unsourced: true if not known) or table" });
    if ((c.value === null || (c.table?.length === 0 && c.value === undefined)) && !c.unsourced)
      problems.push({ code: "standard.unsourced", file, path, message: `check "${c.id}" has no threshold but is not marked unsourced: true`, fix: "mark it unsourced: true, or give the value with its source" });
  });
  for (const [id, f] of Object.entries(s.fill ?? {})) {
    if (!isUnit(f.unit)) problems.push({ code: "standard.unit", file, path: `fill.${id}.unit`, message: `unknown unit "${f.unit}"` });
    if (f.value === undefined && !f.table) problems.push({ code: "standard.no-threshold", file, path: `fill.${id}`, message: "a fill needs value or table" });
  }
  if (s.kind === "national" && (s.base || s.fill)) problems.push({ code: "standard.national-base", file, message: "a national standard cannot have base or fill" });
  if (problems.length) throw new ParkscoreError(problems);
  return s;
}

const sourceText = (s: z.infer<typeof source> | undefined): string =>
  s === undefined ? "" : typeof s === "string" ? s : Object.entries(s).map(([k, v]) => `${k}: ${v}`).join("; ");

function rows(input: RowInput[] | undefined, value: number | null | undefined, unsourced: boolean, src: string): ThresholdRow[] {
  if (input) return input.map((r) => ({ industries: r.industry === undefined ? undefined : Array.isArray(r.industry) ? r.industry : [r.industry], regionClass: r.region_class, park: r.park, value: r.value, unsourced: r.unsourced ?? r.value === null, source: sourceText(r.source) || undefined }));
  return [{ value: value ?? null, unsourced: unsourced || value === null || value === undefined, source: src || undefined }];
}

/**
 * Resolves a validated standard (and its base, already resolved) into checks. A local check with
 * the id of a base check replaces it; `fill` supplies values for base checks' missing thresholds.
 */
export function resolveStandard(s: StandardInput, file: string, industry: IndustryTable, base: Standard | undefined, files: { file: string; sha256: string }[]): Standard {
  const from: Provenance = { standard: s.id, version: s.version, kind: s.kind, document: s.document.number, file };
  const problems: Problem[] = [];
  const own: Check[] = s.checks.map((c, k): Check => {
    const appliesTo = c.applies_to ?? s.applies_to ?? "all";
    if (c.kind === "negative-list")
      return { kind: "negative-list", id: c.id, label: c.label, aspect: c.aspect, level: c.level, appliesTo, edition: s.industry_edition, industries: c.industries, source: [sourceText(c.source), c.origin ?? ""].filter(Boolean).join("; "), from };
    const src = [sourceText(c.source), c.origin ?? ""].filter(Boolean).join("; ");
    return {
      kind: "threshold",
      id: c.id,
      label: c.label,
      aspect: c.aspect,
      measure: c.measure,
      op: c.op,
      unit: c.unit,
      level: c.level,
      appliesTo,
      by: c.by ?? [],
      edition: s.industry_edition,
      rows: rows(c.table, c.value, c.unsourced ?? false, src),
      source: src,
      from,
      fillHint: s.kind === "national" ? `a local standard with base: ${file} and fill: { ${c.id}: { unit: ${c.unit}, origin: "…", table: [ { industry: "…", value: … } ] } }` : `${file}: checks[${k}] (id ${c.id})`,
    };
  });
  let checks: Check[] = own;
  if (base) {
    const byId = new Map(own.map((c) => [c.id, c]));
    checks = [...base.checks.map((c) => byId.get(c.id) ?? c), ...own.filter((c) => !base.checks.some((b) => b.id === c.id))];
    for (const [id, f] of Object.entries(s.fill ?? {})) {
      const k = checks.findIndex((c) => c.id === id);
      const target = checks[k];
      if (!target || target.kind !== "threshold") {
        problems.push({ code: "standard.fill-target", file, path: `fill.${id}`, message: `the base standard has no threshold check "${id}"`, fix: `use one of ${base.checks.map((c) => c.id).join(", ")}` });
        continue;
      }
      if (isUnit(f.unit) && dimensionOf(f.unit) !== dimensionOf(target.unit)) {
        problems.push({ code: "standard.unit", file, path: `fill.${id}.unit`, message: `${f.unit} is not a unit of ${target.measure} (${target.unit})` });
        continue;
      }
      checks[k] = { ...target, fill: { unit: f.unit, origin: f.origin, edition: s.industry_edition, rows: rows(f.table, f.value, false, f.origin), from } };
    }
  } else if (s.base) problems.push({ code: "standard.base", file, path: "base", message: "the base standard was not loaded" });
  if (problems.length) throw new ParkscoreError(problems);
  const rc = s.region_class?.value !== undefined && s.region_class.value !== null ? { value: s.region_class.value, note: s.region_class.note ?? s.region_class.source, file } : base?.regionClass ?? { value: null, note: s.region_class?.note, file };
  return { id: s.id, kind: s.kind, version: s.version, title: s.title, document: s.document.number, regionClass: rc, checks, industry, files: [...(base?.files ?? []), ...files] };
}
