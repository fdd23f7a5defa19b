/**
 * The applicant's measures a standard can check, each computed from the application's columns in
 * its native unit, with the formula of the 2008 standard's definitions (国土资发〔2008〕24号 应用说明,
 * reproduced at http://www.fymate.net/html/text/lar/170169/17016916_1.html):
 *   投资强度 = 项目固定资产总投资 (厂房 + 设备 + 地价款) ÷ 项目总用地面积
 *   容积率 = 总建筑面积 ÷ 总用地面积 (a storey higher than 8 m counts twice: the applicant's 总建筑面积
 *            must already be counted that way)
 *   建筑系数 = (建筑物 + 构筑物 + 堆场 占地面积) ÷ 总用地面积 × 100 %
 *   行政办公及生活服务设施用地所占比重 = 该用地面积 ÷ 总用地面积 × 100 %
 *   绿地率 = 绿地面积 ÷ 总用地面积 × 100 %
 * A ratio given directly in the application is used when the areas are not.
 */
import { m2ToHectare, muToHectare } from "./units.js";

export const MEASURES = {
  investment_intensity: { unit: "万元/公顷", zh: "投资强度", en: "investment intensity" },
  total_investment: { unit: "万元", zh: "固定资产总投资", en: "total fixed-asset investment" },
  plot_ratio: { unit: "ratio", zh: "容积率", en: "plot ratio" },
  building_coverage: { unit: "%", zh: "建筑系数", en: "building coverage" },
  admin_share: { unit: "%", zh: "行政办公及生活服务设施用地比重", en: "office and living-service land share" },
  green_ratio: { unit: "%", zh: "绿地率", en: "green-space ratio" },
  output_per_area: { unit: "万元/公顷", zh: "亩均产值", en: "output per area" },
  tax_per_area: { unit: "万元/公顷", zh: "亩均税收", en: "tax per area" },
  rd_share: { unit: "%", zh: "研发经费占比", en: "R&D share of revenue" },
  energy_per_output: { unit: "吨标准煤/万元", zh: "单位产值能耗", en: "energy per output" },
  emission_per_output: { unit: "吨/万元", zh: "单位产值排放", en: "emissions per output" },
  env_approved: { unit: "flag", zh: "环评批复", en: "EIA approval" },
  safety_approved: { unit: "flag", zh: "安全评价", en: "safety assessment" },
} as const;
export type MeasureId = keyof typeof MEASURES;
export const MEASURE_IDS = Object.keys(MEASURES) as MeasureId[];

/**
 * Application columns (names after the header map), all optional numbers (NaN = not given). Areas
 * in m² unless the name says otherwise; money in 万元; shares in % (a cell "35%" is read as 35).
 */
export const APPLICANT_NUMBERS = [
  "land_mu", "land_ha", "land_m2", "fixed_investment", "total_investment", "floor_area_m2", "footprint_m2",
  "admin_area_m2", "green_area_m2", "plot_ratio", "building_coverage", "admin_share", "green_ratio",
  "revenue", "tax", "rd_expense", "rd_share", "energy_tce", "emissions", "env_approved", "safety_approved",
] as const;
export type ApplicantNumber = (typeof APPLICANT_NUMBERS)[number];
export type ApplicantValues = Record<ApplicantNumber, number>;

export interface MeasureValue {
  value: number;
  /** How it was obtained, e.g. "fixed_investment / land (公顷)". */
  how: string;
  /** Columns that would be needed when the value is missing. */
  needs?: string;
}

const ok = (x: number) => Number.isFinite(x);

/** Land area in 公顷 from whichever of 亩 / 公顷 / m² is given (in that order of preference). */
export function landHectares(a: ApplicantValues): { ha: number; how: string } {
  if (ok(a.land_mu)) return { ha: muToHectare(a.land_mu), how: "用地面积(亩) ÷ 15" };
  if (ok(a.land_ha)) return { ha: a.land_ha, how: "用地面积(公顷)" };
  if (ok(a.land_m2)) return { ha: m2ToHectare(a.land_m2), how: "用地面积(平方米) ÷ 10000" };
  return { ha: NaN, how: "" };
}

function share(a: ApplicantValues, area: ApplicantNumber, direct: ApplicantNumber, label: string, percent: boolean): MeasureValue {
  const land = landHectares(a);
  if (ok(a[area]) && ok(land.ha) && land.ha > 0) {
    const r = a[area] / (land.ha * 10_000);
    return { value: percent ? r * 100 : r, how: `${area} ÷ land (m²)${percent ? " × 100" : ""}` };
  }
  if (ok(a[direct])) return { value: a[direct], how: `${direct} as given` };
  return { value: NaN, how: "", needs: `${label}: ${area} and the land area, or ${direct}` };
}

function perArea(a: ApplicantValues, col: ApplicantNumber, label: string): MeasureValue {
  const land = landHectares(a);
  if (ok(a[col]) && ok(land.ha) && land.ha > 0) return { value: a[col] / land.ha, how: `${col} ÷ land (公顷; ${land.how})` };
  return { value: NaN, how: "", needs: `${label}: ${col} and the land area (land_mu, land_ha or land_m2)` };
}

function perOutput(a: ApplicantValues, col: ApplicantNumber, label: string): MeasureValue {
  if (ok(a[col]) && ok(a.revenue) && a.revenue > 0) return { value: a[col] / a.revenue, how: `${col} ÷ revenue` };
  return { value: NaN, how: "", needs: `${label}: ${col} and revenue` };
}

function given(a: ApplicantValues, col: ApplicantNumber, label: string): MeasureValue {
  return ok(a[col]) ? { value: a[col], how: `${col} as given` } : { value: NaN, how: "", needs: `${label}: ${col}` };
}

/** One measure of one applicant, in the measure's native unit (MEASURES[id].unit). */
export function measure(id: MeasureId, a: ApplicantValues): MeasureValue {
  switch (id) {
    case "investment_intensity":
      return perArea(a, "fixed_investment", "投资强度");
    case "total_investment":
      return ok(a.total_investment) ? given(a, "total_investment", "投资规模") : given(a, "fixed_investment", "投资规模");
    case "plot_ratio":
      return share(a, "floor_area_m2", "plot_ratio", "容积率", false);
    case "building_coverage":
      return share(a, "footprint_m2", "building_coverage", "建筑系数", true);
    case "admin_share":
      return share(a, "admin_area_m2", "admin_share", "行政办公及生活服务设施用地比重", true);
    case "green_ratio":
      return share(a, "green_area_m2", "green_ratio", "绿地率", true);
    case "output_per_area":
      return perArea(a, "revenue", "亩均产值");
    case "tax_per_area":
      return perArea(a, "tax", "亩均税收");
    case "rd_share":
      if (ok(a.rd_share)) return { value: a.rd_share, how: "rd_share as given" };
      if (ok(a.rd_expense) && ok(a.revenue) && a.revenue > 0) return { value: (a.rd_expense / a.revenue) * 100, how: "rd_expense ÷ revenue × 100" };
      return { value: NaN, how: "", needs: "研发经费占比: rd_share, or rd_expense and revenue" };
    case "energy_per_output":
      return perOutput(a, "energy_tce", "单位产值能耗");
    case "emission_per_output":
      return perOutput(a, "emissions", "单位产值排放");
    case "env_approved":
      return given(a, "env_approved", "环评批复");
    case "safety_approved":
      return given(a, "safety_approved", "安全评价");
  }
}
