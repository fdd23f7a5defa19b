/**
 * The files of `intake`: the coverage report of a period delivered by department, to send back to
 * each department — intake.csv (every finding, one per line), intake.xlsx (a summary sheet, then one
 * sheet per department with its own findings) and manifest.json (which revision of which file) —
 * replacing the folder whole.
 */
import type { Problem } from "../errors.js";
import type { OutputColumn } from "../data/table.js";
import { csvChunks } from "../data/write-csv.js";
import { xlsxBytes, type XlsxSheet } from "../data/write-xlsx.js";
import { valueChecks } from "../intake/checks.js";
import { isList, type Coverage } from "../intake/merge.js";
import { schemeColumns } from "../scheme/columns.js";
import type { DepartmentSource } from "../scheme/types.js";
import { replaceFolder } from "./atomic.js";
import { checkPeriod, latestSources, openDataset, type Revision } from "./dataset.js";
import { mergePeriod } from "./merged-period.js";
import { versions } from "./provenance.js";

/** The kinds of finding, in the order a department reads them, with their Chinese names. */
export const INTAKE_ITEMS = {
  "missing-source": "缺少文件",
  lacking: "缺少企业",
  "not-on-list": "不在参评名单",
  repeated: "代码重复",
  check: "数值问题",
  "invalid-code": "信用代码无效",
} as const;
export type IntakeItemKind = keyof typeof INTAKE_ITEMS;

/** One finding about one department's file. */
export interface IntakeItem {
  source: string;
  kind: IntakeItemKind;
  code: string;
  name: string;
  rows: number[];
  column: string;
  value: string;
  detail: string;
}

/** One source at a glance. */
export interface IntakeSummary {
  source: DepartmentSource;
  file?: string;
  revision?: number;
  rows: number;
  matched: number;
  lacking: number;
  notOnList: number;
  repeated: number;
  checks: number;
  invalid: number;
  shareRule?: string;
  /** A list joined by code: the participants not on it are counted, not listed. */
  list: boolean;
}

export interface IntakeRun {
  period: string;
  participants: number;
  summaries: IntakeSummary[];
  items: IntakeItem[];
  /** What keeps the period from being scored: required sources without a file, and the merge's problems. */
  problems: Problem[];
  revision: Revision;
}

export async function intakeToFolder(dir: string, period: string, out: string): Promise<IntakeRun> {
  checkPeriod(period);
  const { scheme } = openDataset(dir);
  const latest = latestSources(dir, period, scheme);
  const { merged, missing, revision } = await mergePeriod(dir, period, scheme, latest);
  const cols = schemeColumns(scheme);
  const names = merged.columns.find((c) => c.name === scheme.name);
  const nameOf = (g: number) => (names?.type === "text" && g >= 0 ? names.values[g] : "");
  const at = new Map(merged.codes.map((code, g) => [code, g]));
  const participant = (code: string) => at.get(code) ?? -1;
  const checks = valueChecks(merged, new Set(cols.numeric), cols.divisors);
  const items: IntakeItem[] = [];
  const summaries: IntakeSummary[] = scheme.departments.map((source) => {
    const cov = merged.coverage.find((c) => c.source.id === source.id);
    const own = checks.filter((c) => c.source === source.id);
    if (!cov?.file) items.push({ source: source.id, kind: "missing-source", code: "", name: "", rows: [], column: "", value: "", detail: `no file for period ${period}${source.required ? ": the scheme requires it, so the period cannot be scored" : " (optional)"}` });
    else items.push(...coverageItems(cov, merged.codes, (code) => nameOf(participant(code))));
    for (const c of own) items.push({ source: source.id, kind: "check", code: c.code, name: nameOf(participant(c.code)), rows: c.rows, column: c.header, value: c.value === c.value ? String(c.value) : "", detail: c.problem });
    return {
      source,
      file: cov?.file,
      revision: latest.get(source.id)?.revision,
      rows: cov?.rows ?? 0,
      matched: cov?.matched ?? 0,
      lacking: cov?.file && !source.participants ? cov.lacking.length : 0,
      notOnList: cov?.unknown.length ?? 0,
      repeated: cov?.repeated.length ?? 0,
      checks: own.length,
      invalid: cov?.invalid.length ?? 0,
      list: !source.participants && isList(source),
      ...(cov?.shareRule ? { shareRule: cov.shareRule } : {}),
    };
  });
  const problems: Problem[] = [
    ...missing.map((d) => ({ code: "store.missing-source", file: dir, message: `period ${period} has no file from source ${d.id} (${d.label.zh} / ${d.label.en}), which the scheme requires`, fix: `import it: parkscore import ${dir} --period ${period} --source ${d.id} FILE` })),
    ...merged.problems,
  ];
  const table = itemsTable(items, scheme.departments);
  const summary = summaryTable(summaries);
  const sheets: XlsxSheet[] = [
    { name: "汇总 summary", columns: summary },
    ...scheme.departments.map((d) => ({ name: d.label.zh, columns: itemsTable(items.filter((i) => i.source === d.id), scheme.departments).slice(2) })),
  ];
  const manifest = { ...versions(), command: "intake", dataset: dir, period, scheme: { file: scheme.file, sha256: scheme.hash }, sources: revision.sources, participants: merged.codes.length, counts: Object.fromEntries(Object.keys(INTAKE_ITEMS).map((k) => [k, items.filter((i) => i.kind === k).length])) };
  const xlsx = await xlsxBytes(sheets);
  await replaceFolder(out, (s) =>
    s.write([
      { name: "intake.csv", data: csvChunks(table, items.length) },
      { name: "intake.xlsx", data: xlsx },
      { name: "manifest.json", data: JSON.stringify(manifest, null, 2) + "\n" },
    ]),
  );
  return { period, participants: merged.codes.length, summaries, items, problems, revision };
}

