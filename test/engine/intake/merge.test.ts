/**
 * The merge against hand-merged tables: each test writes the departments' rows and the merged values
 * worked out by hand beside them.
 */
import { describe, expect, it } from "vitest";
import type { OutputColumn } from "../../../engine/data/table.js";
import { isList, mergeSources, type SourceTable } from "../../../engine/intake/merge.js";
import type { CombineRule, DepartmentSource } from "../../../engine/scheme/types.js";
import { CODE } from "./fixtures.js";

const { a, b, c } = CODE;

function source(id: string, columns: [string, string, CombineRule?][], extra: Partial<DepartmentSource> = {}): DepartmentSource {
  return {
    id,
    label: { zh: id, en: id },
    participants: false,
    key: "统一社会信用代码",
    columns: columns.map(([header, column, combine]) => ({ header, column, ...(combine ? { combine } : {}), path: `sources.${id}.columns.${header}` })),
    required: true,
    path: `sources[${id}]`,
    ...extra,
  };
}

/** A table from rows: the code first, then the values by header; rows are numbered 2, 3, … as in a file. */
function table(s: DepartmentSource, file: string, headers: string[], rows: (string | number | null)[][]): SourceTable {
  const values = new Map<string, Float64Array | string[]>();
  headers.forEach((h, j) => {
    const cells = rows.map((r) => r[j + 1]);
    values.set(h, cells.every((x) => typeof x !== "string") ? Float64Array.from(cells, (x) => (x === null ? NaN : (x as number))) : cells.map((x) => (x === null ? "" : String(x))));
  });
  return { source: s, file, nrows: rows.length, codes: rows.map((r) => String(r[0])), row: (i) => i + 2, values };
}

const LIST = source("participants", [["企业名称", "name"]], { participants: true });
const list = table(LIST, "participants.csv", ["企业名称"], [[a, "甲"], [b, "乙"], [c, "丙"]]);

function column(cols: OutputColumn[], name: string): (number | string)[] {
  const col = cols.find((x) => x.name === name)!;
  return Array.from(col.values as ArrayLike<number | string>);
}

