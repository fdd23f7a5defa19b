/**
 * Running the numbered runs of a sensitivity analysis on all cores (worker_threads), or in this
 * thread (`workers: 0`; with workers, this thread also scores until they have started). Runs are handed out in chunks as threads become free; each chunk's outputs
 * are stored at its run numbers, so the results are the same bytes whatever the number of threads
 * and whichever finishes first. Cancelling (an AbortSignal, e.g. on Ctrl-C) stops every thread and
 * rejects with `SensitivityInterrupted`; nothing partial is returned.
 *
 * The worker runs from the compiled dist/ (worker.js next to this file) and from the TypeScript
 * sources under tsx or vitest (worker.ts, loaded through tsx's ESM loader registered in the thread).
 */
import type { Worker } from "node:worker_threads";
import { ParkscoreError, type Problem } from "../errors.js";
import { detachedFrame, ownBuffer } from "../data/frame.js";
import { preparedData, preparePeriod } from "../score/period.js";
import { runCount, Sampler, type Chunk, type SamplerJob } from "./monte-carlo.js";
import { factorsOf } from "./uncertainty.js";
import { startWorker } from "../worker-thread.js";

export interface RunOptions {
  /** Worker threads; 0 runs everything in the calling thread. */
  workers: number;
  /** Runs per chunk (default: about 32 chunks per thread, at most 64 runs: small enough that threads finish together). */
  chunk?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /**
   * Whether this thread scores small chunks itself until every worker has started (default true):
   * start-up then costs no time. false leaves every run to the workers, keeping this thread free.
   */
  help?: boolean;
}

/** Every run's outputs, gathered by run number. */
export interface RunOutputs {
  /** Enterprises. */
  n: number;
  /** Monte Carlo samples (rows of `ranks` and `grades`). */
  samples: number;
  /** ranks[s·n + i]: enterprise i's rank in sample s (0: not ranked). */
  ranks: Int32Array;
  /** grades[s·n + i]: 1 + its grade's position in the scheme's grades (0: none). */
  grades: Uint8Array;
  /** Every run's mean absolute rank shift. */
  shift: Float64Array;
}

export class SensitivityInterrupted extends Error {
  constructor(readonly done: number, readonly total: number) {
    super(`interrupted after ${done} of ${total} runs`);
  }
}

export async function runAll(given: SamplerJob, opts: RunOptions): Promise<RunOutputs> {
  // Prepared once, here: the workers then score without compiling a formula (nor loading mathjs).
  const job: SamplerJob = { ...given, prepared: given.prepared ?? preparedData(preparePeriod(given.frame, given.scheme), given.scheme) };
  const k = factorsOf(job.uncertainty).length;
  const total = runCount(job.plan, k);
  const threads = Math.max(0, Math.floor(opts.workers));
  const chunk = opts.chunk ?? Math.max(1, Math.min(64, Math.ceil(total / (Math.max(1, threads) * 32))));
  const n = job.frame.nrows;
  const out: RunOutputs = { n, samples: job.plan.samples, ranks: new Int32Array(job.plan.samples * n), grades: new Uint8Array(job.plan.samples * n), shift: new Float64Array(total) };
  let done = 0;
  const store = (c: Chunk) => {
    if (c.ranks.length) {
      out.ranks.set(c.ranks, c.from * n);
      out.grades.set(c.grades, c.from * n);
    }
    out.shift.set(c.shift, c.from);
    done += c.to - c.from;
    opts.onProgress?.(done, total);
  };
  if (threads === 0) {
    const sampler = new Sampler(job);
    for (let from = 0; from < total; from += chunk) {
      if (opts.signal?.aborted) throw new SensitivityInterrupted(done, total);
      store(sampler.runChunk(from, Math.min(total, from + chunk)));
      await new Promise((r) => setImmediate(r)); // lets a Ctrl-C through
    }
    if (opts.signal?.aborted) throw new SensitivityInterrupted(done, total);
    return out;
  }
  return new Promise<RunOutputs>((resolve, reject) => {
    const pool: Worker[] = [];
    let next = 0;
    let finished = false;
    const stop = (err?: unknown) => {
      if (finished) return;
      finished = true;
      opts.signal?.removeEventListener("abort", onAbort);
      for (const w of pool) void w.terminate();
      if (err) reject(err);
      else resolve(out);
    };
    const onAbort = () => stop(new SensitivityInterrupted(done, total));
    opts.signal?.addEventListener("abort", onAbort);
    if (opts.signal?.aborted) return onAbort();
    const feed = (w: Worker) => {
      if (next >= total) {
        if (done >= total) stop();
        return;
      }
      const from = next;
      next = Math.min(total, next + chunk);
      w.postMessage({ from, to: next });
    };
    const shared: SamplerJob = { ...job, frame: detachedFrame(job.frame), prepared: { ...job.prepared!, values: new Map([...job.prepared!.values].map(([k, v]) => [k, ownBuffer(v)])) } };
    let ready = 0;
    for (let t = 0; t < Math.min(threads, Math.ceil(total / chunk)); t++) {
      const w = startWorker(import.meta.url, "worker", { workerData: shared });
      pool.push(w);
      w.on("message", (m: { ready?: boolean; chunk?: Chunk; problems?: Problem[]; omitted?: number; internal?: string }) => {
        if (finished) return;
        if (m.ready) {
          ready++;
          feed(w);
        } else if (m.chunk) {
          store(m.chunk);
          if (done >= total) return stop();
          feed(w);
        } else if (m.problems) stop(new ParkscoreError(m.problems, m.omitted ?? 0));
        else stop(new Error(`a sensitivity worker failed: ${m.internal}`));
      });
      w.on("error", (e) => stop(e));
      w.on("exit", (code) => {
        if (!finished && code !== 0) stop(new Error(`a sensitivity worker stopped (exit code ${code})`));
      });
    }
    // A thread takes a while to load the scoring code (mathjs above all); until every worker has,
    // this thread scores small chunks itself, so that start-up costs no time.
    void (async () => {
      let sampler: Sampler | undefined;
      const small = Math.max(1, Math.min(chunk, 4));
      try {
        while (opts.help !== false && !finished && ready < pool.length && next < total) {
          sampler ??= new Sampler(job);
          const from = next;
          next = Math.min(total, next + small);
          store(sampler.runChunk(from, next));
          if (done >= total) return stop();
          await new Promise((r) => setImmediate(r));
        }
      } catch (e) {
        stop(e);
      }
    })();
    if (total === 0) stop();
  });
}
