/**
 * The columns a scheme does not read, kept typed for a stored revision (ReadSpec.rest): numbers when
 * every non-blank cell is a number by the engine's rules, otherwise text — the same in every format,
 * and never a problem, since no scheme has asked for them.
 */
import { Bool, DateMillisecond, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray } from "apache-arrow";
import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { Table as WasmTable, writeParquet } from "parquet-wasm";
import { afterAll, describe, expect, it } from "vitest";
import type { Frame, ReadSpec } from "../../../engine/data/frame.js";
import { selectRows } from "../../../engine/data/frame.js";
import { readFrame } from "../../../engine/data/read.js";
import { tempDir } from "./helpers.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const spec: ReadSpec = { headerMap: { 企业代码: "id", 税收: "tax" }, numeric: ["tax"], text: ["id"], key: ["id"], rest: true };

const numbers = (f: Frame, c: string) => Array.from(f.rest!.get(c) as Float64Array);

describe("the columns no scheme asked for, kept typed", () => {
  it("CSV: numbers as the engine reads them (1,234.5, 12%, full-width, blank), text when one cell is not a number", async () => {
    const file = tmp.path("a.csv");
    writeFileSync(file, ["企业代码,税收,用水量,备注,代码,,重复,重复", 'E1,1,"1,234.5",正常,0101,x,a,b', "E2,2,12%,n/a,7,y,c,d", "E3,3,,,８,z,e,f", 'E4,4, 3e2 ,"引号""内",,w,g,h'].join("\n"));
    const f = await readFrame(file, spec);
    expect([...f.rest!.keys()]).toEqual(["用水量", "备注", "代码"]); // the blank header and the repeated one are left out
    expect(numbers(f, "用水量")).toEqual([1234.5, 0.12, NaN, 300]);
    expect(f.rest!.get("备注")).toEqual(["正常", "n/a", "", '引号"内']);
    expect(numbers(f, "代码")).toEqual([101, 7, 8, NaN]);
    // The scheme's own columns are where they were.
    expect(Array.from(f.numbers.get("tax")!)).toEqual([1, 2, 3, 4]);
    expect(f.texts.get("id")).toEqual(["E1", "E2", "E3", "E4"]);
  });

  it("CSV: without `rest`, nothing else is read", async () => {
    const file = tmp.path("b.csv");
    writeFileSync(file, "企业代码,税收,用水量\nE1,1,2\n");
    expect((await readFrame(file, { ...spec, rest: false })).rest).toBeUndefined();
  });

  it("XLSX: number cells and numeric text are numbers; a date, TRUE/FALSE or an error make the column text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("数据");
    ws.addRow(["企业代码", "税收", "用水量", "成立日期", "高新", "公式"]);
    ws.addRow(["E1", 1, 2.5, new Date(Date.UTC(2015, 5, 1)), true, { formula: "B2*2", result: 2 }]);
    ws.addRow(["E2", 2, "1,234.5", null, false, { formula: "1/0", result: { error: "#DIV/0!" } }]);
    ws.addRow(["E3", 3, null, new Date(Date.UTC(2020, 0, 2)), null, { formula: "B4*2", result: 6 }]);
    const file = tmp.path("a.xlsx");
    await wb.xlsx.writeFile(file);
    const f = await readFrame(file, spec);
    expect(numbers(f, "用水量")).toEqual([2.5, 1234.5, NaN]);
    expect(f.rest!.get("成立日期")).toEqual(["2015-06-01", "", "2020-01-02"]);
    expect(f.rest!.get("高新")).toEqual(["TRUE", "FALSE", ""]);
    expect(f.rest!.get("公式")).toEqual(["2", "#DIV/0!", "6"]);
  });

  it("Arrow and Parquet: number types stay numbers, text of numbers becomes numbers, other text and dates stay text", async () => {
    const table = new Table({
      企业代码: vectorFromArray(["E1", "E2", "E3"], new Utf8()),
      税收: vectorFromArray([1, 2, 3], new Float64()),
      人数: vectorFromArray([10, null, 30], new Int32()),
      用水量: vectorFromArray(["1,234.5", null, "12%"], new Utf8()),
      备注: vectorFromArray(["x", "1", null], new Utf8()),
      高新: vectorFromArray([true, false, null], new Bool()),
      日期: vectorFromArray([Date.UTC(2015, 5, 1), null, Date.UTC(2020, 0, 2)], new DateMillisecond()),
    });
    const arrow = tmp.path("a.arrow");
    writeFileSync(arrow, tableToIPC(table, "file"));
    const parquet = tmp.path("a.parquet");
    writeFileSync(parquet, writeParquet(WasmTable.fromIPCStream(tableToIPC(table, "stream"))));
    for (const file of [arrow, parquet]) {
      const f = await readFrame(file, spec);
      expect(numbers(f, "人数")).toEqual([10, NaN, 30]);
      expect(numbers(f, "用水量")).toEqual([1234.5, NaN, 0.12]);
      expect(f.rest!.get("备注")).toEqual(["x", "1", ""]);
      expect(numbers(f, "高新")).toEqual([1, 0, NaN]);
      expect(f.rest!.get("日期")).toEqual(["2015-06-01", "", "2020-01-02"]);
    }
  });

  it("follows a selection of rows", async () => {
    const file = tmp.path("c.csv");
    writeFileSync(file, "企业代码,税收,用水量,备注\nE1,1,10,a\nE2,2,20,b\nE3,3,30,c\n");
    const f = selectRows(await readFrame(file, spec), Int32Array.from([2, 0]));
    expect(numbers(f, "用水量")).toEqual([30, 10]);
    expect(f.rest!.get("备注")).toEqual(["c", "a"]);
  });
});