describe("merging department files over the participant list", () => {
  it("keeps the participant list's rows and order, codes normalised", () => {
    const spaced = table(LIST, "participants.csv", ["企业名称"], [[` ${a.toLowerCase()}`, "甲"], [b.replace("0", "０"), "乙"]]);
    const m = mergeSources("code", spaced, [{ source: LIST, table: spaced }], new Set());
    expect(m.codes).toEqual([a, b]);
    expect(column(m.columns, "code")).toEqual([a, b]);
    expect(column(m.columns, "name")).toEqual(["甲", "乙"]);
    expect(m.problems).toEqual([]);
  });

  it("combines by every rule: a has rows 4, blank, 1; b has 2; c has none", () => {
    const rules: CombineRule[] = ["sum", "max", "min", "mean", "first", "count", "any"];
    const s = source("m", rules.map((r) => [`h_${r}`, `x_${r}`, r]));
    const rows = [[a, 4], [b, 2], [a, null], [a, 1]].map((r) => [r[0], ...rules.map(() => r[1])]);
    const t = table(s, "m.csv", rules.map((r) => `h_${r}`), rows);
    const m = mergeSources("code", list, [{ source: LIST, table: list }, { source: s, table: t }], new Set());
    expect(m.problems).toEqual([]);
    //                                    a                 b  c
    expect(column(m.columns, "x_sum")).toEqual([4 + 1, 2, NaN]); // blanks skipped; no row: missing
    expect(column(m.columns, "x_max")).toEqual([4, 2, NaN]);
    expect(column(m.columns, "x_min")).toEqual([1, 2, NaN]);
    expect(column(m.columns, "x_mean")).toEqual([(4 + 1) / 2, 2, NaN]);
    expect(column(m.columns, "x_first")).toEqual([4, 2, NaN]); // file order
    expect(column(m.columns, "x_count")).toEqual([3, 1, 0]); // rows, the blank one included
    expect(column(m.columns, "x_any")).toEqual([1, 1, 0]);
    const cov = m.coverage[1];
    expect([cov.rows, cov.matched, cov.lacking]).toEqual([4, 2, [2]]);
  });

  it("adds up only the meters read: all blank is missing, not 0; blanks beside readings are named", () => {
    const s = source("power", [["用电量(万千瓦时)", "electricity", "sum"]]);
    // a: meters on rows 2 and 4, both blank → missing; b: 3 (row 3) + blank (row 5) + 1.5 (row 6) = 4.5; c: 2.
    const t = table(s, "power.csv", ["用电量(万千瓦时)"], [[a, null], [b, 3], [a, null], [b, null], [b, 1.5], [c, 2]]);
    const m = mergeSources("code", list, [{ source: LIST, table: list }, { source: s, table: t }], new Set());
    expect(column(m.columns, "electricity")).toEqual([NaN, 4.5, 2]);
    expect(m.coverage[1].partlyBlank).toEqual([{ participant: 1, header: "用电量(万千瓦时)", column: "electricity", rule: "sum", blank: [5], of: 3 }]);
    expect(m.warnings.map((w) => [w.code, w.file, w.row, w.column, w.value, w.message])).toEqual([
      ["intake.partly-blank", "power.csv", 5, "用电量(万千瓦时)", b, `${b} has 3 rows, and row 5 is blank: its electricity is the sum of the 2 delivered`],
    ]);
  });

  it("names no participant as lacking from a list joined by code", () => {
    const s = source("hightech", [["证书编号", "high_tech", "any"]], { required: false });
    const t = table(s, "hightech.csv", ["证书编号"], [[b, "GR2024017"]]);
    const m = mergeSources("code", list, [{ source: LIST, table: list }, { source: s, table: t }], new Set());
    expect(column(m.columns, "high_tech")).toEqual([0, 1, 0]);
    expect(m.coverage[1].lacking).toEqual([0, 2]);
    expect(m.warnings).toEqual([]);
    expect([isList(s), isList(source("tax", [["实缴税金(万元)", "tax"]]))]).toEqual([true, false]);
  });

  it("multiplies a shared parcel's rows by their share before adding them up", () => {
    const s = source("land", [["用地面积(亩)", "land_mu", "sum"]], { share: { header: "分摊比例" } });
    // a: 10 (unshared, blank share) + 5 × 0.4 = 12; b: 5 × 0.6 = 3; c: no certificate.
    const t = table(s, "land.xlsx", ["用地面积(亩)", "分摊比例"], [[a, 10, null], [a, 5, 0.4], [b, 5, 0.6]]);
    const m = mergeSources("code", list, [{ source: LIST, table: list }, { source: s, table: t }], new Set());
    expect(column(m.columns, "land_mu")).toEqual([12, 3, NaN]);
    expect(m.coverage[1].shareRule).toBe("each row's figures × its share (column 分摊比例)");
  });

  it("splits a parcel equally among the enterprises holding it", () => {
    const s = source("land", [["用地面积(亩)", "land_mu", "sum"]], { share: { parcel: "宗地号" } });
    // P1 (6 mu) is held by a and b: 3 each. P2 (4 mu) by a alone. b's unnumbered row (1 mu) is its own.
    // a: 3 + 4 = 7; b: 3 + 1 = 4.
    const t = table(s, "land.xlsx", ["用地面积(亩)", "宗地号"], [[a, 6, "P1"], [b, 6, "P1"], [a, 4, "P2"], [b, 1, null]]);
    const m = mergeSources("code", list, [{ source: LIST, table: list }, { source: s, table: t }], new Set());
    expect(column(m.columns, "land_mu")).toEqual([7, 4, NaN]);
    expect(m.coverage[1].shareRule).toBe("a parcel's figures split equally among the enterprises holding it (column 宗地号)");
  });

  it("refuses a code repeated without a combine rule, naming the file, the rows and the conflicting values", () => {
    const s = source("tax", [["实缴税金(万元)", "tax"]]);
    const t = table(s, "tax.xlsx", ["实缴税金(万元)"], [[a, 12], [b, 3], [a, 15], [b, 3]]);
    const m = mergeSources("code", list, [{ source: LIST, table: list }, { source: s, table: t }], new Set());
    expect(m.problems.map((p) => [p.file, p.row, p.value, p.message])).toEqual([
      ["tax.xlsx", 2, a, 'the code appears on rows 2, 4, with conflicting values: 实缴税金(万元) "12" vs "15", and source tax has no combine rule for 实缴税金(万元)'],
      ["tax.xlsx", 3, b, "the code appears on rows 3, 5, and source tax has no combine rule for 实缴税金(万元)"],
    ]);
    expect(m.problems[0].fix).toMatch(/give the source \(or the column\) a combine rule in the scheme \(sources\[tax\]: combine: sum/);
  });

  it("reports codes not on the list with the participant one character away, and keeps their rows out", () => {
    const s = source("power", [["用电量(万千瓦时)", "electricity", "sum"]]);
    const wrongCheck = a.slice(0, 17) + "4";
    const oneOff = b.slice(0, 5) + "7" + b.slice(6);
    const t = table(s, "power.csv", ["用电量(万千瓦时)"], [[a, 100], [wrongCheck, 7], [c.toLowerCase(), 20], [oneOff, 9], ["", 1]]);
    const m = mergeSources("code", list, [{ source: LIST, table: list }, { source: s, table: t }], new Set());
    expect(column(m.columns, "electricity")).toEqual([100, NaN, 20]); // c matched in lower case
    expect(m.coverage[1].unknown).toEqual([
      { code: wrongCheck, normalized: wrongCheck, rows: [3], nearest: [{ code: a, differs: "check", position: 18 }], invalid: 'its check character is "4", but the first 17 characters give "3"' },
      { code: oneOff, normalized: oneOff, rows: [5], nearest: [{ code: b, differs: "character", position: 6 }], invalid: expect.stringMatching(/check character/) },
      { code: "", normalized: "", rows: [6], nearest: [] },
    ]);
    expect(m.coverage[1].lacking).toEqual([1]);
    expect(m.warnings.map((w) => w.code)).toEqual(["intake.lacking", "intake.unknown-codes"]);
    expect(m.warnings[1].message).toContain(`${wrongCheck} (row 3; not a valid credit code; nearest participant ${a})`);
  });

  it("warns about a participant's invalid code unless the scheme overrides it", () => {
    const bad = a.slice(0, 17) + "5";
    const l = table(LIST, "participants.csv", ["企业名称"], [[bad, "甲"], [b, "乙"]]);
    const warned = mergeSources("code", l, [{ source: LIST, table: l }], new Set());
    expect(warned.warnings.map((w) => [w.code, w.file, w.row, w.value])).toEqual([["intake.invalid-uscc", "participants.csv", 2, bad]]);
    expect(warned.codes).toEqual([bad, b]); // never dropped
    expect(mergeSources("code", l, [{ source: LIST, table: l }], new Set([bad])).warnings).toEqual([]);
  });

  it("refuses a participant listed twice, and text where a rule adds up", () => {
    const l = table(LIST, "participants.csv", ["企业名称"], [[a, "甲"], [b, "乙"], [a.toLowerCase(), "甲2"]]);
    const s = source("tax", [["实缴税金(万元)", "tax", "sum"]]);
    const t = table(s, "tax.xlsx", ["实缴税金(万元)"], [[a, "12"], [b, "n/a"]]);
    const m = mergeSources("code", l, [{ source: LIST, table: l }, { source: s, table: t }], new Set());
    expect(m.problems.map((p) => [p.code, p.file, p.row, p.column, p.value])).toEqual([
      ["intake.repeated-participant", "participants.csv", 2, "统一社会信用代码", a],
      ["intake.text-combined", "tax.xlsx", 3, "实缴税金(万元)", "n/a"],
    ]);
  });

  it("leaves an undelivered optional source's columns missing, and says so", () => {
    const s = source("hightech", [["证书编号", "high_tech", "any"]], { required: false });
    const m = mergeSources("code", list, [{ source: LIST, table: list }, { source: s }], new Set());
    expect(column(m.columns, "high_tech")).toEqual([NaN, NaN, NaN]);
    expect(m.warnings[0].message).toBe("source hightech (hightech) has no file for this period: its columns (high_tech) are missing for every enterprise");
  });
});
