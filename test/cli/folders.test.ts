/**
 * Every command that writes an output folder replaces it whole or not at all: a failed run leaves
 * the old folder byte-identical, a successful one leaves nothing of it (issue 17, section 3).
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { admitCommand } from "../../cli/commands/admit.js";
import { commitmentsCommand } from "../../cli/commands/commitments.js";
import { compareCommand } from "../../cli/commands/compare.js";
import { dynamicCommand } from "../../cli/commands/dynamic.js";
import { reportCommand } from "../../cli/commands/report.js";
import { scoreCommand } from "../../cli/commands/score.js";
import { sensitivityCommand } from "../../cli/commands/sensitivity.js";
import { snapshot } from "../engine/store/folder-snapshot.js";
import { MERGED_DEMO } from "../merged-demo.js";
import { ROOT, tempDir } from "./helpers.js";
import { inProcess } from "./in-process.js";

const DEMO = join(ROOT, "datasets", "demo");
const SCHEME = MERGED_DEMO.scheme;
const INPUT = MERGED_DEMO.csv(2025);

/** Files a previous run would not have written, in the folder and in a subfolder. */
function plantStale(out: string): void {
  writeFileSync(join(out, "stale.csv"), "from an earlier run");
  mkdirSync(join(out, "old-cards"), { recursive: true });
  writeFileSync(join(out, "old-cards", "E999.html"), "another enterprise's card");
}

async function ok(command: () => Command, args: string[]): Promise<void> {
  const r = await inProcess(command, args);
  expect(r.stderr).not.toMatch(/error/);
  expect(r.code).toBe(0);
}


describe("a second report into the same folder", { timeout: 120_000 }, () => {
  it("leaves exactly what a report into a new folder would: no card, PDF or file of the first", async () => {
    const out = join(tempDir(), "report");
    await ok(reportCommand, [DEMO, "--period", "2025", "--out", out]);
    writeFileSync(join(out, "index.pdf"), "a PDF of the 2025 report");
    writeFileSync(join(out, "cards.pdf"), "cards of 2025");
    const cards2025 = readdirSync(join(out, "enterprises"));
    await ok(reportCommand, [DEMO, "--period", "2021", "--out", out]);
    const fresh = join(tempDir(), "report");
    await ok(reportCommand, [DEMO, "--period", "2021", "--out", fresh]);
    expect(Object.keys(snapshot(out))).toEqual(Object.keys(snapshot(fresh)));
    expect(snapshot(out)).toEqual(snapshot(fresh));
    const cards2021 = readdirSync(join(out, "enterprises"));
    expect(cards2025.filter((c) => !cards2021.includes(c)).length).toBeGreaterThan(0); // enterprises that entered after 2021 are gone
    expect(readdirSync(join(out, ".."))).toEqual(["report"]); // no staging or backup folder left beside it
  });

  it("with --pdf and a Chromium that fails, exits 1 with one line and leaves the old report byte-identical", async () => {
    const out = join(tempDir(), "report");
    await ok(reportCommand, [DEMO, "--period", "2025", "--out", out]);
    writeFileSync(join(out, "index.pdf"), "the PDF handed out");
    const before = snapshot(out);
    const r = await inProcess(reportCommand, [DEMO, "--period", "2024", "--out", out, "--pdf"], { PARKSCORE_CHROMIUM: "/bin/false" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^parkscore: error:\n {2}\/bin\/false: Chromium failed to print the report \(.*\)\. Fix: install Chromium/);
    expect(r.stderr).not.toContain("internal error");
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(join(out, ".."))).toEqual(["report"]);
  });
});

describe.each([
  ["score", scoreCommand, (out: string) => ["--scheme", SCHEME, "--input", INPUT, "--out", out]],
  ["compare", compareCommand, (out: string) => ["--scheme", SCHEME, "--input", INPUT, "--methods", "weighted-sum,topsis", "--out", out]],
  ["dynamic", dynamicCommand, (out: string) => [DEMO, "--from", "2023", "--to", "2025", "--out", out]],
  ["sensitivity", sensitivityCommand, (out: string) => [DEMO, "--period", "2025", "--samples", "4", "--sobol-samples", "0", "--workers", "0", "--no-leave-one-out", "--out", out]],
  ["admit", admitCommand, (out: string) => ["--standard", join(ROOT, "datasets", "standards", "local", "wuan-parks-demo.yaml"), "--input", join(DEMO, "applicants.csv"), "--out", out]],
  ["commitments", commitmentsCommand, (out: string) => [DEMO, "--period", "2025", "--out", out]],
] as const)("%s --out", { timeout: 120_000 }, (_name, command, args) => {
  it("replaces the folder whole: a second run leaves nothing of the first", async () => {
    const out = join(tempDir(), "out");
    await ok(command, args(out));
    plantStale(out);
    await ok(command, args(out));
    const fresh = join(tempDir(), "out");
    await ok(command, args(fresh));
    expect(Object.keys(snapshot(out))).toEqual(Object.keys(snapshot(fresh)));
    expect(readdirSync(join(out, ".."))).toEqual(["out"]);
  });

  it("never wipes a folder it did not write", async () => {
    const mine = join(tempDir(), "documents");
    mkdirSync(mine);
    writeFileSync(join(mine, "thesis.docx"), "years of work");
    const r = await inProcess(command, args(mine));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("holds files parkscore did not write (thesis.docx)");
    expect(readdirSync(mine)).toEqual(["thesis.docx"]);
  });
});

describe("a failed run leaves an existing folder byte-identical", { timeout: 120_000 }, () => {
  const bad = join(tempDir(), "bad.csv");
  writeFileSync(bad, "企业代码,企业名称\nx,y\n");
  it.each([
    ["score", scoreCommand, (out: string) => ["--scheme", SCHEME, "--input", INPUT, "--out", out], (out: string) => ["--scheme", SCHEME, "--input", bad, "--out", out]],
    ["dynamic", dynamicCommand, (out: string) => [DEMO, "--from", "2024", "--to", "2025", "--out", out], (out: string) => [DEMO, "--from", "2024", "--to", "2025", "--lambda", "7", "--out", out]],
    [
      "sensitivity",
      sensitivityCommand,
      (out: string) => [DEMO, "--period", "2025", "--samples", "4", "--sobol-samples", "0", "--workers", "0", "--no-leave-one-out", "--out", out],
      (out: string) => ["--scheme", SCHEME, "--input", bad, "--samples", "4", "--workers", "0", "--out", out],
    ],
  ] as const)("%s", async (_name, command, good, failing) => {
    const out = join(tempDir(), "out");
    await ok(command, good(out));
    const before = snapshot(out);
    const r = await inProcess(command, failing(out));
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain("internal error");
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(join(out, ".."))).toEqual(["out"]);
  });
});
