/**
 * What the user can cause is an error the user can act on: one message naming the path and the
 * fix, exit 1, never a stack trace nor "internal error … this is a bug". The file system's refusals
 * are simulated (node:fs mocked for one folder), so the tests hold whoever runs them, root included.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MERGED_DEMO } from "../merged-demo.js";
import { cli, programArgs, ROOT, tempDir, type CliResult } from "./helpers.js";

const refuse = vi.hoisted(() => ({ under: "", code: "" }));

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const check = (syscall: string, path: unknown) => {
    if (refuse.under && typeof path === "string" && resolve(path).startsWith(refuse.under))
      throw Object.assign(new Error(`${refuse.code}: refused, ${syscall} '${path}'`), { code: refuse.code, syscall, path, errno: -1 });
  };
  const guarded = <K extends "mkdirSync" | "renameSync" | "writeFileSync" | "mkdtempSync" | "cpSync" | "rmSync">(name: K, syscall: string) =>
    ((...args: unknown[]) => {
      check(syscall, args[0]);
      return (fs[name] as (...a: unknown[]) => unknown)(...args);
    }) as (typeof fs)[K];
  const writing = {
    mkdirSync: guarded("mkdirSync", "mkdir"),
    renameSync: guarded("renameSync", "rename"),
    writeFileSync: guarded("writeFileSync", "open"),
    mkdtempSync: guarded("mkdtempSync", "mkdtemp"),
    cpSync: guarded("cpSync", "copyfile"),
    rmSync: guarded("rmSync", "rm"),
    openSync: ((path: unknown, flags?: unknown, mode?: unknown) => {
      if (flags !== undefined && flags !== "r") check("open", path);
      return fs.openSync(path as string, flags as string, mode as number);
    }) as typeof fs.openSync,
  };
  return { ...fs, ...writing, default: { ...fs, ...writing } };
});

/** The computer's memory as sensitivity sees it, when a test sets it. */
const memory = vi.hoisted(() => ({ bytes: 0 }));
vi.mock("node:os", async (importOriginal) => {
  const os = await importOriginal<typeof import("node:os")>();
  const totalmem = () => memory.bytes || os.totalmem();
  return { ...os, totalmem, default: { ...os, totalmem } };
});

afterEach(() => {
  refuse.under = "";
  memory.bytes = 0;
});

const DEMO = join(ROOT, "datasets", "demo");
const SCHEME = MERGED_DEMO.scheme;
const CSV = MERGED_DEMO.csv(2025);
/** A department's file to import into a copy of the demo (its scheme takes each period by department). */
const importList = (ds: string, period: string) => ["import", ds, "--period", period, "--source", "participants", join(DEMO, "2025", "participants.xlsx")];

/** A copy of the demo dataset, to refuse writes into. */
function demoCopy(): string {
  const dir = join(tempDir(), "ds");
  cpSync(DEMO, dir, { recursive: true });
  return dir;
}

/** One error, naming the path and a fix; exit 1; no stack trace, no "internal error". */
function expectActionable(r: CliResult, path: string, what: RegExp): void {
  expect(r.stderr).not.toMatch(/internal error|this is a bug/);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(r.stderr).toMatch(/(^|\n)parkscore: error:\n {2}\S/);
  expect(r.stderr).toContain(path);
  expect(r.stderr).toMatch(what);
  expect(r.stderr).toMatch(/Fix: \w/);
  expect(r.code).toBe(1);
}

