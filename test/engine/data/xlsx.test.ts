import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReadSpec } from "../../../engine/data/frame.js";
import { readFrame } from "../../../engine/data/read.js";
import { errorOf, tempDir } from "./helpers.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const good = tmp.path("good.xlsx");
const bad = tmp.path("bad.xlsx");

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("说明").addRow(["this sheet is notes"]);
  const ws = wb.addWorksheet("数据");
  // Two empty rows, then the header on sheet row 3.
  ws.getCell("A3").value = "企业代码";
  ws.getCell("B3").value = { richText: [{ text: "企业" }, { text: "名称" }] };
  ws.getCell("C3").value = "亩均税收";
  ws.getCell("D3").value = "增长率";
  ws.getCell("E3").value = "成立日期";
  ws.addRow([" E001 ", { richText: [{ text: "苏州" }, { text: "甲公司" }] }, 12.5, "12%", new Date(Date.UTC(2015, 5, 1))]);
  ws.addRow([1002, "乙公司", "1,234.5", { formula: "C4*2", result: 0.25 }, null]);
  ws.addRow([]);
  ws.addRow(["E003", { text: "丙公司", hyperlink: "https://example.com" }, null, "１２３．５", null]);
  await wb.xlsx.writeFile(good);

  const wb2 = new ExcelJS.Workbook();
  const s2 = wb2.addWorksheet("Sheet1");
  s2.addRow(["id", "x", "y"]);
  s2.addRow(["A", new Date(Date.UTC(2020, 0, 1)), 1]);
  s2.addRow(["B", { formula: "1/0", result: { error: "#DIV/0!" } }, 2]);
  s2.addRow(["C", "n/a", 3]);
  s2.addRow(["D", true, false]);
  await wb2.xlsx.writeFile(bad);
});

const spec: ReadSpec = { numeric: ["亩均税收", "增长率"], text: ["企业代码", "企业名称"], optionalText: ["成立日期"], key: ["企业代码"] };

describe("XLSX", () => {
  it("reads the named sheet: numbers, numeric text, rich text, formula results, sheet row numbers", async () => {
    const f = await readFrame(good, spec, { sheet: "数据" });
    expect(f.nrows).toBe(3);
    expect(Array.from(f.origin.rows)).toEqual([4, 5, 7]);
    expect(f.texts.get("企业代码")).toEqual(["E001", "1002", "E003"]);
    expect(f.texts.get("企业名称")).toEqual(["苏州甲公司", "乙公司", "丙公司"]);
    expect(f.texts.get("成立日期")).toEqual(["2015-06-01", "", ""]);
    const tax = Array.from(f.numbers.get("亩均税收")!);
    expect(tax.slice(0, 2)).toEqual([12.5, 1234.5]);
    expect(tax[2]).toBeNaN();
    expect(Array.from(f.numbers.get("增长率")!)).toEqual([0.12, 0.25, 123.5]);
    expect(f.origin.headers.get("企业名称")).toBe("企业名称");
  });

  it("picks a sheet by 1-based position", async () => {
    const f = await readFrame(good, spec, { sheet: "2" });
    expect(f.texts.get("企业代码")).toEqual(["E001", "1002", "E003"]);
  });

  it("uses the first sheet by default", async () => {
    const e = await errorOf(() => readFrame(good, spec));
    expect(e.problems.map((p) => [p.code, p.column])).toEqual([
      ["data.missing-column", "亩均税收"],
      ["data.missing-column", "增长率"],
      ["data.missing-column", "企业代码"],
      ["data.missing-column", "企业名称"],
      ["data.no-rows", undefined],
    ]);
    expect(e.message).toContain('"this sheet is notes"');
  });

  it("lists the sheets when the one asked for does not exist", async () => {
    const e = await errorOf(() => readFrame(good, spec, { sheet: "2024" }));
    expect(e.code).toBe("data.unknown-sheet");
    expect(e.message).toContain('no sheet "2024"; the sheets are "说明", "数据"');
  });

  it("reports dates, error values, TRUE/FALSE and text in numeric columns by sheet row and cell", async () => {
    const e = await errorOf(() => readFrame(bad, { numeric: ["x", "y"], text: ["id"], key: ["id"] }));
    expect(e.problems.map((p) => [p.code, p.row, p.column, p.value])).toEqual([
      ["data.not-a-number", 2, "x", "2020-01-01"],
      ["data.cell-error", 3, "x", "#DIV/0!"],
      ["data.not-a-number", 4, "x", "n/a"],
      ["data.not-a-number", 5, "x", "TRUE"],
      ["data.not-a-number", 5, "y", "FALSE"],
    ]);
    expect(e.message).toContain('bad.xlsx:2: column "x": the cell holds a date, not a number (sheet "Sheet1", cell B2)');
    expect(e.message).toContain('bad.xlsx:3: column "x": the cell holds the error #DIV/0! (sheet "Sheet1", cell B3)');
    // A boolean is not taken as 1/0: TRUE among amounts is a slip that would otherwise score silently.
    expect(e.message).toContain('bad.xlsx:5: column "x": TRUE is not a number (sheet "Sheet1", cell B5) (value "TRUE"). Fix: type the number; for a yes/no flag write 1 or 0');
    expect(e.message).toContain('bad.xlsx:5: column "y": FALSE is not a number (sheet "Sheet1", cell C5)');
  });

  it("names columns beyond Z as Excel does (AA, AB…)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("2024");
    ws.addRow(["id", ...Array.from({ length: 27 }, (_, k) => `c${k}`)]);
    ws.addRow(["E1", ...Array.from({ length: 26 }, () => 1), true]);
    const file = tmp.path("wide.xlsx");
    await wb.xlsx.writeFile(file);
    const e = await errorOf(() => readFrame(file, { numeric: ["c26"], text: ["id"], key: ["id"] }));
    expect(e.message).toContain('wide.xlsx:2: column "c26": TRUE is not a number (sheet "2024", cell AB2)');
  });
});
