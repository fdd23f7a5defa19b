/**
 * A stored revision keeps every column of the file as delivered, so the store survives its scheme
 * changing: a new indicator over a column every delivered file has scores the stored periods as they
 * are; revisions written before (only the scheme's columns) still read, and where a column truly is
 * absent the error names the period, the revision and the column, and the import that adds it.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { ParkscoreError } from "../../../engine/errors.js";
import { readCsv } from "../../../engine/data/csv.js";
import { importPeriod, initDataset, listRevisions, readStoredPeriod } from "../../../engine/store/dataset.js";
import { loadPeriodInput } from "../../../engine/store/input.js";
import { scoreStored } from "../../../engine/store/runs.js";
import { readRun } from "../../../engine/store/run-scores.js";
import { scorePeriod } from "../../../engine/score/period.js";
import { arrowBytes } from "../../../engine/data/write-arrow.js";
import { sha256 } from "../../../engine/hash.js";
import { tempDir } from "../../cli/helpers.js";
import { MERGED_DEMO } from "../../merged-demo.js";


function demoDataset(dir = join(tempDir(), "ds")): string {
  initDataset(dir);
  copyFileSync(MERGED_DEMO.scheme, join(dir, "scheme.yaml"));
  return dir;
}

/**
 * The demo scheme with one more indicator, water per mu, over 用水量(万吨): a column every delivered
 * file has and the scheme maps, but that no indicator used — now mapped to a new name, so the
 * stored revisions are read through the scheme's map of the day, not the one they were imported with.
 */
function withWaterIndicator(dir: string): void {
  const text = readFileSync(join(dir, "scheme.yaml"), "utf8")
    .replace("用水量(万吨): water\n", "用水量(万吨): water_t\n")
    .replace(
      "indicators:\n",
      "indicators:\n  - { id: water_per_mu, label: { zh: 亩均用水, en: Water per mu }, category: resources, formula: water_t / land_mu, direction: cost, weight: 0.5, normalize: minmax }\n",
    );
  expect(text).toContain("water_t / land_mu");
  writeFileSync(join(dir, "scheme.yaml"), text);
}

/**
 * Revision 1 of the period rewritten as parkscore stored revisions before it kept every column: the
 * scheme's columns only, under the scheme's names, and no list of the file's columns.
 */
async function asEarlierParkscore(dir: string, period: string): Promise<void> {
  const meta = join(dir, "periods", period, "r0001.json");
  const revision = JSON.parse(readFileSync(meta, "utf8"));
  const { frame } = await readStoredPeriod(dir, period);
  const bytes = arrowBytes([
    ...[...frame.texts].map(([name, values]) => ({ name, type: "text" as const, values })),
    ...[...frame.numbers].filter(([name]) => !frame.texts.has(name)).map(([name, values]) => ({ name, type: "number" as const, values })),
  ]);
  writeFileSync(join(dir, revision.file), bytes);
  delete revision.columns;
  writeFileSync(meta, JSON.stringify({ ...revision, sha256: sha256(bytes) }, null, 2) + "\n");
}

async function expectError(p: Promise<unknown>): Promise<ParkscoreError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ParkscoreError);
  return e as ParkscoreError;
}

