import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateApplicant, type Applicant, type CheckResult } from "../../../engine/admission/checks.js";
import { decide } from "../../../engine/admission/decision.js";
import { loadStandard } from "../../../engine/store/standards.js";
import { APPLICANT_NUMBERS, type ApplicantValues } from "../../../engine/admission/measures.js";
import { ParkscoreError } from "../../../engine/errors.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const NATIONAL = join(ROOT, "datasets/standards/cn-2008.yaml");
const LOCAL = join(ROOT, "datasets/standards/local/wuan-parks-demo.yaml");
const national = loadStandard(NATIONAL);
const local = loadStandard(LOCAL);

const G = "广耀创新产业园区";
/** A project on 30 亩 = 2 公顷 = 20 000 m² that meets every check of the demo standard exactly at its threshold. */
function applicant(over: Partial<ApplicantValues> = {}, more: Partial<Applicant> = {}): Applicant {
  const values = Object.fromEntries(APPLICANT_NUMBERS.map((c) => [c, NaN])) as ApplicantValues;
  Object.assign(values, {
    land_mu: 30, fixed_investment: 6000, total_investment: 10000, floor_area_m2: 14000, footprint_m2: 6000, admin_area_m2: 1400, green_area_m2: 4000,
    revenue: 9000, tax: 450, rd_expense: 270, energy_tce: 2700, emissions: 18, env_approved: 1, safety_approved: 1,
  }, over);
  return { id: "T1", name: "test", park: G, industry: "38", edition: "2017", values, row: 2, ...more };
}
const byId = (rs: CheckResult[], id: string) => rs.find((r) => r.check.id === id)!;

describe("national 2008 checks at, above and below each threshold", () => {
  // 2017 division 38 (电气机械) = 2002 division 39: plot ratio ≥ 0.7
  const cases: [string, keyof ApplicantValues, number, number, number][] = [
    // check, column, value at threshold, just better, just worse (on 20 000 m²)
    ["plot_ratio", "floor_area_m2", 14000, 14002, 13998],
    ["building_coverage", "footprint_m2", 6000, 6002, 5998],
    ["admin_share", "admin_area_m2", 1400, 1398, 1402],
    ["green_ratio", "green_area_m2", 4000, 3998, 4002],
  ];
  for (const [check, col, at, better, worse] of cases) {
    it(`${check}: at → pass, better → pass, worse → fail`, () => {
      expect(byId(evaluateApplicant(national, applicant({ [col]: at })), check).status).toBe("pass");
      const b = byId(evaluateApplicant(national, applicant({ [col]: better })), check);
      expect(b.status).toBe("pass");
      expect(b.margin).toBeGreaterThan(0);
      const w = byId(evaluateApplicant(national, applicant({ [col]: worse })), check);
      expect(w.status).toBe("fail");
      expect(w.margin).toBeLessThan(0);
    });
  }
  it("plot ratio: every row of Table 2 at, just above and just below its minimum (2002 codes)", () => {
    const table = (national.checks.find((c) => c.id === "plot_ratio") as { rows: { industries?: string[]; value: number | null }[] }).rows;
    expect(table).toHaveLength(30);
    for (const row of table) {
      const code = row.industries![0], t = row.value!;
      const at = (floor: number) => byId(evaluateApplicant(national, applicant({ floor_area_m2: floor }, { industry: code, edition: "2002" })), "plot_ratio");
      expect(at(t * 20000).status, code).toBe("pass");
      expect(at(t * 20000).threshold, code).toBe(t);
      expect(at(t * 20000 + 1).status, code).toBe("pass");
      expect(at(t * 20000 - 1).status, code).toBe("fail");
    }
  });
  it("uses the 2002 table row for a 2017 code and reports it", () => {
    const r = byId(evaluateApplicant(national, applicant()), "plot_ratio");
    expect(r.threshold).toBe(0.7);
    expect(r.row.industry).toBe("39");
    expect(r.row.edition).toBe("GB/T 4754-2002");
    expect(r.row.version).toBe("2008");
    expect(r.row.document).toBe("国土资发〔2008〕24号");
  });
  it("margins in the unit and in percent: coverage 35 % against ≥ 30 %", () => {
    const r = byId(evaluateApplicant(national, applicant({ footprint_m2: 7000 })), "building_coverage");
    expect(r.value).toBeCloseTo(35, 12);
    expect(r.margin).toBeCloseTo(5, 12);
    expect(r.marginPct).toBeCloseTo((5 / 30) * 100, 10);
  });
  it("the unsourced investment-intensity table never passes silently: it names the file and the key to fill", () => {
    const r = byId(evaluateApplicant(national, applicant()), "investment_intensity");
    expect(r.status).toBe("unknown");
    expect(r.note.en).toContain("cn-2008.yaml");
    expect(r.note.en).toContain("unsourced");
    expect(r.fix).toContain("fill: { investment_intensity:");
    expect(decide(evaluateApplicant(national, applicant())).decision).toBe("incomplete");
  });
});

