/**
 * Loading a scheme: YAML or JSON text → validated, resolved `Scheme`. Every problem is reported at
 * once with its path and line (`indicators[3].direction: expected "benefit" or "cost"`).
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { z } from "zod";
import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import { sha256 } from "../hash.js";
import { ParkscoreError, type Problem, type Warning } from "../errors.js";
import { AhpError, ahpWeights } from "./ahp.js";
import { compileFormula, FormulaError } from "./formula.js";
import { schemeColumns } from "./columns.js";
import { schemeSchema, type SchemeInput } from "./schema.js";
import { pathOfText, resolveOverrides, resolveSources, splitSources } from "./sources.js";
import { resolveUncertainty } from "./uncertainty-schema.js";
import type { Adjustment, Aggregation, Category, Condition, Derived, Grading, Indicator, JudgementMatrix, Label, NormalizeSpec, OutlierTreatment, Scheme, SimpleWeighting, Veto, Weighting } from "./types.js";

export interface LoadedScheme {
  scheme: Scheme;
  warnings: Warning[];
}

/** Reads and validates a scheme file. */
export function loadScheme(file: string): LoadedScheme {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new ParkscoreError({
      code: "scheme.unreadable",
      file,
      message: `cannot read the scheme: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`,
      fix: "check the path given to --scheme",
    });
  }
  return parseScheme(bytes.toString("utf8").replace(/^\uFEFF/, ""), file, sha256(bytes));
}

/** Validates scheme text; `file` is only used in messages. */
export function parseScheme(text: string, file: string, hash = sha256(text)): LoadedScheme {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  const problems: Problem[] = [];
  for (const err of doc.errors) {
    problems.push({
      code: "scheme.syntax",
      file,
      line: err.linePos?.[0]?.line,
      message: `not valid YAML/JSON: ${err.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`,
    });
  }
  if (problems.length) throw new ParkscoreError(problems);

  const at = (path: (string | number)[]): Pick<Problem, "file" | "path" | "line"> => ({
    file,
    path: formatPath(path),
    line: lineOf(doc, lines, path),
  });

  const parsed = schemeSchema.safeParse(toJS(doc, file));
  if (!parsed.success) {
    for (const issue of parsed.error.issues.flatMap(ofTheRightKind)) {
      const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
      problems.push({ code: "scheme.invalid", ...at(path), message: issue.message });
    }
    throw new ParkscoreError(problems);
  }
  const warnings: Warning[] = [];
  const scheme = resolve(parsed.data, file, hash, at, problems, warnings);
  if (problems.length) throw new ParkscoreError(problems);
  return { scheme, warnings };
}

/**
 * A value that matches none of a union's kinds (a `sources:` item is a reference or a department
 * source) is reported by the problems of the kind whose type it has, since those say what to fix.
 */
function ofTheRightKind(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union") return [issue];
  const matching = issue.errors.filter((e) => e.length > 0 && e.every((i) => i.path.length > 0));
  return matching.length === 1 ? matching[0].map((i) => ({ ...i, path: [...issue.path, ...i.path] })).flatMap(ofTheRightKind) : [issue];
}

type At = (path: (string | number)[]) => Pick<Problem, "file" | "path" | "line">;

/**
 * How many nodes aliases (`*name`) may expand to, all told. A scheme needs few; the bound stops a
 * "billion laughs" file (aliases of aliases, each level multiplying the size) from exhausting memory.
 */
const MAX_ALIAS_EXPANSION = 100;

/** The document as plain values, its aliases resolved within the bound. */
function toJS(doc: Document, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    throw new ParkscoreError(
      /^Excessive alias count/.test(e.message)
        ? {
            code: "scheme.aliases",
            file,
            message: `its YAML aliases (*name) repeat aliases beyond the limit of ${MAX_ALIAS_EXPANSION}, the pattern of a file crafted to exhaust memory ("billion laughs")`,
            fix: "write the repeated parts out instead of aliasing aliases (a scheme needs few aliases, if any)",
          }
        : { code: "scheme.syntax", file, message: `not valid YAML: ${e.message}`, fix: "define each anchor (&name) before the aliases (*name) that use it" },
    );
  }
}