describe("a stored revision", { timeout: 30_000 }, () => {
  it("keeps every column of the delivered file under its header, typed", async () => {
    const dir = demoDataset();
    const { revision } = await importPeriod(dir, "2025", MERGED_DEMO.csv(2025));
    const header = readFileSync(MERGED_DEMO.csv(2025), "utf8").replace(/^\uFEFF/, "").split("\n")[0].split(",");
    expect([...revision.columns!].sort()).toEqual([...header].sort());
    const table = tableFromIPC(readFileSync(join(dir, revision.file)));
    expect(table.schema.fields.map((f) => f.name).sort()).toEqual([...header].sort());
    // 用水量(万吨) is used by no indicator: stored as numbers, the values of the file.
    const water = table.getChild("用水量(万吨)")!;
    expect(String(water.type)).toBe("Float64");
    const fromFile = readCsv(readFileSync(MERGED_DEMO.csv(2025)), "2025.csv", { numeric: ["用水量(万吨)"], text: [] }).numbers.get("用水量(万吨)")!;
    expect(Array.from(water.toArray() as Float64Array, (v, i) => (water.isValid(i) ? v : NaN))).toEqual(Array.from(fromFile));
    // Text stays text, including a column of codes the scheme reads as text.
    expect(String(table.getChild("行业代码")!.type)).toBe("Utf8");
  });

  it("scores an old period under a scheme with a new indicator over a delivered column, without re-import", async () => {
    const dir = demoDataset();
    await importPeriod(dir, "2024", MERGED_DEMO.csv(2024));
    await importPeriod(dir, "2025", MERGED_DEMO.csv(2025));
    withWaterIndicator(dir);
    for (const period of ["2024", "2025"]) {
      const run = await scoreStored(dir, period);
      const stored = await readRun(run, ["water_per_mu"]);
      // What `score --input` gives on the delivered file with the new scheme.
      const direct = await loadPeriodInput(join(dir, "scheme.yaml"), MERGED_DEMO.csv(period));
      const r = scorePeriod(direct.frame, direct.scheme);
      expect(Array.from(stored.values.get("water_per_mu")!)).toEqual(Array.from(r.values.get("water_per_mu")!));
      expect(Array.from(stored.scores.score)).toEqual(Array.from(r.score));
      // Hand check of one row: water / land as the file has them.
      const water = direct.frame.numbers.get("water_t")!;
      const land = direct.frame.numbers.get("land_mu")!;
      expect(stored.values.get("water_per_mu")![0]).toBe(water[0] / land[0]);
      expect(run.manifest.revision!.revision).toBe(1);
    }
    expect(listRevisions(dir, "2025")).toHaveLength(1);
  });

  it("written by an earlier parkscore (the scheme's columns only) still reads, and names the import that adds a column it lacks", async () => {
    const dir = demoDataset();
    await importPeriod(dir, "2025", MERGED_DEMO.csv(2025));
    await asEarlierParkscore(dir, "2025");
    expect(listRevisions(dir, "2025")[0].columns).toBeUndefined();
    const { frame } = await readStoredPeriod(dir, "2025");
    expect(frame.nrows).toBe(260); // the demo's 2025: 260 participants
    withWaterIndicator(dir);
    const e = await expectError(scoreStored(dir, "2025"));
    expect(e.problems).toHaveLength(1);
    const source = join(dir, "periods", "2025", "r0001.source.csv");
    expect(e.problems[0]).toMatchObject({ code: "data.missing-column", column: "water_t" });
    expect(e.message).toContain('period 2025, revision 1 was stored by an earlier parkscore, which kept only the columns its scheme used then, and not this one (header "用水量(万吨)")');
    expect(e.message).toContain(`uses it in indicators[0].formula`);
    expect(e.message).toContain(`Fix: import the file as delivered again (kept as ${source}), so that every column is stored: parkscore import ${dir} --period 2025 ${source}`);
    // Doing what it says works.
    await importPeriod(dir, "2025", source);
    const run = await scoreStored(dir, "2025");
    expect(run.manifest.revision!.revision).toBe(2);
  });

  it("lacking a column the delivered file never had: the error names period, revision, column and the file to bring", async () => {
    const dir = demoDataset();
    await importPeriod(dir, "2025", MERGED_DEMO.csv(2025));
    const text = readFileSync(join(dir, "scheme.yaml"), "utf8")
      .replace("columns:\n", "columns:\n  绿色工厂: green\n")
      .replace("indicators:\n", "indicators:\n  - { id: green, label: { zh: 绿色工厂, en: Green factory }, category: environment, column: green, direction: benefit, weight: 0.5, normalize: minmax }\n");
    writeFileSync(join(dir, "scheme.yaml"), text);
    const e = await expectError(scoreStored(dir, "2025"));
    expect(e.problems[0]).toMatchObject({ code: "data.missing-column", column: "green", file: join(dir, "periods", "2025", "r0001.arrow") });
    expect(e.message).toContain(`period 2025, revision 1 has no such column (header "绿色工厂"): the file delivered for it (2025.csv, kept as ${join(dir, "periods", "2025", "r0001.source.csv")}) had none; it has "企业代码"`);
    expect(e.message).toContain(`Fix: import the period again from a file that has the column: parkscore import ${dir} --period 2025 FILE`);
  });

  it("quotes a path with spaces in the import line, so that it can be pasted", async () => {
    const dir = demoDataset(join(tempDir(), "my data"));
    await importPeriod(dir, "2024", MERGED_DEMO.csv(2024));
    await asEarlierParkscore(dir, "2024");
    withWaterIndicator(dir);
    const e = await expectError(scoreStored(dir, "2024"));
    expect(e.message).toContain(`parkscore import '${dir}' --period 2024 '${join(dir, "periods", "2024", "r0001.source.csv")}'`);
  });
});
