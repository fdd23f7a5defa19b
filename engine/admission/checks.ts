/**
 * One check of one applicant: find the threshold row that applies (industry in the table's GB/T 4754
 * edition, region class, park), convert the applicant's measure into the threshold's unit, compare.
 * The outcome is pass / fail / unknown / n/a; "unknown" always carries the reason and the fix (a
 * missing value in the application, a threshold the standard could not source, an unknown industry
 * code) — a check is never passed for want of data.
 */
import { isManufacturing, parseIndustryCode, toEdition, type Edition, type IndustryCode, type IndustryTable } from "./industry.js";
import { MEASURES, measure, type ApplicantValues } from "./measures.js";
import type { Check, NegativeListCheck, Standard, ThresholdCheck, ThresholdRow } from "./standards.js";
import { convert } from "./units.js";

export interface Applicant {
  id: string;
  name: string;
  park: string;
  /** The industry code as written. */
  industry: string;
  edition: Edition;
  values: ApplicantValues;
  /** Row in the source file (1-based as a spreadsheet shows it). */
  row: number;
}

export type CheckStatus = "pass" | "fail" | "unknown" | "n/a";

export interface CheckResult {
  check: Check;
  status: CheckStatus;
  /** The applicant's value in `unit` (NaN when not available). */
  value: number;
  threshold: number;
  unit: string;
  /** Room to the threshold in `unit`: positive = compliant by that much, negative = short by that much. */
  margin: number;
  /** margin ÷ threshold × 100. */
  marginPct: number;
  /** The table row used. */
  row: { industry: string; regionClass: string; park: string; edition: string; standard: string; version: string; document: string; source: string; localFill: boolean };
  how: string;
  /** Why the check is unknown, not applicable, or failed (negative list). */
  note: { zh: string; en: string };
  fix: string;
}

/** Relative tolerance so a value exactly at the threshold, after unit conversion, passes. */
const TOL = 1e-9;

export function compare(value: number, op: ">=" | "<=", threshold: number): { pass: boolean; margin: number; marginPct: number } {
  const margin = op === ">=" ? value - threshold : threshold - value;
  const eps = TOL * Math.max(1, Math.abs(threshold));
  return { pass: margin >= -eps, margin: Math.abs(margin) <= eps ? 0 : margin, marginPct: threshold !== 0 ? ((Math.abs(margin) <= eps ? 0 : margin) / Math.abs(threshold)) * 100 : NaN };
}

interface IndustryInfo {
  code?: IndustryCode;
  manufacturing?: boolean;
  problem?: { zh: string; en: string; fix: string };
}

export function industryInfo(table: IndustryTable, a: Applicant): IndustryInfo {
  if (a.industry.trim() === "") return { problem: { zh: "未填写行业代码", en: "no industry code given", fix: "give the GB/T 4754 division (2 digits; 3–4 digits where a division is split)" } };
  const code = parseIndustryCode(a.industry, a.edition);
  if (!code) return { problem: { zh: `行业代码"${a.industry}"格式不正确`, en: `industry code "${a.industry}" is not a GB/T 4754 code`, fix: "write 2–4 digits, e.g. 34 or 3411" } };
  const r = toEdition(table, code, code.edition);
  if (!r.ok) return { code, problem: { zh: `行业代码"${a.industry}"不是GB/T 4754-${a.edition}的大类`, en: r.message, fix: r.fix } };
  return { code, manufacturing: isManufacturing(table, code.division, code.edition) };
}

const NA = (check: Check, unit: string, zh: string, en: string): CheckResult => ({
  check, status: "n/a", value: NaN, threshold: NaN, unit, margin: NaN, marginPct: NaN,
  row: { industry: "", regionClass: "", park: "", edition: "", standard: check.from.standard, version: check.from.version, document: check.from.document, source: check.source, localFill: false },
  how: "", note: { zh, en }, fix: "",
});

function applies(check: Check, info: IndustryInfo): "yes" | "no" | "unknown" {
  if (check.appliesTo === "all") return "yes";
  if (info.manufacturing === undefined) return "unknown";
  return (check.appliesTo === "manufacturing") === info.manufacturing ? "yes" : "no";
}

