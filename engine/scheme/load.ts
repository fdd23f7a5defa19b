/**
 * Loading a scheme: YAML or JSON text → validated, resolved `Scheme`. Every problem is reported at
 * once with its path and line (`indicators[3].direction: expected "benefit" or "cost"`).
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import { sha256 } from "../hash.js";
import { ParkscoreError, type Problem, type Warning } from "../errors.js";
import { compileFormula, FormulaError } from "./formula.js";
import { schemeSchema, type SchemeInput } from "./schema.js";
import type { Adjustment, Category, Condition, Derived, Grading, Indicator, Label, NormalizeSpec, Scheme, Veto } from "./types.js";

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

  const parsed = schemeSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
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

type At = (path: (string | number)[]) => Pick<Problem, "file" | "path" | "line">;

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
      normalize: normalizeSpec(ind.normalize ?? "minmax"),
      missing: ind.missing ?? defaultMissing,
      source: ind.source,
      path: formatPath(path),
    };
  });
  for (const c of categories)
    if (!indicators.some((i) => i.category === c.id)) warn(["categories", categories.indexOf(c)], `category "${c.id}" has no indicator`);

  const hasWeights = indicators.some((i) => i.weight !== undefined) || categories.some((c) => c.weight !== undefined);
  const weighting = input.weighting ?? { method: hasWeights ? ("expert" as const) : ("equal" as const) };
  if (weighting.method === "expert") {
    indicators.forEach((ind, k) => {
      if (ind.weight === undefined) fail(["indicators", k, "weight"], "expert weighting needs a weight on every indicator", "add weight: or use weighting: { method: equal }");
    });
    categories.forEach((c, k) => {
      if (c.weight === undefined) fail(["categories", k, "weight"], "expert weighting needs a weight on every category");
    });
  } else if (hasWeights) {
    warn(["weighting", "method"], "weights are given but weighting is equal: they are ignored");
  }

  const allEfficacy = indicators.every((i) => i.normalize.method === "efficacy");
  const aggregation = {
    method: input.aggregation?.method ?? ("weighted-sum" as const),
    // Efficacy scores are already points (60–100); everything else is scaled to 0–100.
    scale: input.aggregation?.scale ?? (allEfficacy ? 1 : 100),
  };

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

  return {
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
    sources: input.sources ?? [],
    hash,
    file,
  };
}

function resolveGrading(g: SchemeInput["grading"], fail: (path: (string | number)[], message: string, fix?: string) => void): Grading {
  const table = g.method === "quotas" ? g.quotas : g.bands;
  const grades = Object.keys(table);
  const values = Object.values(table);
  const key = g.method;
  if (grades.length === 0) fail(["grading", key], "needs at least one grade");
  if (g.method === "quotas") {
    values.forEach((q, k) => {
      if (!(q > 0 && q <= 1)) fail(["grading", key, grades[k]], `a quota is a share between 0 and 1, not ${q}`);
    });
    const sum = values.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-9) fail(["grading", key], `the quotas add up to ${+sum.toFixed(12)}, not 1`, "make the shares add up to 1 (e.g. 0.2, 0.4, 0.35, 0.05)");
  } else {
    for (let k = 1; k < values.length; k++)
      if (!(values[k] < values[k - 1]))
        fail(["grading", key, grades[k]], `band thresholds must decrease from the best grade to the worst (${grades[k - 1]}: ${values[k - 1]}, ${grades[k]}: ${values[k]})`);
  }
  const veto = g.veto ?? grades[grades.length - 1];
  if (grades.length && !grades.includes(veto)) fail(["grading", "veto"], `unknown grade "${veto}"; the grades are ${grades.join(", ")}`);
  const labels = Object.fromEntries(Object.entries(g.labels ?? {}).map(([k, v]) => [k, label(v, k)]));
  return g.method === "quotas"
    ? { method: "quotas", grades, quotas: values, veto, labels }
    : { method: "bands", grades, bands: values, veto, labels };
}

function normalizeSpec(n: NonNullable<SchemeInput["indicators"][number]["normalize"]>): NormalizeSpec {
  const o = typeof n === "string" ? { method: n } : n;
  switch (o.method) {
    case "benchmark-ratio": {
      const b = o as { benchmark?: number | "mean" | "median"; factor?: number; cap?: number };
      return { method: "benchmark-ratio", benchmark: b.benchmark ?? "mean", factor: b.factor ?? 1, cap: b.cap };
    }
    case "efficacy": {
      const e = o as { c?: number; d?: number };
      return { method: "efficacy", c: e.c ?? 60, d: e.d ?? 40 };
    }
    default:
      return { method: o.method };
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
