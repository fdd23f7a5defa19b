/**
 * The sensitivity benchmark stage in its own process (issue "Uncertainty and sensitivity"):
 * 10,000 enterprises × 20 indicators × 1,000 Monte Carlo samples over the weights (uniform ±25% per
 * level) and method choices (normalisation minmax | zscore | rank, aggregation weighted sum | TOPSIS),
 * each sample a full re-scoring; target ≤ 10 s on the 2-core machine. Runs it in this thread
 * (`--workers 0`), with one worker thread, then with two, and prints one JSON line: { stage, ms (two
 * workers), msOneWorker, msInThread, speedup (one worker / two), rows, samples, rssMB }. All runs
 * must give the same results (checked). A worker thread first loads the scoring code — mathjs above
 * all, about 0.7 s of CPU — during which the calling thread scores; on a short job that start-up is
 * a large part of the time, on a long one (a Sobol design) two workers approach twice one.
 *
 *   npx tsx bench/sensitivity-stage.ts [FILE.arrow] [--enterprises 10000] [--samples 1000] [--workers 2] [--sobol-samples 0] [--dist]
 *
 * Without FILE, generates bench/out/period-<N>.arrow (seed 7) the first time, as bench/run.ts does.
 * Worker threads load the TypeScript sources through tsx's loader, which costs each of them seconds;
 * `--dist` runs the compiled code instead, as `parkscore` does.
 */
import { peakKB } from "./peak-rss.mjs";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generatePanel } from "../datasets/panel.js";
import { writeArrow } from "../datasets/write.js";
import { readFrame } from "../engine/data/read.js";
import { schemeColumns } from "../engine/scheme/columns.js";
import { parseScheme } from "../engine/scheme/load.js";
import type { analyseSensitivity as Analyse } from "../engine/sensitivity/analysis.js";
import { benchScheme } from "./scheme.js";

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const n = opt("--enterprises", 10_000);
const samples = opt("--samples", 1000);
const workers = opt("--workers", 2);
const sobolSamples = opt("--sobol-samples", 0);
// --dist: the compiled code (npm run build), as the CLI runs it; worker threads then start without tsx's loader.
const dist = args.includes("--dist");
const { analyseSensitivity } = (await import(dist ? "../dist/engine/sensitivity/analysis.js" : "../engine/sensitivity/analysis.js")) as { analyseSensitivity: typeof Analyse };
const positional = args.filter((a, k) => !a.startsWith("--") && !(k > 0 && args[k - 1].startsWith("--") && args[k - 1] !== "--dist"));

const UNCERTAINTY = `uncertainty:
  weights: { noise: 0.25 }
  normalize: [minmax, zscore, rank]
  aggregation: [weighted-sum, topsis]
`;
const scheme = parseScheme(benchScheme("weighted-sum") + UNCERTAINTY, "bench-scheme.yaml").scheme;

let file = positional[0];
if (!file) {
  const out = join(dirname(fileURLToPath(import.meta.url)), "out");
  mkdirSync(out, { recursive: true });
  file = join(out, `period-${n}.arrow`);
  if (!existsSync(file)) writeArrow(generatePanel({ enterprises: n, periods: 1, seed: 7 })[0], file, { headers: "en" });
}
const frame = await readFrame(file, schemeColumns(scheme));
const plan = { seed: 7, samples, sobolSamples };

/** The analysis end to end: nominal scoring, the samples, the rank intervals, the Sobol indices when asked (no leave-one-out). */
async function timed(w: number): Promise<{ ms: number; checksum: number }> {
  const t0 = performance.now();
  const r = await analyseSensitivity(frame, scheme, scheme.uncertainty!, plan, { workers: w, noLeaveOneOut: true });
  const ms = performance.now() - t0;
  let checksum = r.shift.mean;
  for (let i = 0; i < r.intervals.rankMedian.length; i++) if (r.intervals.rankMedian[i] === r.intervals.rankMedian[i]) checksum += r.intervals.rankMedian[i];
  return { ms, checksum };
}

const inThread = await timed(0);
const one = await timed(1);
const many = await timed(workers);
if (one.checksum !== many.checksum || inThread.checksum !== many.checksum) throw new Error("results differ between thread counts: they must not");
process.stdout.write(
  JSON.stringify({
    stage: "sensitivity",
    ms: many.ms,
    msOneWorker: one.ms,
    msInThread: inThread.ms,
    workers,
    speedup: one.ms / many.ms,
    rows: frame.nrows,
    samples,
    sobolSamples,
    code: dist ? "dist" : "sources (tsx)",
    rssMB: peakKB() / 1024,
  }) + "\n",
);
