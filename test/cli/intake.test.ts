/**
 * The intake workflow as an evaluator runs it: init a dataset, import each department's file,
 * read the coverage report, import a corrected revision, score — and every bad input said in one
 * line naming the file, row, column and fix. The merged period scores exactly as the same table
 * merged by hand and scored from one file.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { xlsxBytes } from "../../engine/data/write-xlsx.js";
import { loadWindow, periodResult } from "../../engine/index.js";
import { CODE, INTAKE_SCHEME } from "../engine/intake/fixtures.js";
import { cli, tempDir } from "./helpers.js";

const { a, b, c, d, e } = CODE;
const miskeyed = c.slice(0, 17) + "X"; // c with a wrong check character

const FILES: Record<string, string> = {
  "participants.csv": `统一社会信用代码,企业名称,所在园区,行业代码,规模\n${a},甲公司,东山,C33,规上\n${b},乙公司,东山,C34,规下\n${c},丙公司,广耀,C33,规上\n${d},丁公司,广耀,C39,规上\n${e},戊公司,东山,C33,规下\n`,
  "tax.csv": `统一社会信用代码,实缴税金(万元)\n${a},24\n${b},6\n${c.toLowerCase()},16\n${d},12\n`,
  "stats.csv": `统一社会信用代码,工业增加值(万元),主营业务收入(万元),从业人员(人)\n${a},300,1000,50\n${b},60,200,10\n${c},120,400,20\n${d},90,300,30\n${e},30,100,8\n`,
  "hightech.csv": `统一社会信用代码,证书编号\n${a},GR2023001\n${c},GR2024017\n`,
};
/** Power, one row per meter (GBK, as Excel saves it on Chinese Windows); c's second meter miskeyed. */
const POWER = (cCode: string) => `统一社会信用代码,电表户号,用电量(万千瓦时)\n${a},M1,100\n${a},M2,50\n${b},M3,30\n${c},M4,20\n${d},M5,40\n${e},M6,10\n${cCode},M7,7\n`;

/** The same period merged by hand: land a = 10 + 5 × 0.4 = 12, b = 5 × 0.6 = 3; power a = 100 + 50, c = 20 + 7 (after the correction); e pays no tax on record. */
const HAND_MERGED = `code,name,park,industry,size,land_mu,electricity,tax,value_added,revenue,employees,high_tech\n${a},甲公司,东山,C33,规上,12,150,24,300,1000,50,1\n${b},乙公司,东山,C34,规下,3,30,6,60,200,10,0\n${c},丙公司,广耀,C33,规上,8,27,16,120,400,20,1\n${d},丁公司,广耀,C39,规上,6,40,12,90,300,30,0\n${e},戊公司,东山,C33,规下,4,10,,30,100,8,0\n`;
const PLAIN_SCHEME = INTAKE_SCHEME.slice(0, INTAKE_SCHEME.indexOf("sources:")) + INTAKE_SCHEME.slice(INTAKE_SCHEME.indexOf("indicators:"));

async function land(file: string, shares: (number | null)[] = [null, 0.4, 0.6, null, null, null]): Promise<void> {
  const codes = [a, a, b, c, d, e];
  const mu = [10, 5, 5, 8, 6, 4];
  writeFileSync(
    file,
    await xlsxBytes([
      {
        name: "土地",
        columns: [
          { name: "统一社会信用代码", type: "text", values: codes },
          { name: "不动产权证号", type: "text", values: codes.map((_, i) => `证${i + 1}`) },
          { name: "用地面积(亩)", type: "number", values: Float64Array.from(mu) },
          { name: "分摊比例", type: "number", values: Float64Array.from(shares, (s) => s ?? NaN) },
        ],
      },
    ]),
  );
}

async function dataset(): Promise<{ root: string; dir: string; f: (name: string) => string }> {
  const root = tempDir();
  const dir = join(root, "ds");
  expect((await cli(["init", dir])).code).toBe(0);
  writeFileSync(join(dir, "scheme.yaml"), INTAKE_SCHEME);
  const f = (name: string) => join(root, name);
  for (const [name, text] of Object.entries(FILES)) writeFileSync(f(name), text);
  writeFileSync(f("power.csv"), iconv.encode(POWER(miskeyed), "gbk"));
  await land(f("land.xlsx"));
  return { root, dir, f };
}