export function evaluateCheck(std: Standard, check: Check, a: Applicant, info = industryInfo(std.industry, a)): CheckResult {
  const unit = check.kind === "threshold" ? check.unit : "";
  const app = applies(check, info);
  if (app === "no") return NA(check, unit, check.appliesTo === "manufacturing" ? "仅适用于制造业项目" : "仅适用于非制造业项目", check.appliesTo === "manufacturing" ? "applies to manufacturing only" : "applies to non-manufacturing only");
  const base = NA(check, unit, "", "");
  if (app === "unknown") return { ...base, status: "unknown", note: { zh: `${info.problem!.zh},无法确定是否适用`, en: `${info.problem!.en}: cannot tell whether this check applies` }, fix: info.problem!.fix };
  return check.kind === "negative-list" ? negativeList(std, check, a, info, base) : threshold(std, check, a, info, base);
}

function negativeList(std: Standard, check: NegativeListCheck, a: Applicant, info: IndustryInfo, base: CheckResult): CheckResult {
  const row = { ...base.row, edition: `GB/T 4754-${check.edition}` };
  if (!info.code) return { ...base, row, status: "unknown", note: { zh: `${info.problem!.zh},无法对照禁止类目录`, en: `${info.problem!.en}: cannot check the negative list` }, fix: info.problem!.fix };
  const r = toEdition(std.industry, info.code, check.edition);
  if (!r.ok) return { ...base, row, status: "unknown", note: { zh: "行业代码无法对应到禁止类目录所用版本", en: r.message }, fix: r.fix };
  // Same edition: compare the digits given; otherwise only divisions are known.
  const digits = info.code.edition === check.edition || (info.code.edition !== "2002" && check.edition !== "2002") ? [info.code.digits] : r.codes;
  const hits = check.industries.filter((e) => digits.some((d) => d.startsWith(e.code)));
  if (hits.length) {
    const e = hits[0];
    return { ...base, row: { ...row, industry: e.code }, status: "fail", value: 1, threshold: 0, note: { zh: `属禁止类产业 ${e.code}:${e.reason.zh}`, en: `prohibited industry ${e.code}: ${e.reason.en}` }, fix: "" };
  }
  const finer = check.industries.filter((e) => e.code.length > 2 && digits.some((d) => d.length < e.code.length && e.code.startsWith(d)));
  if (finer.length)
    return { ...base, row, status: "unknown", note: { zh: `禁止类目录含 ${finer.map((e) => e.code).join("、")},需填写4位行业小类代码`, en: `the negative list names class ${finer.map((e) => e.code).join(", ")}: the 4-digit class is needed` }, fix: "give the 4-digit GB/T 4754 class of the project" };
  return { ...base, row: { ...row, industry: digits.join("/") }, status: "pass", value: 0, threshold: 0, note: { zh: "不属禁止类产业", en: "not on the negative list" }, fix: "" };
}

interface Found {
  row?: ThresholdRow;
  codes: string[];
  problem?: { zh: string; en: string; fix: string };
}

/** The row of `rows` for the applicant; with several candidate codes, all must agree. */
function findRow(std: Standard, check: ThresholdCheck, rows: ThresholdRow[], edition: Edition, a: Applicant, info: IndustryInfo): Found {
  let codes: string[] = ["*"];
  if (check.by.includes("industry")) {
    if (!info.code) return { codes: [], problem: info.problem };
    const r = toEdition(std.industry, info.code, edition);
    if (!r.ok) return { codes: [], problem: { zh: "行业代码无法对应到标准所用版本", en: r.message, fix: r.fix } };
    codes = r.codes;
  }
  const rc = std.regionClass.value;
  const match = (code: string) =>
    rows.find(
      (r) =>
        (!check.by.includes("industry") || !r.industries || r.industries.includes("*") || r.industries.includes(code)) &&
        (r.regionClass === undefined || r.regionClass === rc) &&
        (r.park === undefined || r.park === a.park),
    );
  const found = codes.map(match);
  if (found.some((f) => !f)) return { codes };
  const values = new Set(found.map((f) => f!.value));
  if (values.size > 1)
    return { codes, problem: { zh: `行业代码对应多个大类(${codes.join("/")}),阈值不同`, en: `the code corresponds to divisions ${codes.join(" or ")} of GB/T 4754-${edition}, whose thresholds differ`, fix: "give the 3-digit group (e.g. 291 rubber or 292 plastics), or the code in the table's edition" } };
  return { row: found[0], codes };
}