describe("local demo standard: filled national value in 万元/亩, local checks", () => {
  it("investment intensity 200 万元/亩 (= 3000 万元/公顷): at, above and below", () => {
    const at = byId(evaluateApplicant(local, applicant()), "investment_intensity");
    expect(at.status).toBe("pass");
    expect(at.unit).toBe("万元/亩");
    expect(at.value).toBeCloseTo(200, 9);
    expect(at.row.localFill).toBe(true);
    expect(byId(evaluateApplicant(local, applicant({ fixed_investment: 6001 })), "investment_intensity").status).toBe("pass");
    const below = byId(evaluateApplicant(local, applicant({ fixed_investment: 5999 })), "investment_intensity");
    expect(below.status).toBe("fail");
    expect(below.margin).toBeCloseTo(-1 / 30, 9); // 5999/30 − 200 万元/亩
  });
  it("gives the same result whatever unit the land is given in (亩, 公顷, m²)", () => {
    const inHa = applicant({ land_mu: NaN, land_ha: 2 });
    const inM2 = applicant({ land_mu: NaN, land_m2: 20000 });
    for (const a of [inHa, inM2]) expect(byId(evaluateApplicant(local, a), "investment_intensity").value).toBeCloseTo(200, 9);
  });
  it("the at-threshold project is admitted; every local threshold at, above, below", () => {
    expect(decide(evaluateApplicant(local, applicant())).decision).toBe("admit");
    const cases: [string, Partial<ApplicantValues>, Partial<ApplicantValues>][] = [
      ["investment_scale", { total_investment: 10001 }, { total_investment: 9999 }],
      ["output_per_mu", { revenue: 9001 }, { revenue: 8999 }],
      ["tax_per_mu", { tax: 451 }, { tax: 449 }],
      ["rd_share", { rd_expense: 271 }, { rd_expense: 269 }],
      ["energy_per_output", { energy_tce: 2699 }, { energy_tce: 2701 }],
      ["emission_per_output", { emissions: 17.9 }, { emissions: 18.1 }],
      ["env_approval", {}, { env_approved: 0 }],
      ["safety_approval", {}, { safety_approved: 0 }],
    ];
    for (const [check, better, worse] of cases) {
      expect(byId(evaluateApplicant(local, applicant(better)), check).status, check).toBe("pass");
      expect(byId(evaluateApplicant(local, applicant(worse)), check).status, check).toBe("fail");
    }
  });
  it("negative list: division and 4-digit class", () => {
    expect(byId(evaluateApplicant(local, applicant({}, { industry: "31" })), "negative_list").status).toBe("fail");
    expect(byId(evaluateApplicant(local, applicant({}, { industry: "3011" })), "negative_list").status).toBe("fail");
    const div30 = byId(evaluateApplicant(local, applicant({}, { industry: "30" })), "negative_list");
    expect(div30.status).toBe("unknown");
    expect(div30.fix).toContain("4-digit");
    expect(byId(evaluateApplicant(local, applicant({}, { industry: "3039" })), "negative_list").status).toBe("pass");
  });
});

