import { describe, expect, test } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parkscore } from "../../cli/helpers.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

/** `parkscore notebook ARGS`, spawned as a user runs it (stderr is a pipe, not a terminal). */
const notebook = (args: string[]) => parkscore(["notebook", ...args]);

describe("parkscore notebook run", () => {
  test("writes the page, says what ran, exits 0, and prints no progress bar when stderr is not a terminal", () => {
    const out = join(mkdtempSync(join(tmpdir(), "parkscore-nb-")), "pages", "basic.html");
    const r = notebook(["run", join(FIXTURES, "basic.md"), "--data", "datasets/demo", "--param", "period=2023", "--out", out, "--no-timings"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${out.replace(/[.]/g, "\\.")}: 5 of 5 cells ran in (\\d+ ms|\\d+\\.\\d\\d s) \\(dataset [0-9a-f]{12}\\)\\n$`));
    const html = readFileSync(out, "utf8");
    expect(html).toContain("<code>period = 2023</code> (set for this run)");
    // Atomic write: no temporary file is left next to the page.
    expect(readdirSync(join(out, ".."))).toEqual(["basic.html"]);
    // The same run again gives the same bytes.
    notebook(["run", join(FIXTURES, "basic.md"), "--data", "datasets/demo", "--param", "period=2023", "--out", out, "--no-timings"]);
    expect(readFileSync(out, "utf8")).toBe(html);
  }, 60_000);

  test("a failing cell: the page is still written, the error names the file line, exit code 1", () => {
    const out = join(mkdtempSync(join(tmpdir(), "parkscore-nb-")), "failing.html");
    const r = notebook(["run", join(FIXTURES, "failing.md"), "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`failing.md:16: cell 2 failed: TypeError: Cannot read properties of undefined (reading 'here') (line 2 of the cell); later cells were not run`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, "utf8")).toContain("not run: an earlier cell failed");
  }, 60_000);

  test("a missing notebook, a bad --param or a bad --data are errors before anything runs", () => {
    const missing = notebook(["run", "notebooks/none.md"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("parkscore: error:\n  notebooks/none.md: no such notebook. Fix: give the path of a notebook file such as notebooks/trends.md\n");
    const unknown = notebook(["run", join(FIXTURES, "basic.md"), "--param", "perod=2024"]);
    expect(unknown.stderr).toContain('the notebook has no parameter "perod". Fix: use one of: period, top, label');
    const typed = notebook(["run", join(FIXTURES, "basic.md"), "--param", "top=many"]);
    expect(typed.stderr).toContain('parameter "top" must be a number (its default is 3) (value "many"). Fix: give e.g. --param top=3');
    const noEq = notebook(["run", join(FIXTURES, "basic.md"), "--param", "top"]);
    expect(noEq.stderr).toContain('--param "top" is not name=value');
    const data = notebook(["run", join(FIXTURES, "basic.md"), "--data", "no/such/dataset"]);
    expect(data.code).toBe(1);
    expect(data.stderr).toContain("no/such/dataset");
  }, 60_000);
});