describe("a folder the user may not write (EACCES, EPERM, EROFS) or a full disk (ENOSPC)", { timeout: 60_000 }, () => {
  const out = () => resolve(tempDir(), "out");
  const cases: [string, (o: string) => string[]][] = [
    ["score --input", (o) => ["score", "--scheme", SCHEME, "--input", CSV, "--out", o]],
    ["compare", (o) => ["compare", "--scheme", SCHEME, "--input", CSV, "--methods", "weighted-sum,topsis", "--out", o]],
    ["dynamic", (o) => ["dynamic", DEMO, "--from", "2024", "--to", "2025", "--out", o]],
    ["report", (o) => ["report", DEMO, "--period", "2025", "--out", o]],
    ["sensitivity", (o) => ["sensitivity", DEMO, "--period", "2025", "--samples", "4", "--sobol-samples", "0", "--workers", "0", "--no-leave-one-out", "--out", o]],
    ["admit", (o) => ["admit", "--standard", join(ROOT, "datasets", "standards", "local", "wuan-parks-demo.yaml"), "--input", join(DEMO, "applicants.csv"), "--out", o]],
    ["commitments", (o) => ["commitments", DEMO, "--period", "2025", "--out", o]],
    ["demo", (o) => ["demo", "--out", o]],
    ["init", (o) => ["init", o]],
  ];
  for (const [name, args] of cases)
    for (const code of ["EACCES", "EROFS", "ENOSPC"])
      it(`${name}: ${code} into the output folder`, async () => {
        const o = out();
        // the folder it is in: an output folder is built beside its target, and a read-only or full disk refuses both
        refuse.under = dirname(o);
        refuse.code = code;
        const r = await cli(args(o));
        expectActionable(r, o, code === "ENOSPC" ? /full|space/ : /permission|read-only|cannot write/);
        refuse.under = "";
        expect(existsSync(o)).toBe(false);
      }, 60_000);

  for (const code of ["EACCES", "EPERM", "EROFS"]) {
    it(`import and score into a read-only dataset (${code}) say so and change nothing`, async () => {
      const ds = demoCopy();
      refuse.under = ds;
      refuse.code = code;
      expectActionable(await cli(importList(ds, "2026")), ds, /permission|read-only|cannot write/);
      expectActionable(await cli(["score", ds, "--period", "2025"]), ds, /permission|read-only|cannot write/);
      refuse.under = "";
      expect(existsSync(join(ds, "periods", "2026"))).toBe(false);
    }, 60_000);
  }
});

describe("period names", { timeout: 60_000 }, () => {
  it("a 300-character period is refused at import with the rule, before anything is written", async () => {
    const ds = demoCopy();
    const r = await cli(importList(ds, "p".repeat(300)));
    expect(r.stderr).toContain("is 300 characters long, more than 64");
    expect(r.stderr).toMatch(/Fix: a period name is 1–64 letters, digits, '\.', '_' or '-'/);
    expect(r.stderr).not.toMatch(/internal error|ENAMETOOLONG/);
    expect(r.code).toBe(1);
  });

  it.each([
    ["2025 Q1", "has characters a folder name cannot portably hold"],
    ["CON", "is a name Windows reserves for a device"],
    ["com1.2025", "is a name Windows reserves for a device"],
    ["2025.", "ends with '.'"],
  ])("%s is refused: %s", async (period, why) => {
    const r = await cli(importList(demoCopy(), period));
    expect(r.stderr).toContain(why);
    expect(r.code).toBe(1);
  });

  it("a period differing from a stored one only in case is refused (one folder on Windows and macOS)", async () => {
    const ds = demoCopy();
    expect((await cli(importList(ds, "2025Q1"))).code).toBe(0);
    expect((await cli(importList(ds, "2025Q1"))).code).toBe(0); // the same name: a new revision
    const clash = await cli(importList(ds, "2025q1"));
    expect(clash.stderr).toContain('the period name "2025q1" differs from the stored period "2025Q1" only in case: the two would be one folder on Windows and macOS. Fix: import it as period 2025Q1');
    expect(clash.code).toBe(1);
    expect(existsSync(join(ds, "periods", "2025q1"))).toBe(false);
  });

  it("a 64-character period is accepted", async () => {
    const ds = demoCopy();
    const r = await cli(importList(ds, "p".repeat(64)));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(existsSync(join(ds, "periods", "p".repeat(64), "sources", "participants", "r0001.arrow"))).toBe(true);
  });

  it("a name too long for the file system elsewhere (an --out folder) is named, with the fix", async () => {
    const o = join(tempDir(), "x".repeat(300));
    const r = await cli(["score", "--scheme", SCHEME, "--input", CSV, "--out", o]);
    expectActionable(r, "x".repeat(300), /too long|ENAMETOOLONG/);
  });
});

describe("a YAML alias bomb in a scheme", { timeout: 60_000 }, () => {
  it("is refused as a scheme error naming the file, quickly and without exhausting memory", async () => {
    const levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let k = 1; k < 9; k++) {
      const prev = String.fromCharCode(96 + k);
      const name = String.fromCharCode(97 + k);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    const file = join(tempDir(), "bomb.yaml");
    writeFileSync(file, [...levels, "id: code", "name: name", "indicators: *i", ""].join("\n"));
    const started = Date.now();
    const r = await cli(["validate", "--scheme", file]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.stderr).toContain(`${file}: its YAML aliases (*name) repeat aliases beyond the limit of 100`);
    expect(r.stderr).toMatch(/Fix: write the repeated parts out/);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
  });
});

