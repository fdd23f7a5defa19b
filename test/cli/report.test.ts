import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cli, ROOT, tempDir } from "./helpers.js";

const DEMO = join(ROOT, "datasets", "demo");

describe("parkscore report", { timeout: 60_000 }, () => {
  it("writes index.html, one card per enterprise and league.xlsx", async () => {
    const out = join(tempDir(), "report");
    const r = await cli(["report", DEMO, "--period", "2025", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // datasets/demo/README.md, 2025: 260 participants, 36 not gradable
    expect(r.stdout).toMatch(/report of 2025 \(224 graded of 260\) written to/);
    const index = readFileSync(join(out, "index.html"), "utf8");
    expect(index).toContain('<html lang="zh-CN">');
    expect(readdirSync(join(out, "enterprises")).filter((f) => f.endsWith(".html"))).toHaveLength(260);
    // every link from the table opens a card that exists
    for (const [, href] of index.matchAll(/href="(enterprises\/[^"]+)"/g)) expect(existsSync(join(out, href))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, "league.xlsx")) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["全部", "东山创意产业园区", "广耀创新产业园区", "评价方法"]);
    expect(wb.worksheets[0].rowCount).toBe(1 + 224); // a header, then the graded
  });

  it("speaks English with --lang en and refuses another language", async () => {
    const out = join(tempDir(), "report");
    expect((await cli(["report", DEMO, "--period", "2025", "--out", out, "--lang", "en"])).code).toBe(0);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("Enterprises graded");
    const bad = await cli(["report", DEMO, "--period", "2025", "--out", out, "--lang", "fr"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("use --lang zh or --lang en");
  });

  it("says how to install Chromium when --pdf cannot find it, before doing any work", async () => {
    const out = join(tempDir(), "report");
    const r = await cli(["report", DEMO, "--period", "2025", "--out", out, "--pdf"], { PARKSCORE_CHROMIUM: "/nonexistent/chromium" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("apt-get install chromium fonts-noto-cjk");
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(out, "index.html"))).toBe(false);
  });

  it("names a period that is not stored", async () => {
    const r = await cli(["report", DEMO, "--period", "1999", "--out", join(tempDir(), "x")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1999/);
  });
});
