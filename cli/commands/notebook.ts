/**
 * `parkscore notebook run FILE --data DIR [--param k=v]… --out FILE.html` and
 * `parkscore notebook serve FOLDER --data DIR [--port 4321]`: Markdown + TypeScript notebooks (see
 * notebooks/runtime/). `run` writes one self-contained page atomically and exits 1 when a cell
 * failed (the page is still written, showing the error), so scheduled runs notice.
 */
import { Command, Option } from "commander";
import { SingleBar } from "cli-progress";
import { basename, dirname, extname, join, resolve } from "node:path";
import { ParkscoreError } from "../../engine/errors.js";
import { writeFilesAtomically } from "../../engine/store/atomic.js";
import { parseParamArgs, resolveParams } from "../../notebooks/runtime/params.js";
import { readNotebook } from "../../notebooks/runtime/parse.js";
import type { NotebookRun } from "../../notebooks/runtime/run.js";

/** The runtime loads jsdom, vega, Plot and the engine: only when a notebook runs, not for every parkscore command. */
const runtime = async () => {
  const [{ runNotebook }, { formatMs }, { startServer }] = await Promise.all([import("../../notebooks/runtime/run.js"), import("../../notebooks/runtime/html.js"), import("../../notebooks/runtime/serve.js")]);
  return { runNotebook, formatMs, startServer };
};

const collect = (v: string, all: string[]) => [...all, v];

export function notebookCommand(): Command {
  const cmd = new Command("notebook").description("run Markdown + TypeScript notebooks into self-contained HTML pages, or preview them live");
  cmd
    .command("run")
    .description("run a notebook and write its page (one self-contained HTML file)")
    .argument("<file>", "the notebook, e.g. notebooks/trends.md")
    .option("-d, --data <dir>", "the dataset folder the notebook reads (`data` in cells)")
    .option("-p, --param <name=value>", "set a parameter of the front matter (repeatable)", collect, [] as string[])
    .option("-o, --out <file>", "the page to write (default: out/<notebook>.html)")
    .option("--no-timings", "leave run times out of the page, so the same inputs give the same bytes")
    .action(async (file: string, o: { data?: string; param: string[]; out?: string; timings: boolean }) => {
      const out = o.out ?? join("out", `${basename(file, extname(file))}.html`);
      const params = parseParamArgs(o.param);
      const nb = readNotebook(file);
      resolveParams(nb.params, params, file); // reports a bad --param before the runtime loads
      const total = nb.cells.length;
      const { runNotebook, formatMs } = await runtime();
      const bar = process.stderr.isTTY ? new SingleBar({ stream: process.stderr, format: "cells {bar} {value}/{total} {cell}", hideCursor: true, clearOnComplete: true }) : undefined;
      bar?.start(total, 0, { cell: "" });
      let run: NotebookRun;
      try {
        run = await runNotebook(file, {
          data: o.data,
          params,
          timings: o.timings,
          onCell: ({ cell, phase }) => (phase === "start" ? bar?.update(cell.index, { cell: `cell ${cell.index + 1} (line ${cell.line})` }) : bar?.update(cell.index + 1)),
        });
      } finally {
        bar?.stop();
      }
      writeFilesAtomically(dirname(resolve(out)), [{ name: basename(out), data: run.html }]);
      const ran = run.results.filter((r) => r.status !== "not-run").length;
      process.stdout.write(`${out}: ${ran} of ${run.results.length} cells ran in ${formatMs(run.ms)}${run.manifest ? ` (dataset ${run.manifest.hash.slice(0, 12)})` : ""}\n`);
      if (run.failed) {
        const e = run.failed.error!;
        throw new ParkscoreError({
          code: "notebook.cell-failed",
          file,
          line: e.fileLine,
          message: `cell ${run.failed.cell.index + 1} failed: ${e.name}: ${e.message}${e.cellLine !== undefined ? ` (line ${e.cellLine} of ${e.cell === run.failed.cell.index ? "the cell" : `cell ${(e.cell ?? 0) + 1}`})` : ""}; later cells were not run`,
          fix: `see the error in ${out}, correct the cell and run again`,
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
    .action(async (folder: string, o: { data?: string; port: number; timings: boolean }) => {
      const { startServer, formatMs } = await runtime();
      const server = await startServer({
        dir: folder,
        data: o.data,
        port: o.port,
        timings: o.timings,
        onRun: (name, run) =>
          process.stderr.write(run instanceof Error ? `${name}: ${run.message.split("\n")[0]}\n` : `${name}: ${run.ok ? "ok" : `cell ${run.failed!.cell.index + 1} failed`} in ${formatMs(run.ms)}\n`),
      });
      process.stdout.write(`notebooks of ${folder} at ${server.url} (127.0.0.1 only; Ctrl-C stops)\n`);
      await new Promise<void>((done) => {
        const stop = () => void server.close().then(done);
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    });
  return cmd;
}