function resolve(input: SchemeInput, file: string, hash: string, at: At, problems: Problem[], warnings: Warning[]): Scheme {
  const fail = (path: (string | number)[], message: string, fix?: string) =>
    problems.push({ code: "scheme.invalid", ...at(path), message, fix });
  const warn = (path: (string | number)[], message: string) => warnings.push({ code: "scheme.warning", ...at(path), message });

  const checkFormula = (source: string, path: (string | number)[]) => {
    try {
      compileFormula(source);
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      fail(path, e.message);
    }
  };

  const seen = new Map<string, string>();
  const claim = (id: string, path: (string | number)[]) => {
    const before = seen.get(id);
    if (before) fail([...path, "id"], `"${id}" is already used by ${before}`, "give every indicator and derived value its own id");
    else seen.set(id, formatPath(path));
  };

  const derive: Derived[] = (input.derive ?? []).map((d, k) => {
    claim(d.id, ["derive", k]);
    checkFormula(d.formula, ["derive", k, "formula"]);
    return { id: d.id, formula: d.formula, unit: d.unit ?? "", path: formatPath(["derive", k]) };
  });

  const categories: Category[] = (input.categories ?? []).map((c, k) => {
    if (input.categories!.findIndex((o) => o.id === c.id) !== k) fail(["categories", k, "id"], `category "${c.id}" is defined twice`);
    return { id: c.id, label: label(c.label, c.id), weight: c.weight, path: formatPath(["categories", k]) };
  });
  const categoryIds = new Set(categories.map((c) => c.id));

  const defaultMissing = input.missing ?? "worst";
  const defaultOutliers = resolveOutliers(input.outliers, { method: "none" });
  const indicators: Indicator[] = input.indicators.map((ind, k) => {
    const path = ["indicators", k];
    claim(ind.id, path);
    if (ind.column !== undefined && ind.formula !== undefined)
      fail(path, "has both column and formula", "keep one: column for a value read as is, formula for a computed one");
    if (ind.formula !== undefined) checkFormula(ind.formula, [...path, "formula"]);
    if (categories.length && ind.category === undefined)
      fail([...path, "category"], `the scheme has categories, so every indicator needs one (${[...categoryIds].join(", ")})`);
    if (ind.category !== undefined && !categoryIds.has(ind.category))
      fail([...path, "category"], categories.length ? `unknown category "${ind.category}"; defined: ${[...categoryIds].join(", ")}` : `category "${ind.category}" is not defined under categories:`);
    return {
      id: ind.id,
      label: label(ind.label, ind.id),
      unit: ind.unit ?? "",
      category: ind.category,
      column: ind.formula === undefined ? (ind.column ?? ind.id) : undefined,
      formula: ind.formula,
      direction: ind.direction,
      weight: ind.weight,
      normalize: normalizeSpec(ind.normalize ?? "minmax", [...path, "normalize"], fail),
      missing: ind.missing ?? defaultMissing,
      outliers: resolveOutliers(ind.outliers, defaultOutliers),
      source: ind.source,
      path: formatPath(path),
    };
  });
  for (const c of categories)
    if (!indicators.some((i) => i.category === c.id)) warn(["categories", categories.indexOf(c)], `category "${c.id}" has no indicator`);

  const weighting = resolveWeighting(input, categories, indicators, fail, warn);

  const allEfficacy = indicators.every((i) => i.normalize.method === "efficacy");
  const a = input.aggregation;
  const aggregation: Aggregation = {
    method: a?.method ?? "weighted-sum",
    // Efficacy scores are already points (60–100); everything else is scaled to 0–100.
    scale: a?.scale ?? (allEfficacy ? 1 : 100),
    normalize: a?.normalize ?? "vector",
    v: a?.v ?? 0.5,
    rho: a?.rho ?? 0.5,
  };
  if (a?.normalize !== undefined && aggregation.method !== "topsis") fail(["aggregation", "normalize"], "normalize applies to topsis only");
  if (a?.v !== undefined && aggregation.method !== "vikor") fail(["aggregation", "v"], "v applies to vikor only");
  if (a?.rho !== undefined && aggregation.method !== "grey-relational") fail(["aggregation", "rho"], "rho applies to grey-relational only");
  if ((input.grading.method === "rsr-probit") !== (aggregation.method === "rank-sum-ratio") && input.grading.method === "rsr-probit")
    fail(["grading", "method"], "rsr-probit grading needs aggregation: { method: rank-sum-ratio }");

  let eligible: Condition | undefined;
  if (input.eligible !== undefined) {
    const e = typeof input.eligible === "string" ? { when: input.eligible } : input.eligible;
    const path = typeof input.eligible === "string" ? ["eligible"] : ["eligible", "when"];
    checkFormula(e.when, path);
    eligible = { when: e.when, reason: label(e.reason, `not eligible: ${e.when}`), path: formatPath(["eligible"]) };
  }

  const grading = resolveGrading(input.grading, fail);
  const veto: Veto[] = (input.rules?.veto ?? []).map((v, k) => {
    checkFormula(v.when, ["rules", "veto", k, "when"]);
    const grade = v.grade ?? grading.veto;
    if (!grading.grades.includes(grade))
      fail(["rules", "veto", k, "grade"], `unknown grade "${grade}"; the grades are ${grading.grades.join(", ")}`);
    return { when: v.when, grade, reason: label(v.reason, `veto: ${v.when}`), path: formatPath(["rules", "veto", k]) };
  });
  const adjust: Adjustment[] = (input.rules?.adjust ?? []).map((a, k) => {
    if (a.when !== undefined) checkFormula(a.when, ["rules", "adjust", k, "when"]);
    if (typeof a.points === "string") checkFormula(a.points, ["rules", "adjust", k, "points"]);
    const text = `${typeof a.points === "number" && a.points > 0 ? "+" : ""}${a.points}${a.when ? ` when ${a.when}` : ""}`;
    return { when: a.when, points: a.points, reason: label(a.reason, text), path: formatPath(["rules", "adjust", k]) };
  });

  const { references, departments } = splitSources(input.sources);
  const scheme: Scheme = {
    title: label(input.title, basename(file).replace(/\.(ya?ml|json)$/i, "")),
    id: input.id,
    name: input.name,
    period: input.period,
    columns: input.columns ?? {},
    carry: input.carry ?? [],
    derive,
    categories,
    indicators,
    weighting,
    aggregation,
    eligible,
    rules: { veto, adjust, cap: input.rules?.cap },
    grading,
    sources: references,
    departments: [],
    usccOverrides: resolveOverrides(input.uscc_overrides),
    disclosure: { minGroup: input.disclosure?.min_group ?? 5, digits: input.disclosure?.digits ?? 2 },
    ...(input.uncertainty ? { uncertainty: resolveUncertainty(input.uncertainty, indicators.map((i) => i.id), fail) } : {}),
    hash,
    file,
  };
  if (departments.length) {
    const { numeric, usedBy } = schemeColumns(scheme);
    scheme.departments = resolveSources(departments, { id: input.id, name: input.name, carry: scheme.carry, numeric: new Map(numeric.map((c) => [c, usedBy.get(c)!])), label, formatPath }, fail);
    if (input.columns !== undefined) warn(["columns"], "applies only to a merged file given with --input: a stored period is merged from the department sources, each of which maps its own headers");
  } else if (input.uscc_overrides !== undefined) warn(["uscc_overrides"], "is not used: it applies to the credit codes of department sources");
  return scheme;
}

