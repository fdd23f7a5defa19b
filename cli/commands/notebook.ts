/**
 * `parkscore notebook run FILE --data DIR [--param k=v]… --out FILE.html` and
 * `parkscore notebook serve FOLDER --data DIR [--port 4321]`: Markdown + TypeScript notebooks (see
 * notebooks/runtime/). `run` writes one self-contained page atomically and exits 1 when a cell
 * failed or was stopped at the time limit (the page is still written, showing the error), so
 * scheduled runs notice. Both run notebooks in a worker thread with a time limit (`--timeout`).
 */
import { about } from "../catalogue.js";
import { Command, Option } from "commander";
import { SingleBar } from "cli-progress";
import { basename, extname, join } from "node:path";
import { ParkscoreError } from "../../engine/index.js";
import { parseParamArgs, resolveParams } from "../../notebooks/runtime/params.js";
import { readNotebook } from "../../notebooks/runtime/parse.js";
import type { CellResult, NotebookRun } from "../../notebooks/runtime/types.js";
import { formatMs } from "../../notebooks/runtime/duration.js";
import { runNotebookToFile } from "../../notebooks/runtime/page-file.js";
import { DEFAULT_TIMEOUT_MS, TIMEOUT, UNSETTLED } from "../../notebooks/runtime/worker-run.js";

const collect = (v: string, all: string[]) => [...all, v];

const timeoutOption = () =>
  new Option("--timeout <seconds>", "stop a run whose cells take longer than this")
    .default(DEFAULT_TIMEOUT_MS / 1000)
    .argParser((v) => {
      const n = Number(v);
      if (!(n > 0) || !Number.isFinite(n)) throw new ParkscoreError({ code: "cli.usage", message: "--timeout must be a number of seconds above 0", value: v, fix: "give e.g. --timeout 300" });
      return n;
    });

/** A cell's first line, shortened, to name it in one line of the terminal. */
function firstLine(code: string): string {
  const line = code.split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** What to do about a failed cell, by how it failed. */
function fixFor(failed: CellResult, out: string): string {
  const name = failed.error?.name;
  if (name === TIMEOUT) return `make the cell finish (a loop that never ends?), or give the run more time with --timeout SECONDS; the page ${out} shows the cells that ran`;
  if (name === UNSETTLED) return `settle the promise the cell awaits (or do not await it); the page ${out} shows the cells that ran`;
  return `see the error in ${out}, correct the cell and run again`;
}

export function notebookCommand(): Command {
  const cmd = new Command("notebook").description(about("notebook"));
  cmd
    .command("run")
    .description("run a notebook and write its page (one self-contained HTML file)")
    .argument("<file>", "the notebook, e.g. notebooks/trends.md")
    .option("-d, --data <dir>", "the dataset folder the notebook reads (`data` in cells)")
    .option("-p, --param <name=value>", "set a parameter of the front matter (repeatable)", collect, [] as string[])
    .option("-o, --out <file>", "the page to write (default: out/<notebook>.html)")
    .option("--no-timings", "leave run times out of the page, so the same inputs give the same bytes")
    .addOption(timeoutOption())
    .action(async (file: string, o: { data?: string; param: string[]; out?: string; timings: boolean; timeout: number }) => {
      const out = o.out ?? join("out", `${basename(file, extname(file))}.html`);
      const params = parseParamArgs(o.param);
      const nb = readNotebook(file);
      resolveParams(nb.params, params, file); // reports a bad --param before the runtime loads
      const total = nb.cells.length;
      const bar = process.stderr.isTTY ? new SingleBar({ stream: process.stderr, format: "cells {bar} {value}/{total} {cell}", hideCursor: true, clearOnComplete: true }) : undefined;
      bar?.start(total, 0, { cell: "" });
      let run: NotebookRun;
      try {
        run = await runNotebookToFile(file, out, {
          data: o.data,
          params,
          timings: o.timings,
          timeoutMs: o.timeout * 1000,
          onCell: ({ cell, phase }) => (phase === "start" ? bar?.update(cell.index, { cell: `cell ${cell.index + 1} (line ${cell.line})` }) : bar?.update(cell.index + 1)),
        });
      } finally {
        bar?.stop();
      }
      const ran = run.results.filter((r) => r.status !== "not-run").length;
      process.stdout.write(`${out}: ${ran} of ${run.results.length} cells ran in ${formatMs(run.ms)}${run.manifest ? ` (dataset ${run.manifest.hash.slice(0, 12)})` : ""}\n`);
      if (run.failed) {
        const { cell, error: e } = run.failed;
        throw new ParkscoreError({
          code: "notebook.cell-failed",
          file,
          line: e!.fileLine ?? cell.line,
          message: `cell ${cell.index + 1} (${firstLine(cell.code)}) failed: ${e!.name}: ${e!.message}${e!.cellLine !== undefined ? ` (line ${e!.cellLine} of ${e!.cell === cell.index ? "the cell" : `cell ${(e!.cell ?? 0) + 1}`})` : ""}; later cells were not run`,
          fix: fixFor(run.failed, out),
        });
      }
    });
  cmd
    .command("serve")
    .description("preview a folder of notebooks on 127.0.0.1: each page re-runs and reloads when its notebook or the dataset changes")
    .argument("<folder>", "the folder of notebooks, e.g. notebooks")
    .option("-d, --data <dir>", "the dataset folder the notebooks read")
    .addOption(new Option("--port <port>", "the port (0: any free port)").default(4321).argParser((v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ParkscoreError({ code: "cli.usage", message: `--port must be a whole number 0–65535`, value: v });
      return n;
    }))
    .option("--no-timings", "leave run times out of the pages")
    .addOption(timeoutOption())
    .action(async (folder: string, o: { data?: string; port: number; timings: boolean; timeout: number }) => {
      // The server brings Plot (its pages use the charts' font stack): loaded for this command only.
      const { startServer } = await import("../../notebooks/runtime/serve.js");
      const server = await startServer({
        dir: folder,
        data: o.data,
        port: o.port,
        timings: o.timings,
        timeoutMs: o.timeout * 1000,
        onRun: (name, run) =>
          process.stderr.write(run instanceof Error ? `${name}: ${run.message.split("\n")[0]}\n` : `${name}: ${run.ok ? "ok" : `cell ${run.failed!.cell.index + 1} failed (${run.failed!.error?.name})`} in ${formatMs(run.ms)}\n`),
      });
      process.stdout.write(`notebooks of ${folder} at ${server.url} (127.0.0.1 only, this address only; Ctrl-C stops)\n`);
      await new Promise<void>((done) => {
        const stop = () => void server.close().then(done);
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    });
  return cmd;
}