describe("numeric flags", { timeout: 60_000 }, () => {
  const sens = (...flags: string[]) => cli(["sensitivity", DEMO, "--period", "2025", ...flags, "--out", join(tempDir(), "never")]);

  it.each([
    [["--samples", "1e9"], '--samples must be a whole number from 1 to 1,000,000, not "1e9" (every sample keeps each enterprise\'s rank in memory'],
    [["--samples", "2.5"], '--samples must be a whole number from 1 to 1,000,000, not "2.5"'],
    [["--samples", "NaN"], '--samples must be a whole number from 1 to 1,000,000, not "NaN"'],
    [["--samples", "-5"], '--samples must be a whole number from 1 to 1,000,000, not "-5"'],
    [["--sobol-samples", "1e7"], '--sobol-samples must be a whole number from 0 to 1,000,000, not "1e7"'],
    [["--bootstrap", "3"], '--bootstrap must be a whole number from 10 to 100,000, not "3"'],
    [["--seed", "1e300"], '--seed must be a whole number from 0 to 9,007,199,254,740,991, not "1e300"'],
    [["--workers", "-1"], '--workers must be a whole number ≥ 0, not "-1"'],
    [["--weight-noise", "lots"], '--weight-noise must be a number, not "lots"'],
  ])("sensitivity %j: %s", async (flags, message) => {
    const r = await sens(...flags);
    expect(r.stderr).toContain(message);
    expect(r.code).toBe(1);
  });

  it("sensitivity refuses, up front, samples whose ranks would not fit in half the memory, naming the most that fit", async () => {
    memory.bytes = 2 ** 30; // 1 GiB: half is 536,870,912 bytes
    const r = await sens("--samples", "600000", "--sobol-samples", "0");
    // 260 enterprises (the demo's 2025) × 5 bytes per sample, plus 8 bytes per scoring: 600000 · 1308 B = 0.73 GiB; ⌊(2^29 − 600000 · 8) / 1300⌋ = 409,285
    expect(r.stderr).toContain("--samples 600000 would keep 0.73 GB of ranks and grades for 260 enterprises, more than half of this computer's 1.00 GB of memory. Fix: give --samples 409,285 or fewer");
    expect(r.stderr).not.toContain("scorings of");
    expect(r.code).toBe(1);
  });

  it("sensitivity --workers 1000 runs on as many threads as there are CPUs, with a one-line note", async () => {
    const { availableParallelism } = await import("node:os");
    const out = join(tempDir(), "s");
    const r = await cli(["sensitivity", DEMO, "--period", "2025", "--samples", "4", "--sobol-samples", "0", "--workers", "1000", "--no-leave-one-out", "--out", out]);
    const cpus = availableParallelism();
    expect(r.stderr.split("\n")[0]).toBe(`note: --workers 1000 is more than the ${cpus} CPU(s) here; using ${cpus}`);
    expect(r.code).toBe(0);
    expect(JSON.parse((await import("node:fs")).readFileSync(join(out, "manifest.json"), "utf8")).workers).toBe(cpus);
  }, 60_000);

  it.each([
    [["time-weights", "--periods", "1e9x"], '--periods must be a whole number ≥ 1, not "1e9x"'],
    [["time-weights", "--periods", "2.5"], '--periods must be a whole number ≥ 1, not "2.5"'],
    [["time-weights", "--periods", "3", "--lambda", "abc"], '--lambda must be a number from 0 to 1, not "abc"'],
    [["warnings", DEMO, "--period", "2025", "--falling", "-1"], '--falling must be a whole number ≥ 1, not "-1"'],
    [["dynamic", DEMO, "--growth", "2", "--out", "never"], '--growth must be a number from 0 to 1, not "2"'],
    [["dynamic", DEMO, "--min-periods", "0.5", "--out", "never"], '--min-periods must be a whole number ≥ 1, not "0.5"'],
    [["score", "--scheme", SCHEME, "--input", CSV, "--out", "never", "--top", "ten"], '--top must be a whole number ≥ 0, not "ten"'],
  ])("%j: %s", async (args, message) => {
    const r = await cli(args);
    expect(r.stderr).toContain(message);
    expect(r.code).toBe(1);
  });
});

describe("a reader that closes the pipe (parkscore … | head)", { timeout: 60_000 }, () => {
  it("ends the command quietly with exit 0: no stack trace, nothing on stderr", async () => {
    // More than a pipe's buffer (64 KiB), so the writes meet the closed pipe.
    const child = spawn(process.execPath, programArgs(["time-weights", "--periods", "5000"]), { cwd: ROOT });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  }, 60_000);
});
