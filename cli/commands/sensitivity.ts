/**
 * `parkscore sensitivity --scheme S --input F | DIR --period P --samples 1000 --seed 7 --out DIR [--workers N]`
 *
 * How much of a ranking rests on the method's choices (OECD/JRC Handbook steps 7–8, COINr): Monte
 * Carlo rank intervals and grade stability, Sobol indices, leave-one-indicator-out. Uncertain
 * assumptions come from the scheme's `uncertainty:` section; a flag replaces that part.
 */
import { SingleBar } from "cli-progress";
import { about } from "../catalogue.js";
import { Command } from "commander";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { formatProblem, ParkscoreError, printable, SensitivityInterrupted, sensitivityToFolder, type SensitivityRequest, type SensitivityRun } from "../../engine/index.js";
import { decimal, wholeNumber } from "../flags.js";
import { fixed, textTable } from "../format.js";
import { indent } from "../run.js";

/** The flags: what the engine call takes, less what the command itself supplies (Ctrl-C, progress). */
type Options = Omit<SensitivityRequest, "signal" | "onStart" | "onProgress">;

const MAX_SAMPLES = 1_000_000;
const samplesWhy = "every sample keeps each enterprise's rank in memory, and a million samples already fix the 5–95 % ranks";
const collect = (v: string, all: string[] = []) => [...all, v];

export function sensitivityCommand(): Command {
  return new Command("sensitivity")
    .description(about("sensitivity"))
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
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  const bar = process.stderr.isTTY
    ? new SingleBar({ stream: process.stderr, format: "sensitivity {bar} {percentage}% | {value}/{total} scorings | ETA {eta_formatted}", hideCursor: true, clearOnComplete: true, etaBuffer: 50 })
    : undefined;
  let started = false;
  let run: SensitivityRun;
  try {
    run = await sensitivityToFolder({
      ...o,
      signal: controller.signal,
      onStart: (scorings, n) => process.stderr.write(`sensitivity: ${scorings} scorings of ${n} enterprises on ${o.workers === 0 ? "this thread" : `${o.workers} worker thread(s)`}… (Ctrl-C stops without writing anything)\n`),
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
  const { scheme, plan, result, warnings } = run;

  const out = process.stdout;
  const stable = Array.from(result.intervals.gradeStability).filter((v) => v === v);
  const below = stable.filter((v) => v < 0.9).length;
  out.write(`${printable(scheme.title.en)}: ${plan.samples} Monte Carlo samples${result.sobol.length ? `, Sobol design of ${plan.sobolSamples} × ${result.factors.length + 2}` : ""} (${result.runs} scorings, seed ${plan.seed})\n`);
  out.write(`uncertain: ${printable(result.factors.map((f) => f.name).join(", ")) || "nothing (every interval is the nominal rank)"}\n`);
  out.write(`mean absolute rank shift ${fixed(result.shift.mean)}; ${below} of ${stable.length} ranked enterprises keep their grade in under 90% of samples\n\n`);
  if (result.sobol.length)
    out.write(textTable(["factor", "first order", "95% CI", "total order", "95% CI"], result.sobol.map((s) => [s.factor, fixed(s.first, 3), `${fixed(s.firstLow, 3)} – ${fixed(s.firstHigh, 3)}`, fixed(s.total, 3), `${fixed(s.totalLow, 3)} – ${fixed(s.totalHigh, 3)}`]), new Set([1, 3])) + "\n\n");
  if (warnings.length) out.write(`${warnings.length} warning(s) in the nominal scoring:\n${indent(warnings.map(formatProblem).join("\n"))}\n\n`);
  out.write(`results in ${resolve(o.out)}/ (rank-intervals.csv, rank-intervals.arrow, sobol.csv, leave-one-out.csv, rank-intervals.vl.json, manifest.json)\n`);
}