function resolveGrading(g: SchemeInput["grading"], fail: (path: (string | number)[], message: string, fix?: string) => void): Grading {
  let grades: string[];
  let values: number[] = [];
  if (g.method === "quotas" || g.method === "bands") {
    const table = g.method === "quotas" ? g.quotas : g.bands;
    grades = Object.keys(table);
    values = Object.values(table);
  } else if (g.method === "rsr-probit") grades = typeof g.grades === "number" ? "ABCDE".slice(0, g.grades).split("") : g.grades;
  else grades = g.grades;
  const key = g.method === "quotas" ? "quotas" : g.method === "bands" ? "bands" : "grades";
  if (grades.length === 0) fail(["grading", key], "needs at least one grade");
  if (new Set(grades).size !== grades.length) fail(["grading", key], "a grade is named twice");
  if (g.method === "quotas") {
    values.forEach((q, k) => {
      if (!(q > 0 && q <= 1)) fail(["grading", key, grades[k]], `a quota is a share between 0 and 1, not ${q}`);
    });
    const sum = values.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-9) fail(["grading", key], `the quotas add up to ${+sum.toFixed(12)}, not 1`, "make the shares add up to 1 (e.g. 0.2, 0.4, 0.35, 0.05)");
  } else if (g.method === "bands") {
    for (let k = 1; k < values.length; k++)
      if (!(values[k] < values[k - 1]))
        fail(["grading", key, grades[k]], `band thresholds must decrease from the best grade to the worst (${grades[k - 1]}: ${values[k - 1]}, ${grades[k]}: ${values[k]})`);
  }
  const veto = g.veto ?? grades[grades.length - 1];
  if (grades.length && !grades.includes(veto)) fail(["grading", "veto"], `unknown grade "${veto}"; the grades are ${grades.join(", ")}`);
  const labels = Object.fromEntries(Object.entries(g.labels ?? {}).map(([k, v]) => [k, label(v, k)]));
  const common = { grades, veto, labels };
  switch (g.method) {
    case "quotas":
      return { method: "quotas", quotas: values, ...common };
    case "bands":
      return { method: "bands", bands: values, ...common };
    default:
      return { method: g.method, ...common };
  }
}