/** The one problem a command printed, as the user reads it. */
const problem = (stderr: string) => stderr.replace(/^parkscore: error:\n/, "").replace(/\x1b\[\d+m/g, "").trim();

const imp = (dir: string, source: string, file: string, ...rest: string[]) => cli(["import", dir, "--period", "2025", "--source", source, file, ...rest]);

describe("department files in, merged per enterprise, scored", { timeout: 120_000 }, () => {
  it("imports six files, reports the coverage, takes a corrected revision, and scores as the hand-merged table", async () => {
    const { root, dir, f } = await dataset();
    const first = await imp(dir, "participants", f("participants.csv"));
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("period 2025, source participants (参评名单): revision 1, 5 rows from participants.csv");
    for (const [s, file] of [["land", "land.xlsx"], ["power", "power.csv"], ["tax", "tax.csv"]]) expect((await imp(dir, s, f(file))).code).toBe(0);

    // Statistics are required and not in yet: scoring refuses, naming the source and the import.
    const early = await cli(["score", dir, "--period", "2025"]);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain(`period 2025 cannot be scored: it has no file from source stats (统计局 / Statistics bureau), which the scheme requires. Fix: import it: parkscore import ${dir} --period 2025 --source stats FILE`);

    const power = await imp(dir, "power", f("power.csv"));
    expect(power.stdout).toContain("revision 2");
    expect(power.stdout).toContain("matches 5 participants; 0 participants have no row; 1 code is not on the participant list");
    expect((await imp(dir, "stats", f("stats.csv"))).code).toBe(0);
    expect((await imp(dir, "hightech", f("hightech.csv"))).code).toBe(0);

    const report = await cli(["intake", dir, "--period", "2025", "--out", join(root, "intake")]);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain("period 2025: 5 participants");
    expect(report.stdout).toContain(`不在参评名单 not-on-list: ${miskeyed} row 8: not a valid credit code: its check character is "X", but the first 17 characters give "Y"; nearest participant: ${c} 丙公司 (only the check character differs)`);
    expect(report.stdout).toContain(`缺少企业 lacking: ${e} 戊公司: on the participant list, but not in this file`);
    expect(report.stdout).toContain("land: shared parcels — each row's figures × its share (column 分摊比例)");
    expect(report.stdout).toContain("hightech: a list joined by code — the 3 participants not on it count 0");
    expect(report.stdout).not.toContain("缺少企业 lacking: " + b);
    const csv = readFileSync(join(root, "intake", "intake.csv"), "utf8");
    expect(csv.split("\r\n").filter((l) => l.startsWith("power,") || l.startsWith("tax,"))).toEqual([
      `power,供电公司,not-on-list,不在参评名单,${miskeyed},,8,统一社会信用代码,${miskeyed},"not a valid credit code: its check character is ""X"", but the first 17 characters give ""Y""; nearest participant: ${c} 丙公司 (only the check character differs)"`,
      `tax,税务局,lacking,缺少企业,${e},戊公司,,,,"on the participant list, but not in this file"`,
    ]);
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(root, "intake", "intake.xlsx"));
    expect(book.worksheets.map((w) => w.name)).toEqual(["汇总 summary", "参评名单", "自然资源和规划局", "供电公司", "税务局", "统计局", "科技局"]);
    expect(book.getWorksheet("税务局")!.getRow(2).values).toEqual([undefined, "lacking", "缺少企业", e, "戊公司", undefined, undefined, undefined, "on the participant list, but not in this file"]);
    // The high-tech list names a and c; b, d and e are not high-tech, which is not a gap to send back.
    expect(csv.split("\r\n").filter((l) => l.startsWith("hightech,"))).toEqual([]);

    // The power company corrects its file: revision 3 of power; c's second meter now counts.
    writeFileSync(f("power.csv"), iconv.encode(POWER(c), "gbk"));
    expect((await imp(dir, "power", f("power.csv"))).stdout).toContain("revision 3");
    const history = await cli(["history", dir, "--period", "2025"]);
    expect(history.stdout.split("\n").filter((l) => /^2025\s+power/.test(l)).map((l) => l.split(/ {2,}/)[2])).toEqual(["1", "2", "3"]);

    const scored = await cli(["score", dir, "--period", "2025"]);
    expect(scored.code).toBe(0);
    const runDir = scored.stdout.match(/→ (\S+)/)![1];
    const manifest = JSON.parse(readFileSync(join(runDir, "manifest.json"), "utf8"));
    expect(manifest.revision.sources.map((s: { source: string; revision: number }) => `${s.source} r${s.revision}`)).toEqual(["participants r1", "land r1", "power r3", "tax r1", "stats r1", "hightech r1"]);
    expect(manifest.inputs.map((i: { file: string }) => i.file)).toEqual(["participants", "land", "power", "tax", "stats", "hightech"].map((s) => join("periods", "2025", "sources", s, s === "power" ? "r0003.arrow" : "r0001.arrow")));
    expect(manifest.inputs.every((i: { sha256: string }) => /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
    expect(manifest.warnings.map((w: { code: string }) => w.code)).toContain("intake.lacking");

    writeFileSync(f("merged.csv"), HAND_MERGED);
    writeFileSync(f("plain.yaml"), PLAIN_SCHEME);
    expect((await cli(["score", "--scheme", f("plain.yaml"), "--input", f("merged.csv"), "--out", f("plain")])).code).toBe(0);
    expect(readFileSync(join(runDir, "scores.csv"), "utf8")).toBe(readFileSync(f("plain/scores.csv"), "utf8"));

    // What reports, notebooks and dynamic evaluations read is the same merge, and the run made from it counts.
    const stored = await periodResult(dir, "2025");
    expect(stored.run?.dir).toBe(runDir);
    expect(stored.revision.sources?.find((s) => s.source === "power")?.revision).toBe(3);
    const window = await loadWindow(dir, stored.scheme, ["2025"], []);
    expect(window[0].scores.ids).toEqual(stored.result.ids);

    // The run counts until a source gets a new revision.
    expect((await cli(["history", dir, "--period", "2025"])).stdout).toMatch(/ yes\n/);
    await imp(dir, "hightech", f("hightech.csv"));
    expect((await cli(["history", dir, "--period", "2025"])).stdout).toContain("no run of 2025 counts");

    // The scheme starts reading a column the tax bureau's stored file does not have: the error names the revision and the import that adds it.
    writeFileSync(join(dir, "scheme.yaml"), INTAKE_SCHEME.replace("columns: { 实缴税金(万元): tax }", "columns: { 实缴税金(万元): tax, 滞纳金(万元): late_fees }"));
    const stale = await cli(["score", dir, "--period", "2025"]);
    expect(problem(stale.stderr)).toBe(`tax.csv: column "滞纳金(万元)": revision 1 of source tax has no column "滞纳金(万元)", which the scheme (sources[3]) reads. Fix: import a file that has it: parkscore import ${dir} --period 2025 --source tax FILE; or correct the header under sources[3]`);
  });

  it("says what is wrong with a file in one line naming the file, row, column and fix", async () => {
    const { dir, f } = await dataset();
    const merged = await cli(["import", dir, "--period", "2025", f("tax.csv")]);
    expect(merged.stderr).toMatch(/tax\.csv: the scheme .* merges each period from its departments' files \(participants, land, power, tax, stats, hightech\), so a period is not imported as one file\. Fix: import each department's file as its source: parkscore import .* --period 2025 --source participants FILE/);

    const unknown = await imp(dir, "water", f("tax.csv"));
    expect(unknown.stderr).toMatch(/scheme\.yaml: sources: the scheme has no source "water"; its sources are participants, land, power, tax, stats, hightech \(value "water"\)\. Fix: give --source one of these ids/);

    writeFileSync(f("nokey.csv"), "企业代码,实缴税金(万元)\nX,1\n");
    const nokey = await imp(dir, "tax", f("nokey.csv"));
    expect(problem(nokey.stderr)).toBe(`${f("nokey.csv")}: column "统一社会信用代码": required column "统一社会信用代码" is missing; the headers found are "企业代码", "实缴税金(万元)"; it is the key (credit code) column of source tax (sources[3].key). Fix: deliver the file with this header, or write the file's own header in the scheme (sources[3])`);

    writeFileSync(f("list.csv"), `统一社会信用代码,企业名称\n${a},甲\n`);
    const nocolumn = await imp(dir, "hightech", f("list.csv"));
    expect(problem(nocolumn.stderr)).toBe(`${f("list.csv")}: column "证书编号": required column "证书编号" is missing; the headers found are "统一社会信用代码", "企业名称"; it is a column source hightech reads (sources[5]). Fix: deliver the file with this header, or write the file's own header in the scheme (sources[5])`);

    await land(f("land-bad.xlsx"), [null, 1.5, 0.6, null, null, null]);
    const share = await imp(dir, "land", f("land-bad.xlsx"));
    expect(problem(share.stderr)).toBe(`${f("land-bad.xlsx")}:3: column "分摊比例": a share of a parcel is between 0 and 1 (value "1.5"). Fix: write the enterprise's share as a fraction (0.4 for 40 %), or leave the cell empty for an unshared parcel`);

    writeFileSync(f("stats-text.csv"), FILES["stats.csv"].replace(",50\n", ",many\n"));
    const text = await imp(dir, "stats", f("stats-text.csv"));
    expect(problem(text.stderr)).toBe(`${f("stats-text.csv")}:2: column "从业人员(人)": not a number, and source stats combines this column by max, which needs numbers (value "many"). Fix: write a number such as 1234.5, or leave the cell empty for a missing value; or combine the column by first, count or any (sources[4].columns.从业人员(人))`);

    // A repeated code where the source has no combine rule: stored (nothing is lost), said at once, and scoring refuses.
    await imp(dir, "participants", f("participants.csv"));
    writeFileSync(f("tax-twice.csv"), `${FILES["tax.csv"]}${a},25\n`);
    const twice = await imp(dir, "tax", f("tax-twice.csv"));
    expect(twice.code).toBe(0);
    const line = `tax-twice.csv:2: the code appears on rows 2, 6, with conflicting values: 实缴税金(万元) "24" vs "25", and source tax has no combine rule for 实缴税金(万元) (value "${a}"). Fix: keep one row per enterprise in the file, or give the source (or the column) a combine rule in the scheme (sources[3]: combine: sum, max, min, mean, first, count or any)`;
    expect(twice.stdout).toContain(`1 problem(s) to fix before the period can be scored:\n  ${line}\n`);
    for (const [s, file] of [["land", "land.xlsx"], ["power", "power.csv"], ["stats", "stats.csv"]]) await imp(dir, s, f(file));
    const refused = await cli(["score", dir, "--period", "2025"]);
    expect(refused.code).toBe(1);
    expect(problem(refused.stderr)).toBe(line);
  });
});
