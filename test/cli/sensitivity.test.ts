import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { MERGED_DEMO } from "../merged-demo.js";
import { cli, programArgs, ROOT, tempDir, type CliResult } from "./helpers.js";

const SCHEME = MERGED_DEMO.scheme;
const INPUT = MERGED_DEMO.csv(2025);
const ARGS = ["--scheme", SCHEME, "--input", INPUT, "--samples", "40", "--sobol-samples", "20", "--seed", "7", "--weight-noise", "0.2", "--aggregation", "weighted-sum,topsis", "--bootstrap", "100"];
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

describe("parkscore sensitivity", { timeout: 60_000 }, () => {
  const one = tempDir();
  const two = tempDir();
  let r1: CliResult;
  let r2: CliResult;
  // The compiled program, whose worker threads boot from JavaScript (helpers.ts `compiled`).
  beforeAll(async () => {
    r1 = await cli(["sensitivity", ...ARGS, "--out", one, "--workers", "1"], {}, "compiled");
    r2 = await cli(["sensitivity", ...ARGS, "--out", two, "--workers", "2"], {}, "compiled");
  }, 120_000);

  it("writes the rank intervals, Sobol indices, leave-one-out, the chart spec and a manifest", () => {
    expect(r1.stderr).not.toMatch(/error/);
    expect(r1.code).toBe(0);
    expect(readdirSync(one).sort()).toEqual([".parkscore", "leave-one-out.csv", "manifest.json", "rank-intervals.arrow", "rank-intervals.csv", "rank-intervals.vl.json", "sobol.csv"]);
    const header = readFileSync(join(one, "rank-intervals.csv"), "utf8").replace(/^\uFEFF/, "").split("\r\n")[0];
    expect(header).toBe("id,name,rank_nominal,rank_median,rank_p05,rank_p95,rank_mean,grade_nominal,grade_share_A,grade_share_B,grade_share_C,grade_share_D,grade_stability,ranked_share");
    expect(readFileSync(join(one, "sobol.csv"), "utf8")).toMatch(/\nweights,.*\r\naggregation,/);
    expect(r1.stdout).toMatch(/40 Monte Carlo samples, Sobol design of 20 × 4 \(100 scorings, seed 7\)/);
  });

  it("records seed, samples, the scheme's and input's hashes and every output's hash", () => {
    const m = JSON.parse(readFileSync(join(one, "manifest.json"), "utf8"));
    expect(m).toMatchObject({ command: "sensitivity", seed: 7, samples: 40, sobolSamples: 20, scorings: 100, factors: ["weights", "aggregation"] });
    expect(m.scheme.sha256).toBe(sha(SCHEME));
    expect(m.inputs[0].sha256).toBe(sha(INPUT));
    for (const [name, hash] of Object.entries(m.outputs)) expect(sha(join(one, name))).toBe(hash);
    expect(m.uncertainty.weights).toEqual({ mode: "uniform", noise: 0.2, levels: ["categories", "indicators"] });
  });

  it("gives the same bytes with one worker thread or two", () => {
    expect(r2.code).toBe(0);
    for (const f of ["rank-intervals.csv", "rank-intervals.arrow", "sobol.csv", "leave-one-out.csv", "rank-intervals.vl.json"]) expect(sha(join(two, f)), f).toBe(sha(join(one, f)));
  });

  it("reads a dataset's stored period (DIR --period P, as score and report take it), with the dataset's scheme", async () => {
    const out = tempDir();
    const r = await cli(["sensitivity", join(ROOT, "datasets", "demo"), "--period", "2025", "--samples", "10", "--sobol-samples", "0", "--workers", "0", "--dirichlet", "50", "--no-leave-one-out", "--out", out]);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, "leave-one-out.csv"), "utf8").trim()).toBe("indicator,mean_abs_rank_shift,max_abs_rank_shift,grade_changes,note");
  }, 60_000);

  it("names a wrong flag value and the accepted ones, writes nothing, and prints no stack trace", async () => {
    const out = join(tempDir(), "never");
    const r = await cli(["sensitivity", ...ARGS, "--normalize", "minmax,fancy", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/uncertainty\.normalize\[1\] \(scheme or --normalize\): expected one of "scheme", "minmax"/);
    expect(r.stderr).not.toMatch(/ at .*\.ts:\d+/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("stops on Ctrl-C with a clear message and writes nothing", async () => {
    const out = join(tempDir(), "interrupted");
    const child = spawn(process.execPath, programArgs(["sensitivity", ...ARGS, "--samples", "1000000", "--workers", "1", "--out", out]), { cwd: ROOT });
    let stderr = "";
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on("data", (d) => {
        stderr += d;
        if (/scorings of/.test(stderr) && !child.killed) setTimeout(() => child.kill("SIGINT"), 500);
      });
      child.on("exit", (c) => resolve(c));
    });
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted after \d+ of \d+ scorings; nothing was written/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
