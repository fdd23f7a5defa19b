/**
 * `parkscore validate` does not pass, silently, what would make a ranking wrong: each case is an
 * error (exit 1) or a warning naming the rows, as docs/scheme.md states.
 */
import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers.js";

const SCHEME = `id: code
name: name
indicators:
  - { id: tax_per_mu, formula: tax / land_mu, direction: benefit, weight: 0.6 }
  - { id: energy, column: energy, direction: cost, weight: 0.4 }
grading: { method: quotas, quotas: { A: 0.5, B: 0.5 } }
`;
const HEADER = "code,name,tax,land_mu,energy";

function files(rows: string[], scheme = SCHEME): { scheme: string; input: string } {
  const dir = tempDir();
  writeFileSync(join(dir, "s.yaml"), scheme);
  writeFileSync(join(dir, "d.csv"), [HEADER, ...rows, ""].join("\n"));
  return { scheme: join(dir, "s.yaml"), input: join(dir, "d.csv") };
}
const validate = (f: { scheme: string; input?: string }) => cli(["validate", "--scheme", f.scheme, ...(f.input ? ["--input", f.input] : [])]);

describe("parkscore validate", { timeout: 60_000 }, () => {
  it("refuses a negative land area under a per-mu formula, naming the column and rows", async () => {
    const f = files(["E1,a,100,10,5", "E2,b,200,-4,6", "E3,c,300,5,7"]);
    const r = await validate(f);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${f.input}: indicators[0].formula: column "land_mu": "tax / land_mu" divides by land_mu, which is negative in 1 row(s) (rows 3)`);
    expect(r.code).toBe(1);
  });

  it("warns of a zero land area, naming the row, and says what the value becomes", async () => {
    const r = await validate(files(["E1,a,100,10,5", "E2,b,200,0,6", "E3,c,300,5,7"]));
    expect(r.stdout).toMatch(/^ok — /);
    expect(r.stdout).toContain('indicators[0].formula "tax / land_mu": division by zero in 1 row(s) (rows 3): treated as missing');
    expect(r.stdout).toContain("1 graded enterprise(s) have no tax_per_mu: scored 0 (missing: worst)");
    expect(r.code).toBe(0);
  });

  it("refuses an indicator that no enterprise reported, naming it and its column", async () => {
    const r = await validate(files(["E1,a,100,10,", "E2,b,200,4,", "E3,c,300,5,"]));
    expect(r.stderr).toContain('indicators[1]: no enterprise has a value for the indicator energy: column "energy" is empty in every row');
    expect(r.code).toBe(1);
  });

  it("refuses weights that are all 0, naming the scheme entry and line, without data", async () => {
    const f = files([], SCHEME.replace("weight: 0.6", "weight: 0").replace("weight: 0.4", "weight: 0"));
    const r = await validate({ scheme: f.scheme });
    expect(r.stderr).toContain(`${f.scheme}:4: indicators[0].weight: the weights of the 2 indicators are all 0 (tax_per_mu, energy)`);
    expect(r.code).toBe(1);
  });

  it("skips lines of commas only with one note", async () => {
    const r = await validate(files(["E1,a,100,10,5", "E2,b,200,4,6", ",,,,", ",,,,", "E3,c,300,5,7", ",,,,"]));
    expect(r.stdout).toContain("skipped 3 empty rows (separators only, as Excel leaves after formatted cells): lines 4–5, 7");
    expect(r.stdout).toContain("d.csv: 3 rows");
    expect(r.code).toBe(0);
  });

  it("reads a UTF-16 CSV as its text, never as NUL bytes", async () => {
    const f = files([]);
    const text = [HEADER, "E1,甲公司,100,10,5", "E2,乙公司,200,4,6", ""].join("\r\n");
    writeFileSync(f.input, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const r = await validate(f);
    expect(r.stdout).toContain("d.csv: 2 rows");
    expect(r.stderr).toBe("");
    const out = join(tempDir(), "o");
    const s = await cli(["score", "--scheme", f.scheme, "--input", f.input, "--out", out]);
    expect(s.stdout).toContain("甲公司");
    expect(s.stdout).not.toContain("\0");
  });

  it("refuses TRUE in a numeric XLSX column, naming the sheet cell", async () => {
    const f = files([]);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("2024");
    ws.addRow(HEADER.split(","));
    ws.addRow(["E1", "a", 100, 10, 5]);
    ws.addRow(["E2", "b", 200, 4, true]);
    const xlsx = f.input.replace(/\.csv$/, ".xlsx");
    await wb.xlsx.writeFile(xlsx);
    const r = await validate({ scheme: f.scheme, input: xlsx });
    expect(r.stderr).toContain(`${xlsx}:3: column "energy": TRUE is not a number (sheet "2024", cell E3) (value "TRUE"). Fix: type the number; for a yes/no flag write 1 or 0`);
    expect(r.code).toBe(1);
  });
});
