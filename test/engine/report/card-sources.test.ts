/** A card of a period merged from department files says which departments each figure came from. */
import { describe, expect, it } from "vitest";
import { cardFacts } from "../../../engine/report/card.js";
import { cardHtml } from "../../../engine/report/html/card-page.js";
import { buildReportModel } from "../../../engine/report/model.js";
import { scorePeriod } from "../../../engine/score/period.js";
import { CODE, INTAKE_SCHEME } from "../intake/fixtures.js";
import { frame, scheme } from "../score/fixtures.js";
import { REVISION } from "./fixtures.js";

const S = scheme(INTAKE_SCHEME);
const codes = Object.values(CODE);
const F = frame(
  { code: codes, name: ["甲", "乙", "丙", "丁", "戊"], park: ["P", "P", "P", "P", "P"], industry: codes.map(() => "C33"), size: codes.map(() => "规上") },
  { land_mu: [12, 3, 8, 6, 4], electricity: [150, 30, 27, 40, 10], tax: [24, 6, 16, 12, 2], value_added: [300, 60, 120, 90, 30], revenue: [1000, 200, 400, 300, 100], employees: [50, 10, 20, 30, 8], high_tech: [1, 0, 1, 0, 0] },
);

describe("a card's indicators name their departments", () => {
  it("through the columns each indicator's formula reads, in the scheme's order of sources", () => {
    const zh = buildReportModel({ period: "2025", scheme: S, revision: REVISION, result: scorePeriod(F, S), history: [] }, { lang: "zh" });
    // tax_per_mu = tax / land_mu; output_per_kwh = value_added / electricity; productivity = revenue / employees.
    expect(cardFacts(zh, 0).indicators.map((x) => x.sources)).toEqual(["自然资源和规划局、税务局", "供电公司、统计局", "统计局"]);
    expect(cardHtml(zh, 0)).toContain("<th>数据来源</th>");
    const en = buildReportModel({ period: "2025", scheme: S, revision: REVISION, result: scorePeriod(F, S), history: [] }, { lang: "en" });
    expect(cardFacts(en, 0).indicators.map((x) => x.sources)).toEqual(["Natural resources, Tax bureau", "Power grid, Statistics bureau", "Statistics bureau"]);
  });

  it("says nothing of departments for a period delivered as one file", async () => {
    const { model } = await import("./fixtures.js");
    expect(cardFacts(model(), 0).indicators.every((x) => x.sources === undefined)).toBe(true);
    expect(cardHtml(model(), 0)).not.toContain("数据来源");
  });
});
