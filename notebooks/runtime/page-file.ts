/** `notebook run`'s output: the run in a worker thread, its page written atomically as one file. */
import { basename, dirname, resolve } from "node:path";
import { writeFilesAtomically } from "../../engine/index.js";
import type { NotebookRun } from "./types.js";
import { runNotebookInWorker, type WorkerRunOptions } from "./worker-run.js";

/** Runs the notebook and writes its page to `out`, also when a cell failed or was stopped (the page shows why). */
export async function runNotebookToFile(file: string, out: string, opts: WorkerRunOptions): Promise<NotebookRun> {
  const run = await runNotebookInWorker(file, opts);
  writeFilesAtomically(dirname(resolve(out)), [{ name: basename(out), data: run.html }]);
  return run;
}
