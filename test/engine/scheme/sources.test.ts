import { describe, expect, it } from "vitest";
import { ParkscoreError } from "../../../engine/errors.js";
import { parseScheme } from "../../../engine/scheme/load.js";
import { SCHEME_TEMPLATE } from "../../../engine/store/template.js";
import { INTAKE_SCHEME } from "../intake/fixtures.js";

function problems(yaml: string): string[] {
  try {
    parseScheme(yaml, "s.yaml");
  } catch (e) {
    if (e instanceof ParkscoreError) return e.problems.map((p) => `${p.file}:${p.line}: ${p.path}: ${p.message}`);
    throw e;
  }
  return [];
}

const replace = (from: string, to: string) => {
  if (!INTAKE_SCHEME.includes(from)) throw new Error(`fixture lacks ${from}`);
  return INTAKE_SCHEME.replace(from, to);
};

describe("a scheme's department sources", () => {
  it("resolves the contract's sources, rules and references", () => {
    const { scheme, warnings } = parseScheme(INTAKE_SCHEME, "s.yaml");
    expect(warnings).toEqual([]);
    expect(scheme.sources).toEqual(["A reference, kept as the scheme's provenance"]);
    expect(scheme.departments.map((d) => [d.id, d.participants, d.required])).toEqual([
      ["participants", true, true],
      ["land", false, true],
      ["power", false, true],
      ["tax", false, true],
      ["stats", false, true],
      ["hightech", false, false],
    ]);
    const stats = scheme.departments[4];
    expect(stats.columns).toEqual([
      { header: "工业增加值(万元)", column: "value_added", path: "sources[4].columns.工业增加值(万元)" },
      { header: "主营业务收入(万元)", column: "revenue", path: "sources[4].columns.主营业务收入(万元)" },
      { header: "从业人员(人)", column: "employees", combine: "max", path: "sources[4].columns.从业人员(人)" },
    ]);
    expect(scheme.departments[1].columns[0].combine).toBe("sum");
    expect(scheme.departments[1].share).toEqual({ header: "分摊比例" });
    expect(scheme.departments[5].label).toEqual({ zh: "科技局", en: "Science and technology bureau" });
  });

  it("needs exactly one participant list", () => {
    expect(problems(replace("    participants: true\n", ""))).toEqual([expect.stringMatching(/^s\.yaml:\d+: sources: no source is the participant list$/)]);
    expect(problems(replace("  - id: power\n", "  - id: power\n    participants: true\n"))).toEqual([
      expect.stringMatching(/sources\[2\]\.combine: the participant list has one row per enterprise/),
      expect.stringMatching(/sources\[2\]\.participants: a scheme has one participant list; sources\[0\] is already one/),
    ]);
  });

  it("maps every column once, and never the id", () => {
    expect(problems(replace("{ 实缴税金(万元): tax }", "{ 实缴税金(万元): tax, 用电(度): electricity }"))).toEqual([
      expect.stringMatching(/:\d+: sources\[3\]\.columns\.用电\(度\): column "electricity" is already filled by sources\[2\]\.columns\.用电量\(万千瓦时\)/),
    ]);
    expect(problems(replace("{ 实缴税金(万元): tax }", "{ 实缴税金(万元): tax, 代码: code }"))).toEqual([expect.stringMatching(/"code" is the enterprise id, which every source's key \(统一社会信用代码\) fills/)]);
  });

  it("checks the combine rules' names, and refuses a numeric rule on a text column", () => {
    expect(problems(replace("combine: sum\n    share", "combine: total\n    share"))).toEqual([
      expect.stringMatching(/sources\[1\]\.combine: expected "sum", "max", "min", "mean", "first", "count" or "any"/),
    ]);
    expect(problems(replace("规模: size }", "规模: { column: size, combine: sum } }"))).toEqual([
      expect.stringMatching(/sources\[0\]\.columns\.规模\.combine: the participant list has one row per enterprise: nothing to combine/),
      expect.stringMatching(/sources\[0\]\.columns\.规模: "size" is text \(the scheme's name or carry column\), and combine: sum needs numbers/),
    ]);
    expect(problems(replace("columns: { 证书编号: high_tech }", "columns: { 证书编号: high_tech, 园区: { column: park, combine: max } }").replace("所在园区: park, ", ""))).toEqual([
      expect.stringMatching(/sources\[5\]\.columns\.园区: "park" is text \(the scheme's name or carry column\), and combine: max needs numbers/),
    ]);
  });

  it("checks shared parcels: share or split, split with its parcel", () => {
    expect(problems(replace("    share: 分摊比例\n", "    share: 分摊比例\n    split: equal\n    parcel: 宗地号\n"))).toEqual([expect.stringMatching(/sources\[1\]\.share: a source shares its parcels either by a share column or by an equal split, not both/)]);
    expect(problems(replace("    share: 分摊比例\n", "    split: equal\n"))).toEqual([expect.stringMatching(/sources\[1\]\.split: split: equal needs the column naming each row's parcel/)]);
    expect(problems(replace("    share: 分摊比例\n", "    split: even\n    parcel: 宗地号\n"))).toEqual([expect.stringMatching(/sources\[1\]\.split: the only split is "equal"/)]);
    expect(parseScheme(replace("    share: 分摊比例\n", "    split: equal\n    parcel: 宗地号\n"), "s.yaml").scheme.departments[1].share).toEqual({ parcel: "宗地号" });
  });

  it("needs a source for every column the indicators use and every carried column", () => {
    expect(problems(replace("      主营业务收入(万元): revenue\n", ""))).toEqual([expect.stringMatching(/:\d+: indicators\[2\]\.formula: no source fills the column "revenue" this uses/)]);
    expect(problems(replace("carry: [park, industry, size]", "carry: [park, industry, size, district]"))).toEqual([expect.stringMatching(/carry: no source fills the carried column "district"/)]);
  });

  it("reads uscc_overrides normalised, and warns about a header map that sources make unused", () => {
    const { scheme, warnings } = parseScheme(`${INTAKE_SCHEME}uscc_overrides: [" ９１３５０１００m000100y44 "]\ncolumns: { 企业代码: code }\n`, "s.yaml");
    expect(scheme.usccOverrides).toEqual(["91350100M000100Y44"]);
    expect(warnings.map((w) => `${w.path}: ${w.message}`)).toEqual(["columns: applies only to a merged file given with --input: a stored period is merged from the department sources, each of which maps its own headers"]);
  });

  it("is what init's template shows: its commented sources, in place of columns:, make a valid scheme", () => {
    const columns = SCHEME_TEMPLATE.slice(SCHEME_TEMPLATE.indexOf("\ncolumns:") + 1, SCHEME_TEMPLATE.indexOf("# Or, when"));
    const yaml = SCHEME_TEMPLATE.replace(columns, "").replace(/^# (sources:|  - \{ id)/gm, "$1");
    const { scheme, warnings } = parseScheme(yaml, "scheme.yaml");
    expect(warnings).toEqual([]);
    expect(scheme.departments.map((d) => `${d.id}: ${d.columns.map((c) => `${c.column}${c.combine ? ` (${c.combine})` : ""}`).join(", ")}`)).toEqual([
      "participants: name",
      "land: land_mu (sum)",
      "tax: tax",
      "stats: value_added",
      "energy: energy_tce (sum)",
    ]);
  });
});
