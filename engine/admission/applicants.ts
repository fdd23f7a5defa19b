/**
 * The applicants file: one row per project, Chinese headers (or the column names themselves), read
 * with the engine's readers (CSV UTF-8/GBK, XLSX, Arrow, Parquet). Every number column is optional
 * (a standard only needs some of them), so they are read as text and parsed here with the engine's
 * number parser: "35%" in a % column means 35; 是/否, yes/no, 1/0 in flag columns; anything else is
 * reported with its row and column, never read as missing.
 */
import { ParkscoreError, ProblemList } from "../errors.js";
import { notANumber, parseNumber } from "../data/numbers.js";
import { sourceRow, type Frame, type ReadSpec } from "../data/frame.js";
import type { Applicant } from "./checks.js";
import { EDITIONS, type Edition } from "./industry.js";
import { APPLICANT_NUMBERS, type ApplicantNumber, type ApplicantValues } from "./measures.js";

/** Source header → column name. */
export const APPLICANT_HEADERS: Readonly<Record<string, string>> = {
  项目编号: "id",
  申请编号: "id",
  项目名称: "name",
  企业名称: "name",
  拟入园区: "park",
  所属园区: "park",
  行业代码: "industry",
  行业代码版本: "industry_edition",
  "用地面积(亩)": "land_mu",
  "用地面积(公顷)": "land_ha",
  "用地面积(平方米)": "land_m2",
  "固定资产投资(万元)": "fixed_investment",
  "总投资(万元)": "total_investment",
  "总建筑面积(平方米)": "floor_area_m2",
  "建构筑物及堆场占地面积(平方米)": "footprint_m2",
  "行政办公及生活服务设施用地面积(平方米)": "admin_area_m2",
  "绿地面积(平方米)": "green_area_m2",
  容积率: "plot_ratio",
  "建筑系数(%)": "building_coverage",
  "行政办公及生活服务设施用地比重(%)": "admin_share",
  "绿地率(%)": "green_ratio",
  "达产年营业收入(万元)": "revenue",
  "达产年税收(万元)": "tax",
  "研发经费(万元)": "rd_expense",
  "研发经费占比(%)": "rd_share",
  "综合能耗(吨标准煤)": "energy_tce",
  "主要污染物排放(吨)": "emissions",
  环评批复: "env_approved",
  安全评价: "safety_approved",
};

const PERCENT: ReadonlySet<string> = new Set(["building_coverage", "admin_share", "green_ratio", "rd_share"]);
const FLAGS: ReadonlySet<string> = new Set(["env_approved", "safety_approved"]);
const YES = new Set(["是", "有", "已批复", "已通过", "通过", "yes", "y", "true", "1"]);
const NO = new Set(["否", "无", "未批复", "未通过", "no", "n", "false", "0"]);

export function applicantSpec(): ReadSpec {
  return { headerMap: { ...APPLICANT_HEADERS }, numeric: [], text: ["id", "industry"], optionalText: ["name", "park", "industry_edition", ...APPLICANT_NUMBERS], key: ["id"] };
}

function cellNumber(col: string, text: string): number | undefined {
  let s = text.trim();
  if (FLAGS.has(col)) {
    const k = s.toLowerCase();
    if (k === "") return NaN;
    if (YES.has(k)) return 1;
    if (NO.has(k)) return 0;
    return undefined;
  }
  if (PERCENT.has(col) && /[%％]$/.test(s)) s = s.slice(0, -1);
  return parseNumber(s);
}

/** Rows of the frame as applicants; all bad cells reported together. */
export function applicantsFromFrame(frame: Frame, defaultEdition: Edition = "2017"): Applicant[] {
  const list = new ProblemList();
  const { file, headers } = frame.origin;
  const text = (c: string, i: number) => frame.texts.get(c)?.[i] ?? "";
  const out: Applicant[] = [];
  for (let i = 0; i < frame.nrows; i++) {
    const row = sourceRow(frame, i);
    const values = {} as ApplicantValues;
    for (const c of APPLICANT_NUMBERS) {
      const t = frame.texts.get(c)?.[i];
      const n = frame.numbers.get(c)?.[i];
      let v = NaN;
      if (t !== undefined) {
        const p = cellNumber(c, t);
        if (p === undefined) list.add(FLAGS.has(c) ? { code: "admission.not-a-flag", file, row, column: headers.get(c) ?? c, value: t, message: "not a yes/no value", fix: "write 是 or 否 (1 or 0)" } : notANumber({ file, row, column: headers.get(c) ?? c }, t));
        else v = p;
      } else if (n !== undefined) v = n;
      values[c as ApplicantNumber] = v;
    }
    const ed = text("industry_edition", i).trim().replace(/^GB\/T\s*4754-?/i, "");
    if (ed && !EDITIONS.includes(ed as Edition))
      list.add({ code: "admission.edition", file, row, column: headers.get("industry_edition") ?? "industry_edition", value: ed, message: "not a GB/T 4754 edition", fix: "write 2002, 2011 or 2017 (blank = 2017)" });
    out.push({ id: text("id", i), name: text("name", i), park: text("park", i).trim(), industry: text("industry", i), edition: (ed || defaultEdition) as Edition, values, row });
  }
  list.throwIfAny();
  if (out.length === 0) throw new ParkscoreError({ code: "admission.no-applicants", file, message: "no applicants in the file" });
  return out;
}
