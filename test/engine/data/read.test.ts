import { mkdirSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { ReadSpec } from "../../../engine/data/frame.js";
import { readFrame } from "../../../engine/data/read.js";
import { MAX_PROBLEMS } from "../../../engine/errors.js";
import { errorOf, tempDir } from "./helpers.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function write(name: string, content: string | Uint8Array): string {
  const file = tmp.path(name);
  writeFileSync(file, content);
  return file;
}

const spec: ReadSpec = {
  headerMap: { 企业代码: "id", 企业名称: "name", "亩均税收(万元/亩)": "tax" },
  numeric: ["tax"],
  text: ["id", "name"],
  key: ["id"],
};

describe("readFrame", () => {
  it("maps headers (trimmed, BOM removed) and remembers the source header of each column", async () => {
    const file = write("map.csv", "\uFEFF 企业代码 ,企业名称,  亩均税收(万元/亩),other\nE001,甲,1.5,x\nE002,乙,2,y\n");
    const f = await readFrame(file, spec);
    expect(f.texts.get("id")).toEqual(["E001", "E002"]);
    expect(f.texts.get("name")).toEqual(["甲", "乙"]);
    expect(Array.from(f.numbers.get("tax")!)).toEqual([1.5, 2]);
    expect(f.origin.headers.get("id")).toBe("企业代码");
    expect(f.origin.headers.get("tax")).toBe("亩均税收(万元/亩)");
    expect(f.origin.file).toBe(file);
  });

  it("reads .txt and .tsv as CSV", async () => {
    const t = await readFrame(write("a.txt", "id,x\nA,1\n"), { numeric: ["x"], text: ["id"] });
    expect(Array.from(t.numbers.get("x")!)).toEqual([1]);
    const s = await readFrame(write("a.tsv", "id\tx\nA\t2\n"), { numeric: ["x"], text: ["id"] });
    expect(Array.from(s.numbers.get("x")!)).toEqual([2]);
  });

  it("reports one problem per missing column, listing the headers found", async () => {
    const file = write("missing.csv", "企业代码,营业收入\nE001,5\n");
    const e = await errorOf(() => readFrame(file, spec));
    expect(e.problems).toHaveLength(2);
    expect(e.problems.map((p) => p.column)).toEqual(["tax", "name"]);
    const p = e.problems[0];
    expect(p).toMatchObject({ code: "data.missing-column", file, fix: "add the column or map its header in the scheme's columns:" });
    expect(p.message).toContain('required column "tax" (header "亩均税收(万元/亩)") is missing');
    expect(p.message).toContain('the headers found are "企业代码", "营业收入"');
  });

  it("suggests a header that differs only in full-width brackets, case or spaces", async () => {
    const file = write("near.csv", "企业代码,企业名称,亩均税收（万元/亩）\nE001,甲,1\n");
    const e = await errorOf(() => readFrame(file, spec));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0].message).toContain('did you mean "亩均税收（万元/亩）"?');
  });

  it("reports a bad number naming file, row, column header and value", async () => {
    const file = write("bad.csv", "企业代码,企业名称,亩均税收(万元/亩)\nE001,甲,1.5\nE002,乙,十二\n");
    const e = await errorOf(() => readFrame(file, spec));
    expect(e.problems).toHaveLength(1);
    expect(e.message).toContain(`${file}:3: column "亩均税收(万元/亩)": not a number (value "十二")`);
  });

  it("reports a duplicate id naming both rows, and an empty id naming its row", async () => {
    const file = write("dup.csv", "企业代码,企业名称,亩均税收(万元/亩)\nE001,甲,1\nE002,乙,2\n,丙,3\nE001,丁,4\n");
    const e = await errorOf(() => readFrame(file, spec));
    expect(e.problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ["data.empty-key", 4, "企业代码"],
      ["data.duplicate-key", 5, "企业代码"],
    ]);
    expect(e.problems[1].message).toBe('企业代码 "E001" is repeated: rows 2 and 5');
    expect(e.problems[1].value).toBe("E001");
  });

  it("checks a combined key, and leaves out an optional key column that is absent", async () => {
    const two: ReadSpec = { numeric: ["x"], text: ["id"], optionalText: ["period"], key: ["period", "id"] };
    const ok = await readFrame(write("p.csv", "period,id,x\n2023,A,1\n2024,A,2\n"), two);
    expect(ok.texts.get("period")).toEqual(["2023", "2024"]);
    const e = await errorOf(() => readFrame(write("p2.csv", "period,id,x\n2023,A,1\n2023,A,2\n"), two));
    expect(e.problems[0]).toMatchObject({ code: "data.duplicate-key", row: 3, column: "period + id", value: "2023, A" });
    // No period column: the key is the id alone.
    const e2 = await errorOf(() => readFrame(write("p3.csv", "id,x\nA,1\nA,2\n"), two));
    expect(e2.problems[0]).toMatchObject({ code: "data.duplicate-key", column: "id", value: "A" });
    expect(e2.problems).toHaveLength(1);
  });

  it("collects every problem of a file into one error", async () => {
    const file = write("many.csv", "企业代码,亩均税收(万元/亩)\nE001,x\nE001,2\nE003\n");
    const e = await errorOf(() => readFrame(file, spec));
    expect(e.problems.map((p) => p.code)).toEqual(["data.missing-column", "data.not-a-number", "csv.ragged-row", "data.duplicate-key"]);
  });

  it("lists at most 50 problems and counts the rest", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `E${i},甲,bad${i}`);
    const file = write("limit.csv", ["企业代码,企业名称,亩均税收(万元/亩)", ...rows].join("\n"));
    const e = await errorOf(() => readFrame(file, spec));
    expect(e.problems).toHaveLength(MAX_PROBLEMS);
    expect(e.omitted).toBe(10);
    expect(e.message).toContain("… and 10 more problems");
  });

  it("rejects empty files and files with a header only", async () => {
    const empty = await errorOf(() => readFrame(write("empty.csv", ""), spec));
    expect(empty.code).toBe("data.empty-file");
    const blank = await errorOf(() => readFrame(write("blank.csv", "\r\n\n"), spec));
    expect(blank.code).toBe("data.empty-file");
    const headerOnly = await errorOf(() => readFrame(write("header.csv", "企业代码,企业名称,亩均税收(万元/亩)\n"), spec));
    expect(headerOnly.problems.map((p) => p.code)).toEqual(["data.no-rows"]);
    expect(headerOnly.message).toContain("header.csv: the file has a header but no data rows");
  });

  it("says so when the file is missing, a directory, or of an unknown kind", async () => {
    const missing = await errorOf(() => readFrame(tmp.path("nope.csv"), spec));
    expect(missing.code).toBe("data.file-not-found");
    expect(missing.message).toContain("nope.csv");
    mkdirSync(tmp.path("dir.csv"));
    expect((await errorOf(() => readFrame(tmp.path("dir.csv"), spec))).code).toBe("data.not-a-file");
    const json = await errorOf(() => readFrame(write("data.json", "{}"), spec));
    expect(json.code).toBe("data.unknown-format");
    expect(json.message).toContain(".csv, .txt, .tsv, .xlsx, .arrow, .feather, .ipc, .parquet");
    const xls = await errorOf(() => readFrame(write("old.xls", "x"), spec));
    expect(xls.message).toContain("save the workbook as .xlsx");
  });
});
