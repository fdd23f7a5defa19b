/**
 * The thread of one notebook run (started by worker-run.ts): runs the notebook of the job it is sent
 * and tells the starting thread how it goes — the run's input, each cell's start and end, the finished
 * run — so that a run stopped midway can still be shown up to the cell it was stopped in.
 */
import { parentPort } from "node:worker_threads";
import { ParkscoreError, type Problem } from "../../engine/index.js";
import { runNotebook, type RunNotebookOptions } from "./run.js";
import type { CellResult, NotebookRun, RunInput } from "./types.js";

export interface WorkerJob {
  file: string;
  options: Pick<RunNotebookOptions, "data" | "params" | "timings" | "liveReload">;
}

export type WorkerMessage =
  | { kind: "start"; input: RunInput }
  | { kind: "cell"; index: number; phase: "start" | "end"; result?: CellResult }
  | { kind: "done"; run: NotebookRun }
  | { kind: "problems"; problems: Problem[]; omitted: number }
  | { kind: "internal"; message: string }
  /** The thread has nothing left to do: before "done", a cell awaits what nothing can settle. */
  | { kind: "idle" };

const port = parentPort!;
const post = (m: WorkerMessage) => port.postMessage(m);
process.on("beforeExit", () => post({ kind: "idle" }));
// The runtime is loaded (the imports above) before the job comes: a server keeps a thread ready.
port.once("message", ({ file, options }: WorkerJob) => {
  port.unref(); // from now on the thread lives only while the run has something left to do
  runNotebook(file, {
    ...options,
    onStart: (input) => post({ kind: "start", input }),
    onCell: ({ cell, phase, result }) => post({ kind: "cell", index: cell.index, phase, result }),
  }).then(
    (run) => post({ kind: "done", run }),
    (e: unknown) => post(e instanceof ParkscoreError ? { kind: "problems", problems: e.problems, omitted: e.omitted } : { kind: "internal", message: String((e as Error)?.stack ?? e) }),
  );
});
