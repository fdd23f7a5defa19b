/**
 * The files of `sensitivity`: Monte Carlo rank intervals and grade stability, Sobol indices and
 * leave-one-indicator-out — rank-intervals.csv/.arrow, sobol.csv, leave-one-out.csv,
 * rank-intervals.vl.json, manifest.json — written atomically together, only when the analysis ends.
 */
import { statSync } from "node:fs";
import { totalmem } from "node:os";
import { join } from "node:path";
import { rankIntervalSpec } from "../charts/rank-intervals.js";
import type { Frame } from "../data/frame.js";
import { arrowStream } from "../data/write-arrow.js";
import { csvStream } from "../data/write-csv.js";
import { ParkscoreError, type Warning } from "../errors.js";
import { loadScheme } from "../scheme/load.js";
import type { Scheme } from "../scheme/types.js";
import { analyseSensitivity, sobolTable, type SensitivityResult } from "../sensitivity/analysis.js";
import { intervalsTable } from "../sensitivity/intervals.js";
import { leaveOneOutTable } from "../sensitivity/leave-one-out.js";
import { runCount, type AnalysisPlan } from "../sensitivity/monte-carlo.js";
import { factorsOf, uncertaintyFor, type UncertaintyFlags } from "../sensitivity/uncertainty.js";
import { replaceFolder, type OutputFile, type Written } from "./atomic.js";
import { openDataset, readStoredPeriod, revisionInputs } from "./dataset.js";
import { loadPeriodInput } from "./input.js";
import { versions } from "./provenance.js";
import type { InputRecord } from "./run-output.js";

export { SensitivityInterrupted } from "../sensitivity/workers.js";

/** Bytes a Monte Carlo sample keeps per enterprise: its rank (Int32) and grade (Uint8). */
const BYTES_PER_RANK = 5;

export interface SensitivityRequest extends UncertaintyFlags {
  /** A data file (with `scheme`) or a dataset folder (with `period`). */
  input: string;
  scheme?: string;
  period?: string;
  out: string;
  samples: number;
  /** Base sample size of the Sobol design (default: `samples`; 0: no Sobol indices). */
  sobolSamples?: number;
  seed: number;
  /** Worker threads (0: this thread). */
  workers: number;
  bootstrap: number;
  leaveOneOut: boolean;
  encoding?: string;
  sheet?: string;
  /** Aborting it stops the analysis with SensitivityInterrupted; nothing is written. */
  signal?: AbortSignal;
  /** Told once the data is read: how many scorings of how many enterprises are to come. */
  onStart?: (scorings: number, enterprises: number) => void;
  onProgress?: (done: number, total: number) => void;
}

export interface SensitivityRun {
  scheme: Scheme;
  plan: AnalysisPlan;
  result: SensitivityResult;
  /** The input's warnings and the nominal scoring's. */
  warnings: Warning[];
}

