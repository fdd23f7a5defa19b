/**
 * `parkscore sensitivity --scheme S --input F | DIR --period P --samples 1000 --seed 7 --out DIR [--workers N]`
 *
 * How much of a ranking rests on the method's choices (OECD/JRC Handbook steps 7–8, COINr): Monte
 * Carlo rank intervals and grade stability, Sobol indices, leave-one-indicator-out. Uncertain
 * assumptions come from the scheme's `uncertainty:` section; a flag replaces that part.
 */
import { SingleBar } from "cli-progress";
import { Command } from "commander";
import { statSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { rankIntervalSpec } from "../../engine/charts/rank-intervals.js";
import { ParkscoreError, formatProblem } from "../../engine/errors.js";
import { sha256 } from "../../engine/hash.js";
import { arrowBytes } from "../../engine/data/write-arrow.js";
import { csvChunks } from "../../engine/data/write-csv.js";
import type { Frame } from "../../engine/data/frame.js";
import { loadScheme } from "../../engine/scheme/load.js";
import type { Scheme } from "../../engine/scheme/types.js";
import { analyseSensitivity, sobolTable } from "../../engine/sensitivity/analysis.js";
import { intervalsTable } from "../../engine/sensitivity/intervals.js";
import { leaveOneOutTable } from "../../engine/sensitivity/leave-one-out.js";
import { runCount } from "../../engine/sensitivity/monte-carlo.js";
import { factorsOf, uncertaintyFor, type UncertaintyFlags } from "../../engine/sensitivity/uncertainty.js";
import { SensitivityInterrupted } from "../../engine/sensitivity/workers.js";
import { replaceFolder, type OutputFile } from "../../engine/store/atomic.js";
import { openDataset, readStoredPeriod } from "../../engine/store/dataset.js";
import { loadPeriodInput } from "../../engine/store/input.js";
import { versions } from "../../engine/store/provenance.js";
import type { InputRecord } from "../../engine/store/run-output.js";
import { printable } from "../../engine/printable.js";
import { decimal, wholeNumber } from "../flags.js";
import { fixed, textTable } from "../format.js";
import { indent } from "../run.js";

interface Options extends UncertaintyFlags {
  scheme?: string;
  input: string;
  period?: string;
  out: string;
  samples: number;
  sobolSamples?: number;
  seed: number;
  workers: number;
  bootstrap: number;
  leaveOneOut: boolean;
  encoding?: string;
  sheet?: string;
}

const MAX_SAMPLES = 1_000_000;
const samplesWhy = "every sample keeps each enterprise's rank in memory, and a million samples already fix the 5–95 % ranks";
/** Bytes a Monte Carlo sample keeps per enterprise: its rank (Int32) and grade (Uint8). */
const BYTES_PER_RANK = 5;
const collect = (v: string, all: string[] = []) => [...all, v];

export function sensitivityCommand(): Command {
  return new Command("sensitivity")
    .description("how much the ranking rests on the method's choices: Monte Carlo rank intervals and grade stability, Sobol indices, leave-one-indicator-out")
    .argument("[dir]", "a dataset folder (with --period), as for score and report; or give --input")
    .option("-i, --input <file|dir>", "the period's data (with --scheme), or a dataset folder (with --period)")
    .option("-s, --scheme <file>", "the indicator scheme (default with a dataset folder: its scheme)")
    .option("-p, --period <period>", "the period (a dataset's stored period, or rows of a file with a period column)")
    .requiredOption("-o, --out <dir>", "folder for rank-intervals.csv/.arrow, sobol.csv, leave-one-out.csv, rank-intervals.vl.json, manifest.json")
    .option("-n, --samples <n>", `Monte Carlo samples (at most ${MAX_SAMPLES.toLocaleString("en-US")})`, wholeNumber("--samples", { min: 1, max: MAX_SAMPLES, why: samplesWhy }), 1000)
    .option("--sobol-samples <n>", "base sample size N of the Sobol design, N·(k + 2) scorings in all for k assumptions (default: --samples; 0: no Sobol indices)", wholeNumber("--sobol-samples", { min: 0, max: MAX_SAMPLES, why: "the design scores the period N·(k + 2) times, and a million is far beyond what Sobol estimates need" }))
    .option("--seed <n>", "random seed: the same seed gives the same results", wholeNumber("--seed", { min: 0 }), 7)
    .option("-w, --workers <n>", "worker threads (0: run in this thread; at most one per CPU)", wholeNumber("--workers", { min: 0 }), availableParallelism())
    .option("--bootstrap <n>", "bootstrap resamples for the Sobol confidence intervals", wholeNumber("--bootstrap", { min: 10, max: 100_000, why: "each resample re-estimates every index; 1,000 is the usual number" }), 1000)
    .option("--no-leave-one-out", "skip leave-one-indicator-out")
    .option("--weight-noise <x>", "weights: uniform noise of ±x per level (0.25 = ±25%)", decimal("--weight-noise"))
    .option("--dirichlet <alpha>", "weights: Dirichlet around the nominal weights with this concentration", decimal("--dirichlet"))
    .option("--weight-levels <list>", "which weight levels vary: categories,indicators")
    .option("--normalize <list>", "normalisation chosen from: scheme,minmax,vector,zscore,rank,percentile,max,sum,efficacy,benchmark-ratio")
    .option("--aggregation <list>", "aggregation chosen from: weighted-sum,topsis,weighted-product,vikor,grey-relational,rank-sum-ratio")
    .option("--outliers [list]", "outlier treatment on/off (the scheme's or none), or chosen from: scheme,none,winsorize,clip")
    .option("--missing <list>", "missing-data policy chosen from: scheme,worst,mean-score,zero,exclude")
    .option("--parameter <name=low:high>", "a numeric parameter over a range (repeatable): benchmark-factor, benchmark-cap, rules-cap, vikor-v, grey-rho, combine-mu; `benchmark-cap=1.5:3@tax_per_mu` for some indicators", collect)
    .option("--encoding <name>", "CSV encoding: utf-8, gbk or gb18030")
    .option("--sheet <name>", "XLSX sheet name or number")
    .action(async (dir: string | undefined, o: Options) => {
      if (dir !== undefined && o.input !== undefined) throw new ParkscoreError({ code: "cli.usage", message: `give the data once: the dataset folder ${dir} or --input ${o.input}` });
      const input = dir ?? o.input;
      if (input === undefined) throw new ParkscoreError({ code: "cli.usage", message: "sensitivity needs data", fix: "give a dataset folder and --period (parkscore sensitivity DIR --period P …), or --scheme S --input FILE" });
      return sensitivity({ ...o, input });
    });
}

async function sensitivity(o: Options): Promise<void> {
  const cpus = availableParallelism();
  if (o.workers > cpus) {
    process.stderr.write(`note: --workers ${o.workers} is more than the ${cpus} CPU(s) here; using ${cpus}\n`);
    o = { ...o, workers: cpus };
  }
  const { scheme, frame, input, warnings } = await loadInput(o);
  const uncertainty = uncertaintyFor(scheme, o);
  const plan = { seed: o.seed, samples: o.samples, sobolSamples: o.sobolSamples ?? o.samples };
  checkMemory(plan.samples, frame.nrows, runCount(plan, factorsOf(uncertainty).length));

  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  const bar = process.stderr.isTTY
    ? new SingleBar({ stream: process.stderr, format: "sensitivity {bar} {percentage}% | {value}/{total} scorings | ETA {eta_formatted}", hideCursor: true, clearOnComplete: true, etaBuffer: 50 })
    : undefined;
  process.stderr.write(`sensitivity: ${runCount(plan, factorsOf(uncertainty).length)} scorings of ${frame.nrows} enterprises on ${o.workers === 0 ? "this thread" : `${o.workers} worker thread(s)`}… (Ctrl-C stops without writing anything)\n`);
  let started = false;
  let result;
  try {
    result = await analyseSensitivity(frame, scheme, uncertainty, plan, {
      workers: o.workers,
      bootstrap: o.bootstrap,
      noLeaveOneOut: !o.leaveOneOut,
      signal: controller.signal,
      onProgress: (done, total) => {
        if (!started) bar?.start(total, 0);
        started = true;
        bar?.update(done);
      },
    });
  } catch (e) {
    if (!(e instanceof SensitivityInterrupted)) throw e;
    bar?.stop();
    process.stderr.write(`parkscore: sensitivity interrupted after ${e.done} of ${e.total} scorings; nothing was written to ${resolve(o.out)}\n`);
    process.exitCode = 130;
    return;
  } finally {
    bar?.stop();
    process.off("SIGINT", onSigint);
  }

  const n = result.nominal.n;
  const intervals = intervalsTable(result.intervals);
  const files: OutputFile[] = [
    { name: "rank-intervals.csv", data: csvChunks(intervals, n) },
    { name: "rank-intervals.arrow", data: arrowBytes(intervals) },
    { name: "sobol.csv", data: csvChunks(sobolTable(result.sobol, plan.sobolSamples), result.sobol.length) },
    { name: "leave-one-out.csv", data: csvChunks(leaveOneOutTable(result.leaveOneOut), result.leaveOneOut.length) },
    { name: "rank-intervals.vl.json", data: JSON.stringify(rankIntervalSpec(result.intervals, { title: `${scheme.title.en}: rank intervals`, top: 100 }), null, 2) + "\n" },
  ];
  const outputs = Object.fromEntries(files.map((f) => [f.name, sha256(typeof f.data === "string" ? f.data : (f.data as Uint8Array[]))]));
  const manifest = {
    ...versions(),
    command: "sensitivity",
    created: new Date().toISOString(),
    period: o.period ?? null,
    scheme: { file: scheme.file, sha256: scheme.hash, weighting: scheme.weighting.method, aggregation: scheme.aggregation.method, grading: scheme.grading.method },
    inputs: [input],
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
  };
  files.push({ name: "manifest.json", data: JSON.stringify(manifest, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2) + "\n" });
  await replaceFolder(o.out, (s) => s.write(files));

  const out = process.stdout;
  const stable = Array.from(result.intervals.gradeStability).filter((v) => v === v);
  const below = stable.filter((v) => v < 0.9).length;
  out.write(`${printable(scheme.title.en)}: ${plan.samples} Monte Carlo samples${result.sobol.length ? `, Sobol design of ${plan.sobolSamples} × ${result.factors.length + 2}` : ""} (${result.runs} scorings, seed ${plan.seed})\n`);
  out.write(`uncertain: ${printable(result.factors.map((f) => f.name).join(", ")) || "nothing (every interval is the nominal rank)"}\n`);
  out.write(`mean absolute rank shift ${fixed(result.shift.mean)}; ${below} of ${stable.length} ranked enterprises keep their grade in under 90% of samples\n\n`);
  if (result.sobol.length)
    out.write(textTable(["factor", "first order", "95% CI", "total order", "95% CI"], result.sobol.map((s) => [s.factor, fixed(s.first, 3), `${fixed(s.firstLow, 3)} – ${fixed(s.firstHigh, 3)}`, fixed(s.total, 3), `${fixed(s.totalLow, 3)} – ${fixed(s.totalHigh, 3)}`]), new Set([1, 3])) + "\n\n");
  if (manifest.warnings.length) out.write(`${manifest.warnings.length} warning(s) in the nominal scoring:\n${indent(manifest.warnings.map(formatProblem).join("\n"))}\n\n`);
  out.write(`results in ${resolve(o.out)}/ (rank-intervals.csv, rank-intervals.arrow, sobol.csv, leave-one-out.csv, rank-intervals.vl.json, manifest.json)\n`);
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
async function loadInput(o: Options): Promise<{ scheme: Scheme; frame: Frame; input: InputRecord; warnings: ReturnType<typeof loadScheme>["warnings"] }> {
  let dir = false;
  try {
    dir = statSync(o.input).isDirectory();
  } catch {
    /* not there: loadPeriodInput names the file */
  }
  if (!dir) {
    if (!o.scheme) throw new ParkscoreError({ code: "cli.usage", message: "sensitivity needs --scheme with a data file (or a dataset folder as --input)" });
    return loadPeriodInput(o.scheme, o.input, { period: o.period, encoding: o.encoding, sheet: o.sheet });
  }
  if (!o.period) throw new ParkscoreError({ code: "cli.usage", message: "with a dataset folder, give the period: --period P" });
  const loaded = o.scheme ? loadScheme(o.scheme) : openDataset(o.input);
  const { frame, revision } = await readStoredPeriod(o.input, o.period, { scheme: loaded.scheme });
  const input: InputRecord = { file: join(o.input, revision.file), sha256: revision.sha256, bytes: statSync(join(o.input, revision.file)).size, rows: revision.rows };
  return { scheme: loaded.scheme, frame, input, warnings: loaded.warnings };
}
