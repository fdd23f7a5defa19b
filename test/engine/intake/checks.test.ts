import { describe, expect, it } from "vitest";
import { valueChecks } from "../../../engine/intake/checks.js";
import { mergeSources, type SourceTable } from "../../../engine/intake/merge.js";
import type { DepartmentSource } from "../../../engine/scheme/types.js";
import { CODE } from "./fixtures.js";

const { a, b, c, d } = CODE;

const src = (id: string, participants: boolean, columns: DepartmentSource["columns"]): DepartmentSource => ({ id, label: { zh: id, en: id }, participants, key: "code", columns, required: true, path: `sources.${id}` });
const LIST = src("participants", true, []);
const LAND = src("land", false, [{ header: "面积", column: "land_mu", combine: "sum", path: "p" }, { header: "备注", column: "note", combine: "first", path: "q" }]);

function table(source: DepartmentSource, codes: string[], values: Map<string, Float64Array | string[]>): SourceTable {
  return { source, file: `${source.id}.csv`, nrows: codes.length, codes, row: (i) => i + 2, values };
}

describe("the values the scheme would fail", () => {
  // land: a 0 + 0 = 0 (rows 2, 3); b blank (row 4); c −2 (row 5); d has no row (lacking, not a check).
  const list = table(LIST, [a, b, c, d], new Map());
  const land = table(LAND, [a, a, b, c], new Map<string, Float64Array | string[]>([["面积", Float64Array.of(0, 0, NaN, -2)], ["备注", ["", "", "", ""]]]));
  const merged = mergeSources("code", list, [{ source: LIST, table: list }, { source: LAND, table: land }], new Set());

  it("names a blank number, and a divisor that is 0 or negative, with the enterprise's rows", () => {
    expect(valueChecks(merged, new Set(["land_mu"]), new Set(["land_mu"])).map((x) => [x.code, x.rows, x.header, x.value, x.problem])).toEqual([
      [a, [2, 3], "面积", 0, "0, and the scheme divides by land_mu: the ratio is missing"],
      [b, [4], "面积", NaN, "blank: the scheme reads land_mu as a number, so its missing-value policy applies"],
      [c, [5], "面积", -2, "negative, and the scheme divides by land_mu: scoring refuses the period"],
    ]);
  });

  it("names the blank rows of an enterprise whose other rows are added up", () => {
    // a: 2 (row 2) + blank (row 3) = 2, b: blank alone (row 4).
    const partly = table(LAND, [a, a, b], new Map<string, Float64Array | string[]>([["面积", Float64Array.of(2, NaN, NaN)], ["备注", ["", "", ""]]]));
    const m = mergeSources("code", list, [{ source: LIST, table: list }, { source: LAND, table: partly }], new Set());
    expect(valueChecks(m, new Set(["land_mu"]), new Set()).map((x) => [x.code, x.rows, x.value, x.problem])).toEqual([
      [b, [4], NaN, "blank: the scheme reads land_mu as a number, so its missing-value policy applies"],
      [a, [3], 2, "blank on row 3 of the enterprise's 2: land_mu is the sum of the 1 delivered"],
    ]);
  });

  it("checks only what the scheme reads, and divisors only where it divides", () => {
    expect(valueChecks(merged, new Set(["land_mu"]), new Set()).map((x) => x.code)).toEqual([b]);
    expect(valueChecks(merged, new Set(), new Set(["land_mu"]))).toEqual([]);
  });
});