export async function sensitivityToFolder(o: SensitivityRequest): Promise<SensitivityRun> {
  const { scheme, frame, inputs, warnings } = await loadInput(o);
  const uncertainty = uncertaintyFor(scheme, o);
  const plan = { seed: o.seed, samples: o.samples, sobolSamples: o.sobolSamples ?? o.samples };
  const scorings = runCount(plan, factorsOf(uncertainty).length);
  checkMemory(plan.samples, frame.nrows, scorings);
  o.onStart?.(scorings, frame.nrows);
  const result = await analyseSensitivity(frame, scheme, uncertainty, plan, { workers: o.workers, bootstrap: o.bootstrap, noLeaveOneOut: !o.leaveOneOut, signal: o.signal, onProgress: o.onProgress });

  const n = result.nominal.n;
  const intervals = intervalsTable(result.intervals);
  const files: OutputFile[] = [
    { name: "rank-intervals.csv", data: csvStream(intervals, n) },
    { name: "rank-intervals.arrow", data: arrowStream(intervals) },
    { name: "sobol.csv", data: csvStream(sobolTable(result.sobol, plan.sobolSamples), result.sobol.length) },
    { name: "leave-one-out.csv", data: csvStream(leaveOneOutTable(result.leaveOneOut), result.leaveOneOut.length) },
    { name: "rank-intervals.vl.json", data: JSON.stringify(rankIntervalSpec(result.intervals, { title: `${scheme.title.en}: rank intervals`, top: 100 }), null, 2) + "\n" },
  ];
  const manifest = (outputs: Written) => ({
    ...versions(),
    command: "sensitivity",
    created: new Date().toISOString(),
    period: o.period ?? null,
    scheme: { file: scheme.file, sha256: scheme.hash, weighting: scheme.weighting.method, aggregation: scheme.aggregation.method, grading: scheme.grading.method },
    inputs,
    seed: plan.seed,
    samples: plan.samples,
    sobolSamples: plan.sobolSamples,
    scorings: result.runs,
    workers: o.workers,
    bootstrap: o.bootstrap,
    uncertainty,
    factors: result.factors.map((f) => f.name),
    skipped: "each sample skips reasons and weighted-sum contributions (ranks and grades do not depend on them)",
    meanAbsRankShift: result.shift,
    sobol: result.sobol,
    leaveOneOut: result.leaveOneOut,
    outputs,
    warnings: [...warnings, ...result.nominal.warnings],
  });
  await replaceFolder(o.out, (s) => {
    const outputs = s.write(files);
    s.write([{ name: "manifest.json", data: JSON.stringify(manifest(outputs), (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2) + "\n" }]);
  });
  return { scheme, plan, result, warnings: [...warnings, ...result.nominal.warnings] };
}

/**
 * The samples' ranks and grades (and every scoring's rank shift) are kept in memory until the end:
 * refused up front, with the largest number that fits, when they would take more than half of it.
 */
function checkMemory(samples: number, n: number, runs: number): void {
  const budget = totalmem() / 2;
  const need = samples * n * BYTES_PER_RANK + runs * 8;
  // A typed array holds at most 2^32 elements, whatever the memory.
  const most = Math.min(Math.floor((budget - runs * 8) / (n * BYTES_PER_RANK)), Math.floor(2 ** 32 / n));
  if (need <= budget && samples <= most) return;
  const gb = (b: number) => `${(b / 2 ** 30).toFixed(2)} GB`;
  throw new ParkscoreError({
    code: "cli.usage",
    message: `--samples ${samples} would keep ${gb(need)} of ranks and grades for ${n} enterprises, more than half of this computer's ${gb(totalmem())} of memory`,
    fix: `give --samples ${Math.max(1, most).toLocaleString("en-US")} or fewer`,
  });
}

/** A file read by a scheme, or a dataset's stored period. */
async function loadInput(o: SensitivityRequest): Promise<{ scheme: Scheme; frame: Frame; inputs: InputRecord[]; warnings: Warning[] }> {
  let dir = false;
  try {
    dir = statSync(o.input).isDirectory();
  } catch {
    /* not there: loadPeriodInput names the file */
  }
  if (!dir) {
    if (!o.scheme) throw new ParkscoreError({ code: "cli.usage", message: "sensitivity needs --scheme with a data file (or a dataset folder as --input)" });
    const { input, ...read } = await loadPeriodInput(o.scheme, o.input, { period: o.period, encoding: o.encoding, sheet: o.sheet });
    return { ...read, inputs: [input] };
  }
  if (!o.period) throw new ParkscoreError({ code: "cli.usage", message: "with a dataset folder, give the period: --period P" });
  const loaded = o.scheme ? loadScheme(o.scheme) : openDataset(o.input);
  const { frame, revision } = await readStoredPeriod(o.input, o.period, { scheme: loaded.scheme });
  const inputs = revisionInputs(o.input, revision).map((i) => ({ ...i, file: join(o.input, i.file) }));
  return { scheme: loaded.scheme, frame, inputs, warnings: loaded.warnings };
}
