import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { timeWeights } from "../../engine/dynamic/time-weights.js";
import { cli, ROOT, tempDir, type CliResult } from "./helpers.js";

const DEMO = join(ROOT, "datasets", "demo");
const rows = (file: string) => readFileSync(file, "utf8").slice(1).trimEnd().split("\r\n").map((l) => l.split(","));

describe("parkscore dynamic on the demo dataset", { timeout: 60_000 }, () => {
  const out = tempDir();
  let r: CliResult;
  beforeAll(async () => {
    r = await cli(["dynamic", DEMO, "--from", "2021", "--to", "2025", "--lambda", "0.3", "--growth", "0.3", "--out", out]);
  }, 60_000);
  it("combines five periods and ranks the result", () => {
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("dynamic evaluation of 2021–2025 (5 periods)");
    const t = rows(join(out, "dynamic.csv"));
    expect(t[0]).toEqual(["id", "name", "score", "rank", "grade", "periods_used", "trend", "level", "growth", "score.2021", "score.2022", "score.2023", "score.2024", "score.2025"]);
    const ranked = t.slice(1).filter((x) => x[3] !== "");
    expect(ranked.length).toBeGreaterThan(150);
    expect(Math.min(...ranked.map((x) => Number(x[3])))).toBe(1);
    for (const x of ranked) expect(Number(x[5])).toBeGreaterThanOrEqual(1);
  });
  it("writes the time weights it used", () => {
    const w = rows(join(out, "time-weights.csv")).slice(1);
    expect(w.map((x) => x[0])).toEqual(["2021", "2022", "2023", "2024", "2025"]);
    const expected = timeWeights(5, 0.3);
    w.forEach((x, k) => expect(Number(x[1])).toBe(expected[k]));
  });
  it("combines each enterprise's period scores with renormalised weights (level = Σω S / Σω over its periods)", () => {
    const t = rows(join(out, "dynamic.csv"));
    const w = timeWeights(5, 0.3);
    for (const x of t.slice(1, 40)) {
      const s = x.slice(9).map(Number);
      const have = s.map((v, k) => (x[9 + k] === "" ? 0 : w[k]));
      const total = have.reduce((a, b) => a + b, 0);
      if (total === 0) continue;
      const level = s.reduce((a, v, k) => a + (have[k] ? have[k] * v : 0), 0) / total;
      expect(Number(x[7])).toBeCloseTo(level, 9);
    }
  });
  it("lists movement, grade transitions and entries/exits", () => {
    const m = rows(join(out, "movement.csv"));
    expect(m[0]).toEqual(["id", "name", "period", "score", "rank", "rank_change", "grade", "previous_grade", "grade_change", "periods_in_grade", "trend"]);
    const t = rows(join(out, "transitions.csv"));
    expect(t[0]).toEqual(["from 2021 \\ to 2025", "A", "B", "C", "D", "share.A", "share.B", "share.C", "share.D"]);
    const e = rows(join(out, "entries-exits.csv")).slice(1);
    expect(e.some((x) => x[1] === "entry")).toBe(true);
    expect(e.some((x) => x[1] === "exit")).toBe(true);
  });
});

describe("dynamic with scatter-degree weights", { timeout: 60_000 }, () => {
  it("weights the indicators over the cube of periods and says so", async () => {
    const dir = join(tempDir(), "ds");
    cpSync(DEMO, dir, { recursive: true });
    const scheme = readFileSync(join(dir, "scheme.yaml"), "utf8").replace("weighting: { method: expert }", "weighting: { method: scatter-degree }");
    writeFileSync(join(dir, "scheme.yaml"), scheme);
    const out = tempDir();
    const r = await cli(["dynamic", dir, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const w = rows(join(out, "weights.csv")).slice(1);
    expect(w.length).toBe(6);
    expect(w.reduce((a, x) => a + Number(x[1]), 0)).toBeCloseTo(1, 12);
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(m.periods).toEqual(["2019", "2020", "2021", "2022", "2023", "2024", "2025"]);
  });
});

describe("parkscore warnings and time-weights", { timeout: 60_000 }, () => {
  it("lists warnings for leadership", async () => {
    const r = await cli(["warnings", DEMO, "--period", "2025"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warning\(s\) for 2025/);
    expect(r.stdout).toMatch(/repeated-worst .* in D for \d+ consecutive periods/);
  });
  it("prints the published example p = 3, λ = 0.3 → 0.1540, 0.2921, 0.5540", async () => {
    const r = await cli(["time-weights", "--periods", "3", "--lambda", "0.3"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1\s+0\.1540/);
    expect(r.stdout).toMatch(/2\s+0\.2921/);
    expect(r.stdout).toMatch(/3\s+0\.5540/);
  });
});