describe("industry codes", () => {
  it("an unknown code gives a clear message, never a pass", () => {
    const rs = evaluateApplicant(national, applicant({}, { industry: "38", edition: "2002" }));
    for (const id of ["plot_ratio", "building_coverage"]) {
      expect(byId(rs, id).status).toBe("unknown");
      expect(byId(rs, id).note.en).toContain("not a division of GB/T 4754-2002");
    }
    expect(decide(rs).decision).toBe("incomplete");
    // one reason for the one cause, naming every check it leaves undecided
    expect(decide(rs).reasons).toHaveLength(1);
    expect(decide(rs).reasons[0].zh).toContain("容积率、建筑系数");
    expect(byId(evaluateApplicant(national, applicant({}, { industry: "" })), "plot_ratio").note.en).toContain("no industry code");
  });
  it("2017 division 29 splits into 2002 29 (0.8) and 30 (1.0): ambiguous unless the group is given", () => {
    const r = byId(evaluateApplicant(national, applicant({}, { industry: "29" })), "plot_ratio");
    expect(r.status).toBe("unknown");
    expect(r.fix).toContain("291");
    expect(byId(evaluateApplicant(national, applicant({}, { industry: "2922" })), "plot_ratio").threshold).toBe(1.0);
    expect(byId(evaluateApplicant(national, applicant({}, { industry: "291" })), "plot_ratio").threshold).toBe(0.8);
  });
  it("2017 division 43 (repair) has no 2002 counterpart", () => {
    const r = byId(evaluateApplicant(national, applicant({}, { industry: "43" })), "plot_ratio");
    expect(r.status).toBe("unknown");
    expect(r.note.en).toContain("no GB/T 4754-2002 counterpart");
  });
  it("a 2002 code is used as is; a services code makes the manufacturing table not applicable", () => {
    expect(byId(evaluateApplicant(national, applicant({}, { industry: "39", edition: "2002" })), "plot_ratio").threshold).toBe(0.7);
    expect(byId(evaluateApplicant(national, applicant({}, { industry: "65" })), "plot_ratio").status).toBe("n/a");
  });
});

describe("missing data", () => {
  it("a missing application value is unknown with the columns to fill", () => {
    const r = byId(evaluateApplicant(national, applicant({ green_area_m2: NaN })), "green_ratio");
    expect(r.status).toBe("unknown");
    expect(r.fix).toContain("green_area_m2");
  });
  it("a standard with an unmarked null threshold is refused", async () => {
    const { parseStandardText } = await import("../../../engine/admission/standards.js");
    const bad = { format: "parkscore-standard/1", id: "x", kind: "local", version: "1", title: { zh: "x", en: "x" }, document: { number: "n", year: 2025 }, industry_edition: "2017", checks: [{ id: "c", label: { zh: "c", en: "c" }, measure: "rd_share", op: ">=", unit: "%", level: "conditional", value: null }] };
    expect(() => parseStandardText(bad, "bad.yaml")).toThrow(ParkscoreError);
    expect(() => parseStandardText(bad, "bad.yaml")).toThrow(/unsourced/);
  });
  it("a unit that does not fit the measure, or a fill of an unknown check, is refused", async () => {
    const { parseStandardText, resolveStandard } = await import("../../../engine/admission/standards.js");
    const head = { format: "parkscore-standard/1", id: "x", kind: "local", version: "1", title: { zh: "x", en: "x" }, document: { number: "n", year: 2025 }, industry_edition: "2017" };
    const wrongUnit = { ...head, checks: [{ id: "c", label: { zh: "c", en: "c" }, measure: "investment_intensity", op: ">=", unit: "%", level: "mandatory", value: 1 }] };
    expect(() => parseStandardText(wrongUnit, "u.yaml")).toThrow(/% is not a unit of investment_intensity/);
    const badFill = parseStandardText({ ...head, base: "cn-2008.yaml", fill: { output_intensity: { unit: "万元/亩", origin: "o", value: 1 } } }, "f.yaml");
    expect(() => resolveStandard(badFill, "f.yaml", national.industry, national, [])).toThrow(/no threshold check "output_intensity"/);
  });
});