function threshold(std: Standard, check: ThresholdCheck, a: Applicant, info: IndustryInfo, base: CheckResult): CheckResult {
  const m = measure(check.measure, a.values);
  const keyText = (codes: string[], edition: Edition, park: boolean) => ({
    industry: check.by.includes("industry") ? codes.join("/") : "",
    regionClass: check.by.includes("region_class") ? (std.regionClass.value === null ? "unknown" : String(std.regionClass.value)) : "",
    park: park ? a.park : "",
    edition: check.by.includes("industry") ? `GB/T 4754-${edition}` : "",
  });
  let found = findRow(std, check, check.rows, check.edition, a, info);
  let unit = check.unit, edition = check.edition, localFill = false, source = check.source, from = check.from;
  if ((!found.row || found.row.value === null) && !found.problem && check.fill) {
    const f = findRow(std, check, check.fill.rows, check.fill.edition, a, info);
    if (f.row && f.row.value !== null) {
      found = f;
      unit = check.fill.unit;
      edition = check.fill.edition;
      localFill = true;
      source = `${check.fill.origin} (${check.fill.from.file})`;
      from = check.fill.from;
    } else if (f.problem) found = f;
  }
  const row = { ...base.row, ...keyText(found.codes, edition, check.by.includes("park")), source: found.row?.source ?? source, localFill, standard: from.standard, version: from.version, document: from.document };
  if (found.problem) return { ...base, unit, row, status: "unknown", note: { zh: found.problem.zh, en: found.problem.en }, fix: found.problem.fix };
  if (!found.row || found.row.value === null) {
    const what = [check.by.includes("industry") ? `industry ${found.codes.join("/")} (GB/T 4754-${check.edition})` : "", check.by.includes("region_class") ? `地区分类 ${std.regionClass.value ?? "(not set: region_class in the standard)"}` : "", check.by.includes("park") ? `park ${a.park || "(blank)"}` : ""].filter(Boolean).join(", ");
    const unsourced = !found.row ? check.rows.every((r) => r.unsourced) : found.row.unsourced;
    return {
      ...base, unit, row, status: "unknown",
      note: {
        zh: `${check.label.zh}阈值${unsourced ? "未能取得出处(标准文件中标为 unsourced)" : "在标准表中无对应行"}${what ? `:${what}` : ""},请评价人员提供本地值`,
        en: `no ${check.label.en} threshold${what ? ` for ${what}` : ""} in ${check.from.file}${unsourced ? " (the value could not be sourced: unsourced: true)" : ""}; the evaluator must give a local value`,
      },
      fix: `add it in ${check.fillHint}`,
    };
  }
  const t = found.row.value;
  if (!Number.isFinite(m.value)) return { ...base, unit, threshold: t, row, status: "unknown", note: { zh: `申请资料缺少${MEASURES[check.measure].zh}所需数据`, en: `the application lacks the data for ${MEASURES[check.measure].en}` }, fix: `fill in ${m.needs ?? check.measure} (row ${a.row})` };
  const v = convert(m.value, MEASURES[check.measure].unit, unit);
  const c = compare(v, check.op, t);
  return { ...base, unit, value: v, threshold: t, margin: c.margin, marginPct: c.marginPct, row, how: m.how, status: c.pass ? "pass" : "fail", note: { zh: "", en: "" }, fix: "" };
}

export function evaluateApplicant(std: Standard, a: Applicant): CheckResult[] {
  const info = industryInfo(std.industry, a);
  return std.checks.map((c) => evaluateCheck(std, c, a, info));
}
