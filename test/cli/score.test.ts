import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../../engine/hash.js";
import { cli, parkscore, ROOT, tempDir, type CliResult } from "./helpers.js";

const DEMO = join(ROOT, "datasets", "demo");
const SCHEME = join(DEMO, "scheme.yaml");
/** A period's files, in the scheme's order of sources. */
const DEPARTMENT_FILES = ["participants.xlsx", "land.xlsx", "power.csv", "tax.xlsx", "stats.csv", "environment.csv", "safety.csv", "hightech.csv"];

function csvRows(file: string): string[][] {
  const text = readFileSync(file, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff); // BOM, so Excel reads Chinese correctly
  return text.slice(1).trimEnd().split("\r\n").map((l) => l.split(","));
}

describe("parkscore demo (npm start)", { timeout: 60_000 }, () => {
  const out = tempDir();
  let r: CliResult;
  beforeAll(async () => {
    r = await cli(["demo", "--out", out]);
  }, 60_000);
  it("scores the latest period and says where the results are", () => {
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("period 2025");
    expect(r.stdout).toMatch(/260 enterprises, \d+ graded, \d+ not graded, \d+ vetoed/); // the rows of 2025/participants.xlsx
    expect(r.stdout).toContain(`results in ${out}/`);
    expect(readdirSync(out).sort()).toEqual([".parkscore", "manifest.json", "scores.arrow", "scores.csv", "weights.csv"]);
  });
  it("writes a ranking whose CSV and Arrow agree, with ranks 1..n and grades A–D", () => {
    const rows = csvRows(join(out, "scores.csv"));
    const header = rows[0];
    expect(header.slice(0, 9)).toEqual(["id", "name", "status", "score", "raw", "rank", "grade", "vetoed", "reasons"]);
    const arrow = tableFromIPC(readFileSync(join(out, "scores.arrow")));
    expect(arrow.numRows).toBe(rows.length - 1);
    const rank = arrow.getChild("rank")!.toArray() as Int32Array;
    const status = arrow.getChild("status")!.toArray() as string[];
    const graded = status.filter((s) => s === "graded").length;
    expect(Math.min(...[...rank].filter((_, i) => status[i] === "graded"))).toBe(1);
    expect(Math.max(...[...rank].filter((_, i) => status[i] === "graded"))).toBeLessThanOrEqual(graded);
    const grades = new Set((arrow.getChild("grade")!.toArray() as string[]).filter(Boolean));
    expect([...grades].sort()).toEqual(["A", "B", "C", "D"]);
  });
  it("records scheme, input and output hashes in the manifest", () => {
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(m.scheme.sha256).toBe(sha256(readFileSync(SCHEME)));
    expect(m.inputs.map((i: { sha256: string }) => i.sha256)).toEqual(DEPARTMENT_FILES.map((f) => sha256(readFileSync(join(DEMO, "2025", f)))));
    expect(m.outputs["scores.csv"]).toBe(sha256(readFileSync(join(out, "scores.csv"))));
    expect(m.parkscore).toMatch(/^\d+\.\d+\.\d+/);
    expect(m.dependencies["apache-arrow"]).toBeTruthy();
    const w = m.weights.reduce((a: number, x: { weight: number }) => a + x.weight, 0);
    expect(w).toBeCloseTo(1, 12);
  });
  it("gives the same bytes on a second run", async () => {
    const again = tempDir();
    expect((await cli(["demo", "--out", again])).code).toBe(0);
    for (const f of ["scores.csv", "scores.arrow", "weights.csv"]) expect(sha256(readFileSync(join(again, f)))).toBe(sha256(readFileSync(join(out, f))));
  });
});

describe("parkscore score on a period's department files, in every delivered format", { timeout: 60_000 }, () => {
  // Each period's folder holds XLSX (participants, land, tax), GBK CSV (power, safety) and UTF-8 CSV with BOM (stats, hightech).
  it.each([
    ["2019", 225],
    ["2023", 244],
  ])("reads %s's files with their Chinese headers: one row per participant (%i)", async (period, participants) => {
    const out = tempDir();
    const r = await cli(["score", "--scheme", SCHEME, "--input", join(DEMO, period), "--out", out, "--lang", "en"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const rows = csvRows(join(out, "scores.csv"));
    expect(rows.length - 1).toBe(participants);
    expect(rows[1][1]).toMatch(/^武安市/);
  });
});

describe("bad input", { timeout: 60_000 }, () => {
  const scheme = join(tempDir(), "s.yaml");
  writeFileSync(scheme, "id: code\nname: name\nindicators:\n  - { id: x, column: x, direction: benefit }\ngrading: { method: bands, bands: { A: 50, B: 0 } }\n");

  it("names file, row, column and value, exits 1, prints no stack trace, and leaves the output folder as it was", async () => {
    const dir = tempDir();
    const input = join(dir, "p.csv");
    writeFileSync(input, "code,name,x\na,甲,1\nb,乙,abc\nc,丙,3\n");
    const out = join(dir, "out");
    mkdirSync(out);
    writeFileSync(join(out, "scores.csv"), "previous results");
    const r = await cli(["score", "--scheme", scheme, "--input", input, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${input}:3`);
    expect(r.stderr).toContain('column "x"');
    expect(r.stderr).toContain('"abc"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out)).toEqual(["scores.csv"]);
    expect(readFileSync(join(out, "scores.csv"), "utf8")).toBe("previous results");
  });
  it("names the missing column, the file and the scheme entry that needs it", async () => {
    const input = join(tempDir(), "p.csv");
    writeFileSync(input, "code,name,y\na,甲,1\n");
    const r = await cli(["score", "--scheme", scheme, "--input", input, "--out", tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(input);
    expect(r.stderr).toContain('"x"');
    expect(r.stderr).toContain("indicators[0].column");
  });
  it("validate reports scheme problems with path and line and exits 1", async () => {
    const bad = join(tempDir(), "bad.yaml");
    writeFileSync(bad, "id: code\nname: name\nindicators:\n  - { id: x, column: x, direction: up }\ngrading: { method: bands, bands: { A: 50, B: 0 } }\n");
    const r = await cli(["validate", "--scheme", bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:4: indicators[0].direction: expected "benefit" or "cost"`);
  });
  it("validate says ok for the demo", async () => {
    const r = await cli(["validate", "--scheme", SCHEME, "--input", join(DEMO, "2025")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok — scheme .*6 indicators; .*2025: 260 rows/);
  });
});

/** The few tests whose point is the process: the program as installed, its exit code and streams. */
describe("parkscore as a process", { timeout: 60_000 }, () => {
  it("runs a whole score: exit 0, nothing on stderr, and the output and bytes of the same command run in this process", async () => {
    const input = join(DEMO, "2025");
    const [spawned, here] = [tempDir(), tempDir()];
    const r = parkscore(["score", "--scheme", SCHEME, "--input", input, "--out", spawned]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const same = await cli(["score", "--scheme", SCHEME, "--input", input, "--out", here]);
    expect(r.stdout.replaceAll(spawned, "OUT")).toBe(same.stdout.replaceAll(here, "OUT"));
    for (const f of ["scores.csv", "scores.arrow", "weights.csv"]) expect(sha256(readFileSync(join(spawned, f))), f).toBe(sha256(readFileSync(join(here, f))));
  });

  it("prints its version with --version and exits 0", () => {
    const r = parkscore(["--version"]);
    expect(r).toEqual({ code: 0, stdout: `${JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version}\n`, stderr: "" });
  });
});