type Fail = (path: (string | number)[], message: string, fix?: string) => void;
type SimpleInput = Exclude<NonNullable<SchemeInput["weighting"]>, { method: "combined" } | string>;

/** The weighting as the engine uses it, with defaults, judgements as numbers, and its checks. */
function resolveWeighting(input: SchemeInput, categories: Category[], indicators: Indicator[], fail: Fail, warn: (path: (string | number)[], message: string) => void): Weighting {
  const hasWeights = indicators.some((i) => i.weight !== undefined) || categories.some((c) => c.weight !== undefined);
  const given = input.weighting ?? (hasWeights ? "expert" : "equal");
  const w = typeof given === "string" ? { method: given } : given;
  const uses = (m: string) => (w.method === "combined" ? w.of.some((o) => (typeof o === "string" ? o : o.method) === m) : w.method === m);
  const simple = (x: SimpleInput | SimpleInput["method"], path: (string | number)[]): SimpleWeighting => {
    const o: SimpleInput = typeof x === "string" ? { method: x } : x;
    const subjective = o.method === "expert" || o.method === "equal" || o.method === "ahp";
    const categoryLevel = o.categories ?? (subjective ? (o.method as "expert" | "equal" | "ahp") : categories.some((c) => c.weight !== undefined) ? "expert" : "equal");
    if (o.basis !== undefined && o.method !== "entropy") fail([...path, "basis"], "basis applies to entropy weights only");
    const judgements: SimpleWeighting["judgements"] = {};
    const needsAhp = o.method === "ahp" || (categories.length > 0 && categoryLevel === "ahp");
    if (needsAhp && !o.judgements) fail(path, "AHP needs judgements: { categories: [[…]], indicators: … }", "give the pairwise comparison matrices on Saaty's 1–9 scale");
    if (o.judgements) {
      const jp = [...path, "judgements"];
      if (o.judgements.categories) judgements.categories = matrix(o.judgements.categories, [...jp, "categories"], categories.length, "categories", fail);
      else if (categories.length > 0 && categoryLevel === "ahp") fail(jp, "AHP over categories needs judgements.categories");
      const ind = o.judgements.indicators;
      if (o.method === "ahp") {
        if (categories.length === 0) {
          if (!Array.isArray(ind)) fail([...jp, "indicators"], "a scheme without categories needs one matrix over all indicators");
          else judgements.indicators = matrix(ind, [...jp, "indicators"], indicators.length, "indicators", fail);
        } else if (ind === undefined || Array.isArray(ind)) fail([...jp, "indicators"], `give one matrix per category: { ${categories.map((c) => c.id).join(": […], ")}: […] }`);
        else {
          const out: Record<string, JudgementMatrix> = {};
          for (const c of categories) {
            const members = indicators.filter((i) => i.category === c.id).length;
            if (members < 2) continue;
            if (!ind[c.id]) fail([...jp, "indicators"], `no matrix for category "${c.id}" (${members} indicators)`);
            else out[c.id] = matrix(ind[c.id], [...jp, "indicators", c.id], members, `indicators of category ${c.id}`, fail);
          }
          for (const k of Object.keys(ind)) if (!categories.some((c) => c.id === k)) fail([...jp, "indicators", k], `unknown category "${k}"`);
          judgements.indicators = out;
        }
      }
    }
    const accept = o.accept_inconsistent ?? false;
    const matrices = [judgements.categories, ...(judgements.indicators === undefined ? [] : "values" in judgements.indicators ? [judgements.indicators as JudgementMatrix] : Object.values(judgements.indicators))];
    for (const m of matrices) if (m) checkConsistency(m, accept, fail, warn);
    const name = o.method === "entropy" && o.basis === "raw" ? "entropy(raw)" : o.method;
    return { method: o.method, basis: o.basis ?? "normalized", categories: categoryLevel, judgements, acceptInconsistent: o.accept_inconsistent ?? false, name };
  };
  const resolved: Weighting =
    w.method === "combined"
      ? { method: "combined", combine: w.combine, mu: w.mu ?? 0.5, of: w.of.map((o, k) => simple(o, ["weighting", "of", k])), name: `combined(${w.combine})` }
      : simple(w, ["weighting"]);
  const expertSomewhere = uses("expert") || (resolved.method !== "combined" ? [resolved] : resolved.of).some((x) => x.categories === "expert" && categories.length > 0);
  if (expertSomewhere) {
    if (uses("expert")) {
      indicators.forEach((ind, k) => {
        if (ind.weight === undefined) fail(["indicators", k, "weight"], "expert weighting needs a weight on every indicator", "add weight: or use weighting: { method: equal }");
      });
      allZeroWeights(indicators, categories, fail);
    }
    categories.forEach((c, k) => {
      if (c.weight === undefined) fail(["categories", k, "weight"], "expert weighting needs a weight on every category");
    });
    if (categories.length > 1 && categories.every((c) => c.weight === 0))
      fail(["categories"], "the weights of the categories are all 0", "give the categories their weights (a 0 weight leaves a category out; at least one must count)");
  } else if (hasWeights && !uses("expert")) {
    warn(["weighting", "method"], `weights are given but weighting is ${resolved.name}: they are ignored`);
  }
  return resolved;
}

