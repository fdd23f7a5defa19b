import iconv from "iconv-lite";
import { writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { readCsv } from "../../../engine/data/csv.js";
import type { ReadSpec } from "../../../engine/data/frame.js";
import { readFrame } from "../../../engine/data/read.js";
import { errorOf, randomDecimalTexts, tempDir } from "./helpers.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const csv = (text: string, spec: ReadSpec, encoding?: string) => readCsv(Buffer.from(text), "t.csv", spec, { encoding });
const nums = (f: { numbers: Map<string, Float64Array> }, c: string) => Array.from(f.numbers.get(c)!);

describe("readCsv", () => {
  it("reads numeric and text columns, skipping the others, with source lines", () => {
    const f = csv("id,name,x,y,junk\nA,Alpha,1.5,-2,???\nB,Beta,3,4e2,!!!\n", { numeric: ["x", "y"], text: ["id", "name"] });
    expect(f.nrows).toBe(2);
    expect(nums(f, "x")).toEqual([1.5, 3]);
    expect(nums(f, "y")).toEqual([-2, 400]);
    expect(f.texts.get("id")).toEqual(["A", "B"]);
    expect(f.texts.get("name")).toEqual(["Alpha", "Beta"]);
    expect([...f.numbers.keys(), ...f.texts.keys()]).not.toContain("junk");
    expect(Array.from(f.origin.rows)).toEqual([2, 3]);
    expect(f.origin.file).toBe("t.csv");
    expect(f.origin.headers.get("x")).toBe("x");
  });

  it("handles quotes: separators, newlines and doubled quotes inside, and counts lines through them", () => {
    const text = 'id,name,x\r\nA,"Alpha, Inc.",1\r\nB,"two\r\nlines ""quoted""",2\r\n"C","x",3\r\n';
    const f = csv(text, { numeric: ["x"], text: ["id", "name"] });
    expect(f.texts.get("name")).toEqual(["Alpha, Inc.", 'two\r\nlines "quoted"', "x"]);
    expect(f.texts.get("id")).toEqual(["A", "B", "C"]);
    expect(nums(f, "x")).toEqual([1, 2, 3]);
    expect(Array.from(f.origin.rows)).toEqual([2, 3, 5]);
  });

  it("reads quoted numbers with thousands separators, percentages, full-width digits and blanks", () => {
    const text = 'id,x\nA,"1,234.5"\nB,12%\nC,１２３．５\nD,\nE,  \nF," 7 "\nG,－８\n';
    const f = csv(text, { numeric: ["x"], text: ["id"] });
    const x = nums(f, "x");
    expect(x.slice(0, 3)).toEqual([1234.5, 0.12, 123.5]);
    expect(x[3]).toBeNaN();
    expect(x[4]).toBeNaN();
    expect(x.slice(5)).toEqual([7, -8]);
  });

  it("accepts a BOM, LF or CRLF, bare CR, trailing empty lines and blank lines", () => {
    const a = csv("\uFEFFid,x\r\nA,1\r\nB,2\r\n\r\n\r\n", { numeric: ["x"], text: ["id"] });
    expect(a.texts.get("id")).toEqual(["A", "B"]);
    expect(a.origin.headers.get("id")).toBe("id");
    const b = csv("id,x\nA,1\n\nB,2", { numeric: ["x"], text: ["id"] });
    expect(nums(b, "x")).toEqual([1, 2]);
    expect(Array.from(b.origin.rows)).toEqual([2, 4]);
    // Bare-CR files have no LF to size the arrays by: they must grow.
    const rows = Array.from({ length: 100 }, (_, i) => `R${i},${i}`);
    const c = csv(["id,x", ...rows].join("\r"), { numeric: ["x"], text: ["id"] });
    expect(c.nrows).toBe(100);
    expect(nums(c, "x")).toEqual(rows.map((_, i) => i));
    expect(c.origin.rows[99]).toBe(101);
  });

  it("detects ; and tab separators when the header has no comma", () => {
    const s = csv("id;x;y\nA;1,5;2\n", { numeric: ["y"], text: ["id", "x"] });
    expect(s.texts.get("x")).toEqual(["1,5"]);
    expect(nums(s, "y")).toEqual([2]);
    const t = csv("id\tx\nA\t1,234\n", { numeric: ["x"], text: ["id"] });
    expect(nums(t, "x")).toEqual([1234]);
  });

  it("keeps a column that is both numeric and text", () => {
    const f = csv("year,id\n2023,A\n2024,B\n", { numeric: ["year"], text: ["year", "id"] });
    expect(nums(f, "year")).toEqual([2023, 2024]);
    expect(f.texts.get("year")).toEqual(["2023", "2024"]);
  });

  it("reports a bad number with file, line, column header and value", async () => {
    const e = await errorOf(() => csv("企业代码,亩均税收\nA,12\nB,abc\nC,\"1,5\"\n", { numeric: ["亩均税收"], text: ["企业代码"] }));
    expect(e.problems).toHaveLength(2);
    expect(e.problems[0]).toMatchObject({ code: "data.not-a-number", file: "t.csv", row: 3, column: "亩均税收", value: "abc" });
    expect(e.problems[1]).toMatchObject({ row: 4, value: "1,5" });
    expect(e.message).toContain('t.csv:3: column "亩均税收": not a number (value "abc")');
    expect(e.message).toContain("write a number such as 1234.5");
  });

  it("ignores junk in columns nobody asked for", () => {
    const f = csv('id,x,notes\nA,1,"unclosed"junk\nB,2,abc\n', { numeric: ["x"], text: ["id"] });
    expect(nums(f, "x")).toEqual([1, 2]);
  });

  it("reports rows with too few or too many fields, naming the line", async () => {
    const e = await errorOf(() => csv('id,x,y\nA,1,2\nB,1\n"C\nC",1,2,3\n', { numeric: ["x", "y"], text: ["id"] }));
    expect(e.problems.map((p) => [p.code, p.row])).toEqual([
      ["csv.ragged-row", 3],
      ["csv.ragged-row", 4],
    ]);
    expect(e.problems[0].message).toContain("line 3 has 2 fields but the header has 3");
    expect(e.problems[1].message).toContain("line 4 has 4 fields");
  });

  it("reports text after a closing quote in a column that is read", async () => {
    const e = await errorOf(() => csv('id,x\nA,"1"2\nB,"3" \n', { numeric: ["x"], text: ["id"] }));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatchObject({ code: "csv.bad-quote", row: 2, column: "x", value: '"1"2' });
  });

  it("reports an unterminated quote", async () => {
    const e = await errorOf(() => csv('id,x\nA,1\nB,"2\n', { numeric: ["x"], text: ["id"] }));
    expect(e.problems[0]).toMatchObject({ code: "csv.unterminated-quote", row: 3, column: "x" });
  });

  it("parses numbers bit-identically to Number() on the hot path", () => {
    const texts = randomDecimalTexts(60_000, 7);
    const lines = ["id,a,b"];
    for (let i = 0; i < texts.length; i += 2) lines.push(`R${i},${texts[i]},${texts[i + 1]}`);
    const f = csv(lines.join("\n") + "\n", { numeric: ["a", "b"], text: ["id"] });
    const a = f.numbers.get("a")!;
    const b = f.numbers.get("b")!;
    for (let r = 0; r < f.nrows; r++) {
      if (!Object.is(a[r], Number(texts[2 * r])) || !Object.is(b[r], Number(texts[2 * r + 1]))) {
        throw new Error(`row ${r}: ${texts[2 * r]} → ${a[r]}, ${texts[2 * r + 1]} → ${b[r]}`);
      }
    }
    expect(f.nrows).toBe(30_000);
  });
});

describe("CSV files through readFrame", () => {
  const spec: ReadSpec = { numeric: ["亩均税收(万元/亩)"], text: ["企业代码", "企业名称"], key: ["企业代码"] };
  const body = "企业代码,企业名称,亩均税收(万元/亩)\r\nE001,苏州甲科技有限公司,12.5\r\nE002,乙新材料股份有限公司,\"1,234.5\"\r\n";

  it("detects GBK", async () => {
    const file = tmp.path("gbk.csv");
    writeFileSync(file, iconv.encode(body, "gbk"));
    const f = await readFrame(file, spec);
    expect(f.texts.get("企业名称")).toEqual(["苏州甲科技有限公司", "乙新材料股份有限公司"]);
    expect(nums(f, "亩均税收(万元/亩)")).toEqual([12.5, 1234.5]);
    // Forcing the encoding gives the same.
    const g = await readFrame(file, spec, { encoding: "gbk" });
    expect(g.texts.get("企业代码")).toEqual(["E001", "E002"]);
  });

  it("reads UTF-8 with and without BOM alike", async () => {
    const a = tmp.path("bom.csv");
    const b = tmp.path("nobom.csv");
    writeFileSync(a, "\uFEFF" + body);
    writeFileSync(b, body);
    const fa = await readFrame(a, spec);
    const fb = await readFrame(b, spec);
    expect(fa.texts.get("企业名称")).toEqual(["苏州甲科技有限公司", "乙新材料股份有限公司"]);
    expect(fb.texts).toEqual(fa.texts);
    expect(nums(fb, "亩均税收(万元/亩)")).toEqual([12.5, 1234.5]);
  });

  it("rejects an unknown --encoding, listing the accepted ones", async () => {
    const file = tmp.path("enc.csv");
    writeFileSync(file, body);
    const e = await errorOf(() => readFrame(file, spec, { encoding: "big5" }));
    expect(e.message).toContain("utf-8, gbk, gb18030");
  });
});

describe("lines of separators only (Excel's leftovers after formatted cells)", () => {
  const spec: ReadSpec = { numeric: ["x"], text: ["id"], key: ["id"] };
  it("are skipped with one note naming how many and the lines, not reported as rows without an id", () => {
    const f = csv("id,x,y\nA,1,2\n,,\n,,\nB,3,4\n,,\r\n,,\n,\n,,,,\n", spec);
    expect(f.nrows).toBe(2);
    expect(f.texts.get("id")).toEqual(["A", "B"]);
    expect(nums(f, "x")).toEqual([1, 3]);
    expect(Array.from(f.origin.rows)).toEqual([2, 5]);
    expect(f.warnings).toEqual([{ code: "csv.empty-rows", file: "t.csv", message: "skipped 6 empty rows (separators only, as Excel leaves after formatted cells): lines 3–4, 6–9" }]);
  });
  it("give no note when there are none, and a row with an empty first cell is still a row", () => {
    expect(csv("id,x\nA,1\n", spec).warnings).toBeUndefined();
    const f = csv("x,id\n,A\n,\n2,B\n", { numeric: ["x"], text: ["id"], key: ["id"] });
    expect(f.texts.get("id")).toEqual(["A", "B"]);
    expect(f.warnings?.[0].message).toContain("skipped 1 empty row (separators only, as Excel leaves after formatted cells): line 3");
  });
  it("are skipped in a semicolon or tab separated file too, up to the last line without a newline", () => {
    const f = csv("id;x\nA;1\n;\n;", spec);
    expect(f.nrows).toBe(1);
    expect(f.warnings?.[0].message).toContain("lines 3–4");
  });
});
