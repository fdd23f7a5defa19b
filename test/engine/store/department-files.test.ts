/**
 * A period scored from a folder of department files, without a dataset: the same table as the
 * stored merge of the same files, and a folder that lacks a required file, or holds two files of
 * one source, refused naming them.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDepartmentFiles } from "../../../engine/store/department-files.js";
import { readStoredPeriod } from "../../../engine/store/dataset.js";
import { ParkscoreError } from "../../../engine/errors.js";
import { CODE, INTAKE_SCHEME } from "../intake/fixtures.js";

const DEMO = join(import.meta.dirname, "..", "..", "..", "datasets", "demo");
const TMP = mkdtempSync(join(tmpdir(), "parkscore-department-files-"));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe("loadDepartmentFiles", () => {
  it("merges the demo's 2025 files as the demo store's imported revisions merge", async () => {
    const loose = await loadDepartmentFiles(join(DEMO, "scheme.yaml"), join(DEMO, "2025"));
    const stored = await readStoredPeriod(DEMO, "2025");
    expect(loose.frame.nrows).toBe(260);
    expect([...loose.frame.texts.keys()]).toEqual([...stored.frame.texts.keys()]);
    for (const [name, values] of stored.frame.texts) expect(loose.frame.texts.get(name), name).toEqual(values);
    for (const [name, values] of stored.frame.numbers) expect(loose.frame.numbers.get(name), name).toEqual(values);
    expect(loose.inputs.map((i) => i.file.slice(DEMO.length + 1))).toEqual(["participants.xlsx", "land.xlsx", "power.csv", "tax.xlsx", "stats.csv", "environment.csv", "safety.csv", "hightech.csv"].map((f) => join("2025", f)));
    // The planted gaps come along as warnings: a miskeyed meter and tax row, five participants the statistics bureau lacks.
    expect(loose.warnings.filter((w) => w.code.startsWith("intake.")).map((w) => `${w.file} ${w.code}`)).toEqual([
      "power.csv intake.lacking",
      "power.csv intake.unknown-codes",
      "tax.xlsx intake.lacking",
      "tax.xlsx intake.unknown-codes",
      "stats.csv intake.lacking",
    ]);
  });

  it("refuses a folder without a required source's file, or with two files of one source", async () => {
    const scheme = join(TMP, "scheme.yaml");
    writeFileSync(scheme, INTAKE_SCHEME);
    const folder = join(TMP, "2025");
    cpSync(join(DEMO, "2025"), folder, { recursive: true });
    writeFileSync(join(folder, "participants.csv"), `统一社会信用代码,企业名称\n${CODE.a},甲\n`);
    const twice = await loadDepartmentFiles(scheme, folder).catch((e: unknown) => e);
    expect(twice).toBeInstanceOf(ParkscoreError);
    expect((twice as ParkscoreError).problems.map((p) => p.message)).toEqual(["the folder holds 2 files of source participants: participants.csv, participants.xlsx"]);
    rmSync(join(folder, "participants.xlsx"));
    rmSync(join(folder, "stats.csv"));
    const missing = await loadDepartmentFiles(scheme, folder).catch((e: unknown) => e);
    expect((missing as ParkscoreError).problems.map((p) => [p.file, p.message, p.fix])).toEqual([
      [folder, "the folder has no file of source stats (统计局 / Statistics bureau), which the scheme requires", `put the department's file there as stats.csv or stats.xlsx (or mark the source required: false in ${scheme}, sources[4])`],
    ]);
  });
});
