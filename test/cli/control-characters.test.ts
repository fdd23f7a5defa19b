/**
 * Control characters in the data never reach the terminal raw (issue 17, section 4): names holding
 * ESC, BEL, CR, LF, DEL and C1 controls go through every command that prints them, and come out
 * escaped; an id holding one is refused at import.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { beforeAll, describe, expect, it } from "vitest";
import { admitCommand } from "../../cli/commands/admit.js";
import { commitmentsCommand } from "../../cli/commands/commitments.js";
import { dynamicCommand } from "../../cli/commands/dynamic.js";
import { historyCommand } from "../../cli/commands/history.js";
import { importCommand } from "../../cli/commands/import.js";
import { reportCommand } from "../../cli/commands/report.js";
import { scoreCommand } from "../../cli/commands/score.js";
import { validateCommand } from "../../cli/commands/validate.js";
import { warningsCommand } from "../../cli/commands/warnings.js";
import { initDataset } from "../../engine/store/dataset.js";
import { MERGED_DEMO } from "../merged-demo.js";
import { ROOT, tempDir } from "./helpers.js";
import { inProcess } from "./in-process.js";
import { RAW_CONTROL } from "./raw-control.js";

const DEMO = join(ROOT, "datasets", "demo");
const SCHEME = MERGED_DEMO.scheme;
/** Clears the screen, rings, returns to the start of the line, starts a new one, and opens a C1 sequence. */
const EVIL = "\u001b[2J\u0007\r\nFAKE\u007f\u009b31m\u202e";

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A CSV file with every value of the named columns (by header) given EVIL. */
function poisoned(src: string, headers: string[], to = join(tempDir(), "p.csv")): string {
  const [head, ...rows] = readFileSync(src, "utf8").replace(/^\uFEFF/, "").trimEnd().split("\n");
  const cols = headers.map((h) => head.split(",").indexOf(h));
  writeFileSync(to, [head, ...rows.map((r) => r.split(",").map((c, j) => quote(cols.includes(j) ? `${c}${EVIL}` : c)).join(","))].join("\n") + "\n");
  return to;
}

async function clean(command: () => Command, args: string[], env: Record<string, string> = {}): Promise<string> {
  const r = await inProcess(command, args, env);
  expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
  expect(r.stderr).not.toContain("internal error");
  return r.stdout + r.stderr;
}

describe("names with control characters", { timeout: 180_000 }, () => {
  let dir: string;
  const file = join(tempDir(), "2025\u001b[31m.csv"); // a file name can hold them too
  beforeAll(async () => {
    dir = join(tempDir(), "ds");
    initDataset(dir);
    copyFileSync(SCHEME, join(dir, "scheme.yaml"));
    poisoned(MERGED_DEMO.csv(2025), ["企业名称"], file);
    for (const p of ["2021", "2022"]) await clean(importCommand, [dir, poisoned(MERGED_DEMO.csv(p), ["企业名称"]), "--period", p]);
    const out = await clean(importCommand, [dir, file, "--period", "2025"], { PARKSCORE_USER: "ev\u001bil" });
    expect(out).toContain("2025\\x1b[31m.csv");
  });

  it("history", async () => {
    const out = await clean(historyCommand, [dir]);
    expect(out).toContain("2025\\x1b[31m.csv");
    expect(out).toContain("ev\\x1bil");
  });
  it("score --input, and validate", async () => {
    const out = await clean(scoreCommand, ["--scheme", SCHEME, "--input", file, "--out", join(tempDir(), "o")]);
    expect(out).toContain("\\x1b[2J\\x07\\x0d\\x0aFAKE\\x7f\\x9b31m\\u202e");
    await clean(validateCommand, ["--scheme", SCHEME, "--input", file]);
  });
  it("score DIR, warnings, dynamic", async () => {
    await clean(scoreCommand, [dir, "--all"]);
    expect(await clean(warningsCommand, [dir, "--period", "2025"])).toContain("\\x1b[2J");
    expect(await clean(dynamicCommand, [dir, "--out", join(tempDir(), "d")])).toContain("\\x1b[2J");
  });
  it("report", async () => {
    await clean(reportCommand, [dir, "--period", "2025", "--out", join(tempDir(), "r")]);
  });
  it("commitments", async () => {
    const contracts = poisoned(join(DEMO, "contracts.csv"), ["企业名称", "合同编号"], join(tempDir(), "contracts.csv"));
    expect(await clean(commitmentsCommand, [dir, "--period", "2025", "--contracts", contracts, "--out", join(tempDir(), "c")])).toContain("\\x1b[2J");
  });
  it("admit", async () => {
    const applicants = poisoned(join(DEMO, "applicants.csv"), ["项目名称"]);
    const standard = join(ROOT, "datasets", "standards", "local", "wuan-parks-demo.yaml");
    expect(await clean(admitCommand, ["--standard", standard, "--input", applicants, "--out", join(tempDir(), "a")])).toContain("\\x1b[2J");
  });
});

describe("values with control characters in errors", { timeout: 60_000 }, () => {
  it("an error that echoes a bad value shows it escaped", async () => {
    const bad = poisoned(MERGED_DEMO.csv(2025), ["税收(万元)"]);
    const out = await clean(scoreCommand, ["--scheme", SCHEME, "--input", bad, "--out", join(tempDir(), "o")]);
    expect(out).toMatch(/税收\(万元\).*\\x1b\[2J/);
  });
  it("import refuses an id holding a control character, naming file, row and column", async () => {
    const dir = join(tempDir(), "ds");
    initDataset(dir);
    copyFileSync(SCHEME, join(dir, "scheme.yaml"));
    const bad = poisoned(MERGED_DEMO.csv(2025), ["企业代码"]);
    const r = await inProcess(importCommand, [dir, bad, "--period", "2025"]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toMatch(new RegExp(`${bad}:2: column "企业代码": the 企业代码 holds a control character`));
  });
});
