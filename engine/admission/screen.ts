/**
 * Screening a batch of applicants against a standard, and the result as tables: one row per
 * applicant (decision and reasons) and one row per applicant × check (threshold, value, margin, the
 * table row used). Pure: the CLI reads the files and writes the outputs.
 */
import type { OutputColumn } from "../data/table.js";
import { evaluateApplicant, type Applicant, type CheckResult } from "./checks.js";
import { decide, DECISION_LABELS, type ApplicantDecision } from "./decision.js";
import type { Standard } from "./standards.js";

export interface Screening {
  applicant: Applicant;
  checks: CheckResult[];
  decision: ApplicantDecision;
}

export function screen(std: Standard, applicants: Applicant[]): Screening[] {
  return applicants.map((a) => {
    const checks = evaluateApplicant(std, a);
    return { applicant: a, checks, decision: decide(checks) };
  });
}

const STATUS_ZH: Record<CheckResult["status"], string> = { pass: "通过", fail: "不通过", unknown: "无法判定", "n/a": "不适用" };
export const statusZh = (s: CheckResult["status"]) => STATUS_ZH[s];

/** One row per applicant. */
export function decisionTable(rows: Screening[]): OutputColumn[] {
  const f = (fn: (s: Screening) => string): string[] => rows.map(fn);
  const count = (s: Screening, st: CheckResult["status"]) => s.checks.filter((c) => c.status === st).length;
  return [
    { name: "id", type: "text", values: f((s) => s.applicant.id) },
    { name: "name", type: "text", values: f((s) => s.applicant.name) },
    { name: "park", type: "text", values: f((s) => s.applicant.park) },
    { name: "industry", type: "text", values: f((s) => s.applicant.industry) },
    { name: "industry_edition", type: "text", values: f((s) => s.applicant.edition) },
    { name: "decision", type: "text", values: f((s) => s.decision.decision) },
    { name: "decision_zh", type: "text", values: f((s) => DECISION_LABELS[s.decision.decision].zh) },
    { name: "checks_passed", type: "number", values: Float64Array.from(rows, (s) => count(s, "pass")) },
    { name: "checks_failed", type: "number", values: Float64Array.from(rows, (s) => count(s, "fail")) },
    { name: "checks_unknown", type: "number", values: Float64Array.from(rows, (s) => count(s, "unknown")) },
    { name: "reasons_zh", type: "text", values: f((s) => s.decision.reasons.map((r) => r.zh).join(";")) },
    { name: "reasons_en", type: "text", values: f((s) => s.decision.reasons.map((r) => r.en).join("; ")) },
  ];
}

/** One row per applicant × check. */
export function checksTable(rows: Screening[]): { columns: OutputColumn[]; n: number } {
  const all = rows.flatMap((s) => s.checks.map((c) => ({ s, c })));
  const t = (fn: (x: (typeof all)[number]) => string): string[] => all.map(fn);
  const n = (fn: (x: (typeof all)[number]) => number) => Float64Array.from(all, fn);
  return {
    n: all.length,
    columns: [
      { name: "id", type: "text", values: t((x) => x.s.applicant.id) },
      { name: "check", type: "text", values: t((x) => x.c.check.id) },
      { name: "check_zh", type: "text", values: t((x) => x.c.check.label.zh) },
      { name: "level", type: "text", values: t((x) => x.c.check.level) },
      { name: "status", type: "text", values: t((x) => x.c.status) },
      { name: "status_zh", type: "text", values: t((x) => statusZh(x.c.status)) },
      { name: "op", type: "text", values: t((x) => (x.c.check.kind === "threshold" ? x.c.check.op : "not in")) },
      { name: "threshold", type: "number", values: n((x) => (x.c.check.kind === "threshold" ? x.c.threshold : NaN)) },
      { name: "value", type: "number", values: n((x) => (x.c.check.kind === "threshold" ? x.c.value : NaN)) },
      { name: "unit", type: "text", values: t((x) => x.c.unit) },
      { name: "margin", type: "number", values: n((x) => x.c.margin) },
      { name: "margin_pct", type: "number", values: n((x) => x.c.marginPct) },
      { name: "table_industry", type: "text", values: t((x) => x.c.row.industry) },
      { name: "table_edition", type: "text", values: t((x) => x.c.row.edition) },
      { name: "region_class", type: "text", values: t((x) => x.c.row.regionClass) },
      { name: "table_park", type: "text", values: t((x) => x.c.row.park) },
      { name: "standard", type: "text", values: t((x) => x.c.row.standard) },
      { name: "version", type: "text", values: t((x) => x.c.row.version) },
      { name: "document", type: "text", values: t((x) => x.c.row.document) },
      { name: "local_value", type: "boolean", values: Uint8Array.from(all, (x) => (x.c.row.localFill ? 1 : 0)) },
      { name: "source", type: "text", values: t((x) => x.c.row.source) },
      { name: "computed_as", type: "text", values: t((x) => x.c.how) },
      { name: "note_zh", type: "text", values: t((x) => x.c.note.zh) },
      { name: "note_en", type: "text", values: t((x) => x.c.note.en) },
      { name: "fix", type: "text", values: t((x) => x.c.fix) },
    ],
  };
}
