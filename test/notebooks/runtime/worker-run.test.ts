import { describe, expect, test } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runNotebook } from "../../../notebooks/runtime/run.js";
import { compiled } from "../../cli/helpers.js";

// The compiled module: its threads boot from JavaScript (test/cli/helpers.ts `compiled`).
const { runNotebookInWorker } = await compiled<typeof import("../../../notebooks/runtime/worker-run.js")>("notebooks/runtime/worker-run.js");

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const DEMO = join(import.meta.dirname, "..", "..", "..", "datasets", "demo");

/** A notebook file of these ts cells. */
function notebook(cells: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "parkscore-worker-run-")), "nb.md");
  writeFileSync(file, `---\ntitle: Stops\n---\n\n${cells.map((c) => "```ts\n" + c + "\n```\n").join("\n")}`);
  return file;
}

describe("a notebook run in a worker thread", () => {
  test("gives the same run and the same page bytes as a run in this thread, and reports each cell", async () => {
    const file = join(FIXTURES, "basic.md");
    const events: string[] = [];
    const inWorker = await runNotebookInWorker(file, { data: DEMO, params: { period: "2019" }, timings: false, timeoutMs: 60_000, onCell: ({ cell, phase }) => events.push(`${cell.index}:${phase}`) });
    const here = await runNotebook(file, { data: DEMO, params: { period: "2019" }, timings: false });
    expect(inWorker.html).toBe(here.html);
    expect(inWorker.ok).toBe(true);
    expect(inWorker.params).toEqual(here.params);
    expect(inWorker.manifest).toEqual(here.manifest);
    expect(events).toEqual(["0:start", "0:end", "1:start", "1:end", "2:start", "2:end", "3:start", "3:end", "4:start", "4:end"]);
  }, 60_000);

  test("a cell that never ends is stopped at the time limit: the cells before it kept, it marked as timed out, the rest not run", async () => {
    const file = notebook(["const a = 6 * 7;\na", "let n = 0;\nwhile (true) { n++; }", '"after"']);
    const t0 = performance.now();
    const run = await runNotebookInWorker(file, { timings: false, timeoutMs: 1500 });
    const took = performance.now() - t0;
    expect(took).toBeGreaterThanOrEqual(1500);
    expect(took).toBeLessThan(30_000);
    expect(run.results.map((r) => r.status)).toEqual(["ok", "error", "not-run"]);
    expect(run.results[0].outputs.map((o) => o.html).join("")).toContain("42");
    expect(run.failed?.cell.index).toBe(1);
    expect(run.failed?.error).toEqual({ name: "Timeout", message: "still running when the run's time limit of 1.5 s ran out; the run was stopped", cell: 1 });
    expect(run.html).toContain('<a href="#cell-2">cell 2</a> timed out; 1 cell not run');
    expect(run.html).toContain("<strong>Timeout</strong>: still running when the run&#39;s time limit of 1.5 s ran out");
  }, 60_000);

  test("a cell awaiting a promise nothing can settle is stopped as soon as nothing else is left to run, long before the limit", async () => {
    const file = notebook(["1 + 1", "await new Promise(() => {});", '"after"']);
    const t0 = performance.now();
    const run = await runNotebookInWorker(file, { timings: false, timeoutMs: 120_000 });
    expect(performance.now() - t0).toBeLessThan(60_000);
    expect(run.results.map((r) => r.status)).toEqual(["ok", "error", "not-run"]);
    expect(run.failed?.error).toEqual({ name: "Unsettled", message: "awaits a promise that nothing is left to settle; the run was stopped", cell: 1 });
  }, 60_000);

  test("a stray callback that throws, or process.exit in a cell, stops the run and names the cell, not the caller's process", async () => {
    const thrown = await runNotebookInWorker(notebook(["setTimeout(() => { throw new RangeError('late'); }, 10);\nawait new Promise((ok) => setTimeout(ok, 60_000));"]), { timings: false, timeoutMs: 120_000 });
    expect(thrown.failed?.error).toEqual({ name: "RangeError", message: "late (thrown outside the cell's awaited code, e.g. in a timer; the run was stopped)", cell: 0 });
    const exited = await runNotebookInWorker(notebook(["1", "process.exit(3)"]), { timings: false, timeoutMs: 120_000 });
    expect(exited.results.map((r) => r.status)).toEqual(["ok", "error"]);
    expect(exited.failed?.error).toEqual({ name: "Exit", message: "ended the run's thread (process.exit(3)); the run was stopped", cell: 1 });
  }, 60_000);
});
