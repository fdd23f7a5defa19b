/**
 * A notebook run in a worker thread of its own, so that it can always be stopped: at its time limit
 * (a cell that loops or waits forever), as soon as a cell awaits what nothing is left to settle,
 * when a cell's stray callback throws or ends the thread, or when the caller cancels it (a server
 * closing, a notebook changed). A stopped run still gives its page: the cells that ran, the cell
 * that was stopped and why, the rest not run. Problems found before any cell runs (no such notebook,
 * a bad parameter) are thrown as ParkscoreErrors, as `runNotebook` throws them.
 */
import type { Worker } from "node:worker_threads";
import { ParkscoreError, startWorker } from "../../engine/index.js";
import type { RunNotebookOptions } from "./run.js";
import type { Cell, CellError, CellResult, NotebookRun, RunInput } from "./types.js";
import type { WorkerJob, WorkerMessage } from "./worker.js";

export interface WorkerRunOptions extends Pick<RunNotebookOptions, "data" | "params" | "timings" | "liveReload" | "onCell"> {
  /** The time the cells may take together (ms), counted from the first cell's start. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** A thread from `runThread()` that has not run anything yet (a new one is started otherwise). */
  thread?: Worker;
}

/** The time limit of a run unless one is given: generous for the shipped notebooks, short of forever. */
export const DEFAULT_TIMEOUT_MS = 5 * 60_000;

/** The error names of a cell stopped because the run's time limit ran out, or because it awaited what nothing could settle. */
export const TIMEOUT = "Timeout";
export const UNSETTLED = "Unsettled";

/** The caller cancelled the run (its AbortSignal): the thread was stopped and there is no page. */
export class RunCancelled extends Error {}

/** setTimeout's longest delay: a longer limit would fire at once. */
const MAX_DELAY = 2 ** 31 - 1;

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

/** A thread for one run: it loads the notebook runtime at once, and runs what it is given later. */
export function runThread(): Worker {
  return startWorker(import.meta.url, "worker", {});
}

export function runNotebookInWorker(file: string, opts: WorkerRunOptions): Promise<NotebookRun> {
  const { timeoutMs, signal, onCell, thread, ...options } = opts;
  return new Promise<NotebookRun>((resolve, reject) => {
    if (signal?.aborted) {
      void thread?.terminate();
      return reject(new RunCancelled(`the run of ${file} was cancelled`));
    }
    const worker = thread ?? runThread();
    worker.postMessage({ file, options } satisfies WorkerJob);
    let input: RunInput | undefined;
    const ended: CellResult[] = [];
    let running: { cell: Cell; t0: number } | undefined;
    let t0 = 0;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;

    const settle = (then: () => void | Promise<void>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      void worker
        .terminate()
        .then(then)
        .catch(reject);
    };
    const onAbort = () => settle(() => reject(new RunCancelled(`the run of ${file} was cancelled`)));
    signal?.addEventListener("abort", onAbort);

    /** Stops the run, the cell running (or due to run next) failing with `why`. */
    const stop = (why: Omit<CellError, "cell">) =>
      settle(async () => {
        // Before "start" no cell's code has run: what stopped the thread is parkscore's own failure.
        if (!input) throw new Error(`the thread of the run of ${file} stopped before the run started: ${why.name}: ${why.message}`);
        const cells = input.notebook.cells;
        const cell = running?.cell ?? cells.find((c) => !ended[c.index]);
        if (!cell) {
          throw new ParkscoreError({
            code: "notebook.stopped",
            file,
            message: `the run was stopped after its last cell, while its page was being made: ${why.name}: ${why.message}`,
            fix: "give it more time with --timeout SECONDS, or remove what a cell left running (a timer, a callback)",
          });
        }
        const now = performance.now();
        const failed: CellResult = { cell, status: "error", outputs: [], error: { ...why, cell: cell.index }, ms: running ? now - running.t0 : 0 };
        const results = cells.map((c): CellResult => ended[c.index] ?? (c === cell ? failed : { cell: c, status: "not-run", outputs: [], ms: 0 }));
        const { completeRun } = await import("./html.js"); // loaded only when a run is stopped: it brings vega
        resolve(completeRun(input, results, now - t0, options));
      });

    worker.on("message", (m: WorkerMessage) => {
      if (settled) return;
      switch (m.kind) {
        case "start":
          input = m.input;
          t0 = performance.now();
          timer = setTimeout(
            () => stop({ name: TIMEOUT, message: `still running when the run's time limit of ${seconds(timeoutMs)} ran out; the run was stopped` }),
            Math.min(timeoutMs, MAX_DELAY),
          );
          break;
        case "cell": {
          const cell = input!.notebook.cells[m.index];
          if (m.phase === "start") running = { cell, t0: performance.now() };
          else {
            ended[m.index] = m.result!;
            running = undefined;
          }
          onCell?.({ cell, phase: m.phase, result: m.result });
          break;
        }
        case "done":
          return settle(() => resolve(m.run));
        case "problems":
          return settle(() => reject(new ParkscoreError(m.problems, m.omitted)));
        case "internal":
          return settle(() => reject(new Error(m.message)));
        case "idle":
          return stop({ name: UNSETTLED, message: "awaits a promise that nothing is left to settle; the run was stopped" });
      }
    });
    worker.on("error", (e) => stop({ name: e.name, message: `${e.message} (thrown outside the cell's awaited code, e.g. in a timer; the run was stopped)` }));
    worker.on("exit", (code) => stop({ name: "Exit", message: `ended the run's thread (process.exit(${code})); the run was stopped` }));
  });
}
