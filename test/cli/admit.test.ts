import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers.js";

describe("parkscore admit", { timeout: 60_000 }, () => {
  it("screens the demo applicants: decisions, checks, xlsx and self-contained HTML", async () => {
    const out = tempDir();
    const r = await cli(["admit", "--standard", "datasets/standards/local/wuan-parks-demo.yaml", "--input", "datasets/demo/applicants.csv", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("admit 3 · admit-with-conditions 2 · incomplete 3 · reject 5");
    const csv = readFileSync(join(out, "admission.csv"), "utf8");
    const line = (id: string) => csv.split("\r\n").find((l) => l.startsWith(id))!;
    expect(line("SQ2025-01")).toContain(",admit,");
    expect(line("SQ2025-02")).toContain(",admit-with-conditions,");
    expect(line("SQ2025-03")).toContain(",reject,");
    expect(line("SQ2025-04")).toContain("属禁止类产业 31");
    expect(line("SQ2025-07")).toContain(",incomplete,");
    expect(line("SQ2025-13")).toContain(",admit,"); // every value exactly at its threshold
    const checks = readFileSync(join(out, "checks.csv"), "utf8");
    expect(checks).toContain("SQ2025-03,investment_intensity,投资强度,mandatory,fail,不通过,>=,200,180,万元/亩,-20,-10,36,GB/T 4754-2017,unknown,");
    expect(existsSync(join(out, "admission.xlsx"))).toBe(true);
    const pages = readdirSync(join(out, "applicants"));
    expect(pages).toHaveLength(13);
    for (const f of ["report.html", ...pages.map((p) => join("applicants", p))]) {
      const html = readFileSync(join(out, f), "utf8");
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    }
  });
  it("refuses a missing standard file with a clear message", async () => {
    const r = await cli(["admit", "--standard", "nope.yaml", "--input", "datasets/demo/applicants.csv", "--out", tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("nope.yaml");
    expect(r.stderr).not.toContain("    at ");
  });
});