/**
 * Expert weights that are all 0 within a level (every indicator, or every indicator of a category)
 * say nothing about how to weigh: an error at the first of them, not weights silently made equal.
 */
function allZeroWeights(indicators: Indicator[], categories: Category[], fail: Fail): void {
  const groups = categories.length ? categories.map((c) => ({ what: `of category ${c.id}`, members: indicators.filter((i) => i.category === c.id) })) : [{ what: "", members: indicators }];
  for (const { what, members } of groups)
    if (members.length > 1 && members.every((i) => i.weight === 0)) {
      const k = indicators.indexOf(members[0]);
      fail(["indicators", k, "weight"], `the weights of the ${members.length} indicators ${what ? `${what} ` : ""}are all 0 (${members.map((i) => i.id).join(", ")})`, "give each indicator its weight (a 0 weight leaves one indicator out; at least one must count)");
    }
}

/** A judgement matrix: square, of the expected size, positive, fractions read ("1/3" → 0.333…). */
function matrix(rows: (number | string)[][], path: (string | number)[], size: number, what: string, fail: Fail): JudgementMatrix {
  const values = rows.map((r) => r.map((v) => (typeof v === "number" ? v : Number(v.split("/")[0]) / Number(v.split("/")[1]))));
  if (values.length !== size || values.some((r) => r.length !== size)) fail(path, `the matrix must be ${size} × ${size} (one row and column per ${what}, in the scheme's order)`);
  return { values, path: formatPath(path) };
}

