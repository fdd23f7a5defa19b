import { describe, expect, test, vi } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { notebookCommand } from "../../../cli/commands/notebook.js";
import { ParkscoreError } from "../../../engine/errors.js";
import { cli, parkscore, programArgs, ROOT } from "../../cli/helpers.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

/** `parkscore notebook ARGS`, run in this process by the compiled program, whose notebook thread boots from JavaScript. */
const notebook = (args: string[]) => cli(["notebook", ...args], {}, "compiled");

describe("parkscore notebook run", () => {
  test("writes the page, says what ran, exits 0, and prints no progress bar when stderr is not a terminal", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "parkscore-nb-")), "pages", "basic.html");
    // Spawned as a user runs it: stderr is a pipe, not a terminal.
    const r = parkscore(["notebook", "run", join(FIXTURES, "basic.md"), "--data", "datasets/demo", "--param", "period=2023", "--out", out, "--no-timings"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${out.replace(/[.]/g, "\\.")}: 5 of 5 cells ran in (\\d+ ms|\\d+\\.\\d\\d s) \\(dataset [0-9a-f]{12}\\)\\n$`));
    const html = readFileSync(out, "utf8");
    expect(html).toContain("<code>period = 2023</code> (set for this run)");
    // Atomic write: no temporary file is left next to the page.
    expect(readdirSync(join(out, ".."))).toEqual(["basic.html"]);
    // The same run again, in this process, gives the same bytes.
    await notebook(["run", join(FIXTURES, "basic.md"), "--data", "datasets/demo", "--param", "period=2023", "--out", out, "--no-timings"]);
    expect(readFileSync(out, "utf8")).toBe(html);
  }, 120_000);

  test("a failing cell: the page is still written, the error names the file line, exit code 1", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "parkscore-nb-")), "failing.html");
    const r = await notebook(["run", join(FIXTURES, "failing.md"), "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`failing.md:16: cell 2 (const total = rows.length;) failed: TypeError: Cannot read properties of undefined (reading 'here') (line 2 of the cell); later cells were not run`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, "utf8")).toContain("not run: an earlier cell failed");
  }, 120_000);

  test("a missing notebook, a bad --param or a bad --data are errors before anything runs", async () => {
    const missing = await notebook(["run", "notebooks/none.md"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("parkscore: error:\n  notebooks/none.md: no such notebook. Fix: give the path of a notebook file such as notebooks/trends.md\n");
    const unknown = await notebook(["run", join(FIXTURES, "basic.md"), "--param", "perod=2024"]);
    expect(unknown.stderr).toContain('the notebook has no parameter "perod". Fix: use one of: period, top, label');
    const typed = await notebook(["run", join(FIXTURES, "basic.md"), "--param", "top=many"]);
    expect(typed.stderr).toContain('parameter "top" must be a number (its default is 3) (value "many"). Fix: give e.g. --param top=3');
    const noEq = await notebook(["run", join(FIXTURES, "basic.md"), "--param", "top"]);
    expect(noEq.stderr).toContain('--param "top" is not name=value');
    const data = await notebook(["run", join(FIXTURES, "basic.md"), "--data", "no/such/dataset"]);
    expect(data.code).toBe(1);
    expect(data.stderr).toContain("no/such/dataset");
  }, 120_000);
});

/** A notebook file in a new folder: a first cell, then `stuck`. */
function stuckNotebook(stuck: string, front = ""): string {
  const file = join(mkdtempSync(join(tmpdir(), "parkscore-nb-stuck-")), "stuck.md");
  writeFileSync(file, `---\ntitle: Stuck\n${front}---\n\n\`\`\`ts\nconst a = 1;\na\n\`\`\`\n\n\`\`\`ts\n${stuck}\n\`\`\`\n`);
  return file;
}

describe("a notebook run that cannot end", () => {
  test("a cell that never ends: the run stops at --timeout, says which notebook and cell in one line, writes the page, exits 1", async () => {
    const file = stuckNotebook("while (true) {}");
    const out = join(file, "..", "stuck.html");
    const r = await notebook(["run", file, "--timeout", "2", "--out", out, "--no-timings"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/stuck\.html: 2 of 2 cells ran in \d\.\d\d s\n$/);
    expect(r.stderr).toBe(
      `parkscore: error:\n  ${file}:11: cell 2 (while (true) {}) failed: Timeout: still running when the run's time limit of 2 s ran out; the run was stopped; later cells were not run. Fix: make the cell finish (a loop that never ends?), or give the run more time with --timeout SECONDS; the page ${out} shows the cells that ran\n`,
    );
    expect(readFileSync(out, "utf8")).toContain('<a href="#cell-2">cell 2</a> timed out');
  }, 120_000);

  test("a cell awaiting what nothing settles: the same kind of message at once, not a silent exit 13", async () => {
    const file = stuckNotebook("await new Promise(() => {});");
    const out = join(file, "..", "stuck.html");
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((s) => (written.push(String(s)), true));
    try {
      const run = notebookCommand().parseAsync(["run", file, "--out", out, "--no-timings"], { from: "user" });
      await expect(run).rejects.toBeInstanceOf(ParkscoreError);
      await expect(run).rejects.toThrow(
        `${file}:11: cell 2 (await new Promise(() => {});) failed: Unsettled: awaits a promise that nothing is left to settle; the run was stopped; later cells were not run. Fix: settle the promise the cell awaits (or do not await it); the page ${out} shows the cells that ran`,
      );
    } finally {
      spy.mockRestore();
    }
    expect(written.join("")).toMatch(/stuck\.html: 2 of 2 cells ran in \d+ ms\n$/);
  }, 120_000);

  test("--timeout must be a number of seconds above 0", async () => {
    for (const v of ["0", "-1", "soon", "Infinity"]) {
      await expect(notebookCommand().parseAsync(["run", "notebooks/trends.md", "--timeout", v], { from: "user" })).rejects.toThrow(`--timeout must be a number of seconds above 0 (value "${v}"). Fix: give e.g. --timeout 300`);
    }
  });
});

describe("parkscore notebook serve", () => {
  test("SIGTERM stops it promptly while a cell is stuck in a loop", async () => {
    const marker = join(mkdtempSync(join(tmpdir(), "parkscore-nb-marker-")), "started");
    const file = stuckNotebook("(await import('node:fs')).writeFileSync(params.marker, 'in the loop');\nwhile (true) {}", "params:\n  marker: ''\n");
    const child = spawn(process.execPath, programArgs(["notebook", "serve", join(file, ".."), "--port", "0"]), { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => (stderr += b));
    const exited = new Promise<number | null>((ok) => child.on("exit", (code) => ok(code)));
    const url = await new Promise<string>((ok) =>
      child.stdout.on("data", (b: Buffer) => {
        stdout += b;
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/) /.exec(stdout);
        if (m) ok(m[1]);
      }),
    );
    const path = `nb/stuck.md?marker=${encodeURIComponent(marker)}`;
    const token = /"x-parkscore-token": "([0-9a-f]{64})"/.exec(await (await fetch(url + path)).text())![1];
    void fetch(url + path, { method: "POST", headers: { "x-parkscore-token": token } }).catch(() => undefined);
    while (!existsSync(marker)) await new Promise((ok) => setTimeout(ok, 100));
    const t0 = performance.now();
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(stderr).toBe("");
  }, 120_000);
});
