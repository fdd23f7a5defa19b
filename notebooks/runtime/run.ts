/**
 * `runNotebook(file, {data, params})`: read, run and render a notebook in one call, in this thread
 * (the CLI and the preview server run it in a worker thread they can stop: worker-run.ts). It
 * throws a ParkscoreError for problems found before running (no such notebook, bad front matter,
 * bad params, no such dataset); a cell that fails does not throw: the run is returned with
 * `ok: false` and the page shows the error.
 */
import { executeCells } from "./execute.js";
import { completeRun, type RunPageOptions } from "./html.js";
import { datasetManifest } from "./manifest.js";
import { resolveParams } from "./params.js";
import { readNotebook } from "./parse.js";
import type { Cell, CellResult, NotebookRun, RunInput } from "./types.js";

export interface RunNotebookOptions extends RunPageOptions {
  /** Overrides of the front-matter params: text (converted to the default's type) or typed values. */
  params?: Record<string, unknown>;
  /** Called once the notebook is read and its params and dataset checked, before any cell runs. */
  onStart?: (input: RunInput) => void;
  /** Progress: called as each cell starts and ends. */
  onCell?: (event: { cell: Cell; phase: "start" | "end"; result?: CellResult }) => void;
}

export async function runNotebook(file: string, opts: RunNotebookOptions = {}): Promise<NotebookRun> {
  const notebook = readNotebook(file);
  const params = resolveParams(notebook.params, opts.params ?? {}, file);
  const input: RunInput = { notebook, params, manifest: opts.data !== undefined ? datasetManifest(opts.data) : undefined };
  opts.onStart?.(input);
  const t0 = performance.now();
  const results = await executeCells(notebook, { params, data: opts.data, onCell: opts.onCell });
  return completeRun(input, results, performance.now() - t0, opts);
}