/**
 * Saaty's consistency check (CR = CI/RI < 0.1) at load time, so `validate` catches an inconsistent
 * matrix before any data is read. The error names CR and the most inconsistent judgement.
 */
function checkConsistency(m: JudgementMatrix, accept: boolean, fail: Fail, warn: (path: (string | number)[], message: string) => void): void {
  const path = pathOfText(m.path);
  let r;
  try {
    r = ahpWeights(m.values);
  } catch (e) {
    if (!(e instanceof AhpError)) throw e;
    return fail(path, e.message);
  }
  if (r.cr < 0.1) return;
  const w = r.worst;
  const worst = w ? `; the most inconsistent judgement is row ${w.row + 1}, column ${w.column + 1}: ${+w.judgement.toFixed(4)}, where the other judgements imply ${+w.implied.toFixed(4)}` : "";
  const message = `the judgements are inconsistent: CR = ${r.cr.toFixed(4)} (≥ 0.1; λmax ${r.lambdaMax.toFixed(4)}, CI ${r.ci.toFixed(4)})${worst}`;
  if (accept) warn(path, `${message} — accepted (accept_inconsistent: true)`);
  else fail(path, message, "revise that judgement, or set accept_inconsistent: true to use the matrix anyway");
}

function resolveOutliers(o: SchemeInput["outliers"] | undefined, fallback: OutlierTreatment): OutlierTreatment {
  if (o === undefined) return fallback;
  if (o === "none") return { method: "none" };
  if (o.method === "winsorize") return { method: "winsorize", skew: o.skew ?? 2, kurtosis: o.kurtosis ?? 3.5, max: o.max ?? 5, logFallback: o.log_fallback ?? false };
  return { method: "clip", lower: o.lower ?? 0.01, upper: o.upper ?? 0.99 };
}

function normalizeSpec(n: NonNullable<SchemeInput["indicators"][number]["normalize"]>, path: (string | number)[], fail: Fail): NormalizeSpec {
  if (typeof n === "string") {
    if (n === "interval" || n === "target") fail(path, `${n} needs its parameters: { method: ${n}, ${n === "interval" ? "q1: …, q2: …" : "floor: …, target: …"} }`);
    return normalizeSpec({ method: n } as Exclude<typeof n, string>, path, fail);
  }
  const t = n.transform ? { transform: n.transform } : {};
  switch (n.method) {
    case "benchmark-ratio":
      return { method: "benchmark-ratio", benchmark: n.benchmark ?? "mean", factor: n.factor ?? 1, cap: n.cap, ...t };
    case "efficacy":
      return { method: "efficacy", c: n.c ?? 60, d: n.d ?? 40, ...t };
    case "interval":
      if (!(n.q1 <= n.q2)) fail(path, `the ideal interval needs q1 ≤ q2 (q1: ${n.q1}, q2: ${n.q2})`);
      if (n.lower !== undefined && n.lower > n.q1) fail(path, `lower (${n.lower}) must not be above q1 (${n.q1})`);
      if (n.upper !== undefined && n.upper < n.q2) fail(path, `upper (${n.upper}) must not be below q2 (${n.q2})`);
      return { method: "interval", q1: n.q1, q2: n.q2, lower: n.lower, upper: n.upper, ...t };
    case "target":
      return { method: "target", floor: n.floor, target: n.target, cap: n.cap, ...t };
    default:
      return { method: n.method, ...t } as NormalizeSpec;
  }
}

/** A label given as text is used in both languages; one given in one language fills the other. */
export function label(l: string | { zh?: string; en?: string } | undefined, fallback: string): Label {
  if (l === undefined) return { zh: fallback, en: fallback };
  if (typeof l === "string") return { zh: l, en: l };
  const zh = l.zh ?? l.en ?? fallback;
  return { zh, en: l.en ?? zh };
}

/** `["indicators", 3, "direction"]` → `indicators[3].direction`. */
export function formatPath(path: readonly (string | number)[]): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s ? `.${p}` : p;
  return s;
}

/** The line of the deepest node of `path` that exists in the document. */
function lineOf(doc: Document, lines: LineCounter, path: (string | number)[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}
