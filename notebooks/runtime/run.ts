/**
 * `runNotebook(file, {data, params})`: read, run and render a notebook in one call, for the CLI,
 * the preview server and scripts. It throws a ParkscoreError for problems found before running (no
 * such notebook, bad front matter, bad params, no such dataset); a cell that fails does not throw:
 * the run is returned with `ok: false` and the page shows the error.
 */
import { versions } from "../../engine/store/provenance.js";
import { executeCells } from "./execute.js";
import { renderPage } from "./html.js";
import { datasetManifest, type DatasetManifest } from "./manifest.js";
import { resolveParams } from "./params.js";
import { readNotebook } from "./parse.js";
import type { Cell, CellResult, Notebook, Params } from "./types.js";

export interface RunNotebookOptions {
  /** The dataset folder (`data` in cells). */
  data?: string;
  /** Overrides of the front-matter params: text (converted to the default's type) or typed values. */
  params?: Record<string, unknown>;
  /** Show run times in the page (default true; false makes the page byte-identical across runs). */
  timings?: boolean;
  /** Progress: called as each cell starts and ends. */
  onCell?: (event: { cell: Cell; phase: "start" | "end"; result?: CellResult }) => void;
  /** Served pages: the server-sent-events address that tells the page to reload. */
  liveReload?: string;
}

export interface NotebookRun {
  notebook: Notebook;
  params: Params;
  results: CellResult[];
  /** True when every cell ran without error. */
  ok: boolean;
  /** The first failing cell's result. */
  failed?: CellResult;
  manifest?: DatasetManifest;
  html: string;
  ms: number;
}

export async function runNotebook(file: string, opts: RunNotebookOptions = {}): Promise<NotebookRun> {
  const notebook = readNotebook(file);
  const params = resolveParams(notebook.params, opts.params ?? {}, file);
  const manifest = opts.data !== undefined ? datasetManifest(opts.data) : undefined;
  const t0 = performance.now();
  const results = await executeCells(notebook, { params, data: opts.data, onCell: opts.onCell });
  const ms = performance.now() - t0;
  const failed = results.find((r) => r.status === "error");
  const html = renderPage({
    notebook,
    results,
    params,
    data: opts.data !== undefined && manifest ? { dir: opts.data, manifest } : undefined,
    timings: opts.timings ?? true,
    totalMs: ms,
    version: versions().parkscore,
    liveReload: opts.liveReload,
  });
  return { notebook, params, results, ok: !failed, failed, manifest, html, ms };
}
