import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MERGED_DEMO } from "../merged-demo.js";
import { cli, tempDir } from "./helpers.js";

describe("parkscore compare", { timeout: 60_000 }, () => {
  it("writes every method's score, rank and grade per enterprise and the rank agreement", async () => {
    const out = tempDir();
    const r = await cli(["compare", "--scheme", MERGED_DEMO.scheme, "--input", MERGED_DEMO.csv(2025), "--methods", "topsis,vikor,grey-relational,weighted-sum", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/rank agreement over \d+ graded enterprises/);
    const lines = readFileSync(join(out, "compare.csv"), "utf8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "id,name,status," + ["topsis", "vikor", "grey-relational", "weighted-sum"].map((m) => `score.${m},rank.${m},grade.${m}`).join(","),
    );
    expect(lines.length - 1).toBe(260); // the demo's 2025: 260 participants (datasets/demo/README.md)
    const agreement = readFileSync(join(out, "agreement.csv"), "utf8").slice(1).trimEnd().split("\r\n");
    expect(agreement[0]).toBe("method_a,method_b,n,spearman,weighted_spearman,ws");
    expect(agreement.length - 1).toBe(6); // 4 methods → 6 pairs
    for (const line of agreement.slice(1)) {
      const [, , n, rho, rw] = line.split(",");
      expect(Number(n)).toBeGreaterThan(100);
      expect(Math.abs(Number(rho))).toBeLessThanOrEqual(1);
      expect(Number(rw)).toBeLessThanOrEqual(1);
    }
  });
  it("refuses an unknown method, listing the known ones", async () => {
    const r = await cli(["compare", "--scheme", MERGED_DEMO.scheme, "--input", MERGED_DEMO.csv(2025), "--methods", "topsis,electre", "--out", tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown method(s): electre");
    expect(r.stderr).toContain("weighted-sum, topsis, weighted-product, vikor, grey-relational, rank-sum-ratio");
  });
});