/** A source's findings: participants it lacks, codes not on the list, repeated codes, the list's invalid codes. */
function coverageItems(cov: Coverage, codes: string[], nameOf: (code: string) => string): IntakeItem[] {
  const source = cov.source.id;
  const out: IntakeItem[] = [];
  if (!cov.source.participants && !isList(cov.source)) for (const g of cov.lacking) out.push({ source, kind: "lacking", code: codes[g], name: nameOf(codes[g]), rows: [], column: "", value: "", detail: "on the participant list, but not in this file" });
  for (const u of cov.unknown) {
    const nearest = u.nearest.map((n) => `${n.code} ${nameOf(n.code)} ${n.differs === "check" ? "(only the check character differs)" : `(character ${n.position} differs)`}`).join(" or ");
    const detail = [u.code === "" ? "no code" : u.invalid ? `not a valid credit code: ${u.invalid}` : "", nearest ? `nearest participant: ${nearest}` : ""].filter(Boolean).join("; ");
    out.push({ source, kind: "not-on-list", code: u.code, name: "", rows: u.rows, column: cov.source.key, value: u.code, detail: detail || "not on the participant list" });
  }
  for (const r of cov.repeated)
    out.push({ source, kind: "repeated", code: r.code, name: nameOf(r.code), rows: r.rows, column: r.conflicts.map((c) => c.header).join(", "), value: r.conflicts.map((c) => c.values.join(" vs ")).join("; "), detail: r.conflicts.length ? "the code repeats with conflicting values, and the source has no combine rule" : "the code repeats, and the source has no combine rule" });
  for (const v of cov.invalid) out.push({ source, kind: "invalid-code", code: v.code, name: nameOf(v.code), rows: v.rows, column: cov.source.key, value: v.code, detail: `${v.problem}; used as it is (list it under uscc_overrides: if it is right)` });
  return out;
}

function itemsTable(items: IntakeItem[], sources: DepartmentSource[]): OutputColumn[] {
  const label = new Map(sources.map((s) => [s.id, s.label.zh]));
  const t = (f: (i: IntakeItem) => string): string[] => items.map(f);
  return [
    { name: "source", type: "text", values: t((i) => i.source) },
    { name: "department", type: "text", values: t((i) => label.get(i.source) ?? "") },
    { name: "item", type: "text", values: t((i) => i.kind) },
    { name: "item_zh", type: "text", values: t((i) => INTAKE_ITEMS[i.kind]) },
    { name: "code", type: "text", values: t((i) => i.code) },
    { name: "name", type: "text", values: t((i) => i.name) },
    { name: "rows", type: "text", values: t((i) => i.rows.join(" ")) },
    { name: "column", type: "text", values: t((i) => i.column) },
    { name: "value", type: "text", values: t((i) => i.value) },
    { name: "detail", type: "text", values: t((i) => i.detail) },
  ];
}

function summaryTable(rows: IntakeSummary[]): OutputColumn[] {
  const n = (f: (s: IntakeSummary) => number) => Float64Array.from(rows, f);
  return [
    { name: "source", type: "text", values: rows.map((s) => s.source.id) },
    { name: "department", type: "text", values: rows.map((s) => s.source.label.zh) },
    { name: "file", type: "text", values: rows.map((s) => s.file ?? "") },
    { name: "revision", type: "number", values: n((s) => s.revision ?? NaN) },
    { name: "rows", type: "number", values: n((s) => s.rows) },
    { name: "matched", type: "number", values: n((s) => s.matched) },
    { name: "lacking", type: "number", values: n((s) => s.lacking) },
    { name: "not_on_list", type: "number", values: n((s) => s.notOnList) },
    { name: "repeated", type: "number", values: n((s) => s.repeated) },
    { name: "checks", type: "number", values: n((s) => s.checks) },
    { name: "invalid_codes", type: "number", values: n((s) => s.invalid) },
    { name: "shared_parcels", type: "text", values: rows.map((s) => s.shareRule ?? "") },
  ];
}
