/**
 * `npm run bench [-- --quick] [-- --enterprises N]`: generates a period of N enterprises (default
 * 1,000,000) × 20 indicators. First the commands as a user runs them, whole processes, against their
 * targets and, for `score` from CSV, against DuckDB in the same run (bench/commands.ts). Then the
 * in-process stages, each in a fresh process with its peak memory:
 * reading it from Arrow, reading it from CSV, and scoring it (min-max, expert weights, weighted sum
 * or TOPSIS, quota grades, ranks, contributions). Targets (issue "Score one period end to end"):
 * scoring ≤ 0.6 s, Arrow read ≤ 0.2 s, CSV read ≤ 3 s, peak RSS ≤ 1.5 GB. Then a dataset of 100,000
 * enterprises × 20 indicators × 10 periods in the store, and the dynamic evaluation over it with
 * scatter-degree weights and λ time weights (target ≤ 3 s); the report for 10,000 enterprises (index,
 * every card, league.xlsx; ≤ 20 s); the sensitivity analysis of 10,000 × 20 × 1,000 Monte Carlo
 * samples (≤ 10 s) with one and with two worker threads. `--quick` (CI) runs smaller sizes and
 * reports without judging.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generatePanel } from "../datasets/panel.js";
import { writeArrow, writeCsv } from "../datasets/write.js";
import { commandBench, commandTableMarkdown, machine, printCommandTable, recordTable } from "./commands.js";
import { importPeriod, initDataset } from "../engine/store/dataset.js";
import { scoreStored } from "../engine/store/runs.js";
import { benchScheme } from "./scheme.js";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const flag = args.indexOf("--enterprises");
const n = flag >= 0 ? Number(args[flag + 1]) : quick ? 100_000 : 1_000_000;
const full = n === 1_000_000 && !quick;

interface Result {
  stage: string;
  ms: number;
  rows: number;
  rssMB: number;
}

const out = join(here, "out");
mkdirSync(out, { recursive: true });
const csv = join(out, `period-${n}.csv`);
const arrow = join(out, `period-${n}.arrow`);
if (!existsSync(csv) || !existsSync(arrow)) {
  process.stdout.write(`generating ${n.toLocaleString("en")} enterprises (seed 7)…\n`);
  const [period] = generatePanel({ enterprises: n, periods: 1, seed: 7 });
  writeCsv(period, csv, { headers: "en" });
  writeArrow(period, arrow, { headers: "en" });
}
process.stdout.write(`data: ${csv} (${mb(statSync(csv).size)} MB), ${arrow} (${mb(statSync(arrow).size)} MB)\n\n`);

function stage(name: string, file: string): Result {
  // Best of three: the machine is shared, and the minimum is the least disturbed measurement.
  const script = join(here, name === "dynamic" ? "dynamic-stage.ts" : "stage.ts");
  const args = name === "dynamic" ? [script, file] : [script, name, file];
  const runs = [0, 1, 2].map(() => JSON.parse(execFileSync(process.execPath, ["--import", "tsx", ...args], { encoding: "utf8" })) as Result);
  return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
}

// The dynamic benchmark's dataset: built once (generate, import, score every period), then reused.
const panelSize = quick ? 10_000 : 100_000;
const store = join(out, `store-${panelSize}x10`);
if (!existsSync(join(store, "runs"))) {
  process.stdout.write(`building a dataset of ${panelSize.toLocaleString("en")} enterprises × 10 periods…\n`);
  initDataset(store);
  writeFileSync(join(store, "scheme.yaml"), benchScheme("weighted-sum").replace("weighting: { method: expert }", "weighting: { method: scatter-degree }"));
  const periods = generatePanel({ enterprises: panelSize, periods: 10, seed: 11, firstPeriod: 2016 });
  for (const p of periods) {
    const file = join(out, `panel-${panelSize}-${p.period}.arrow`);
    writeArrow(p, file, { headers: "en" });
    await importPeriod(store, String(p.period), file);
    await scoreStored(store, String(p.period));
  }
}

// The report's dataset (built once by report-stage.ts) and the sensitivity analysis's input.
const reportSize = quick ? 2_000 : 10_000;
const reportStore = join(out, `report-store-${reportSize}x3`);
if (!existsSync(join(reportStore, "periods"))) execFileSync(process.execPath, ["--import", "tsx", join(here, "report-stage.ts"), "--build", "--enterprises", String(reportSize), "--out", out], { stdio: "inherit" });
const sensitivityInput = join(out, "period-10000.arrow");
if (!existsSync(sensitivityInput)) writeArrow(generatePanel({ enterprises: 10_000, periods: 1, seed: 7 })[0], sensitivityInput, { headers: "en" });
const sensSamples = quick ? 100 : 1_000;

process.stdout.write(`whole commands (node dist/cli/main.js …; ${full ? "medians of 3 runs" : "one run each"}):\n`);
const commands = commandBench({ out, csv, arrow, dynamicStore: store, reportStore, sensitivityInput, sensitivitySamples: sensSamples, runs: full ? 3 : 1 });
const commandsMissed = printCommandTable(commands, full, (s) => process.stdout.write(s));
// The full run's table, with when and where it was measured, goes into the README and docs/performance.md.
if (full && args.includes("--record")) for (const file of ["README.md", join("docs", "performance.md")]) recordTable(join(here, "..", file), commandTableMarkdown(commands, machine()));
process.stdout.write("\nstages (in-process, best of 3):\n");

const targets: { what: string; result: Result; ms: number }[] = [
  { what: "read Arrow", result: stage("read", arrow), ms: 200 },
  { what: "read CSV", result: stage("read", csv), ms: 3000 },
  { what: "score: weighted sum", result: stage("score-sum", arrow), ms: 600 },
  { what: "score: TOPSIS", result: stage("score-topsis", arrow), ms: 600 },
  { what: `dynamic: ${panelSize / 1000}k × 10`, result: stage("dynamic", store), ms: 3000 },
];

// The report (index + every card + league.xlsx) and the sensitivity analysis, each at its own size.
targets.push({ what: `report: ${reportSize / 1000}k cards`, result: child("report-stage.ts", "--enterprises", String(reportSize), "--out", out), ms: 20_000 });
// The compiled code, as `parkscore sensitivity` runs it (worker threads then start without tsx's loader).
const sensitivity = child("sensitivity-stage.ts", "--enterprises", "10000", "--samples", String(sensSamples), "--dist");
targets.push({ what: `sensitivity: 10k × ${sensSamples}`, result: sensitivity, ms: 10_000 });

/** One run of a stage script that prints its result as the last line of JSON. */
function child(script: string, ...args: string[]): Result & Record<string, unknown> {
  const text = execFileSync(process.execPath, ["--import", "tsx", join(here, script), ...args], { encoding: "utf8" });
  return JSON.parse(text.trim().split("\n").pop()!);
}

let failed = commandsMissed;
process.stdout.write(`${"stage".padEnd(22)}${"time".padStart(10)}${"target".padStart(10)}${"peak RSS".padStart(12)}\n`);
for (const t of targets) {
  const okTime = t.result.ms <= t.ms;
  const okRss = t.result.rssMB <= 1536;
  if (full && !(okTime && okRss)) failed++;
  const verdict = full ? (okTime && okRss ? "  ok" : "  MISSED") : "";
  process.stdout.write(`${t.what.padEnd(22)}${`${t.result.ms.toFixed(0)} ms`.padStart(10)}${`${t.ms} ms`.padStart(10)}${`${t.result.rssMB.toFixed(0)} MB`.padStart(12)}${verdict}\n`);
}
if (typeof sensitivity.msOneWorker === "number")
  process.stdout.write(`\nsensitivity: this thread ${(sensitivity.msInThread as number).toFixed(0)} ms, one worker ${(sensitivity.msOneWorker as number).toFixed(0)} ms, two workers ${sensitivity.ms.toFixed(0)} ms: speed-up ×${(sensitivity.msOneWorker as number / sensitivity.ms).toFixed(2)}\n`);
process.stdout.write(full ? `\n${failed ? `${failed} target(s) missed` : "all targets met"} (peak RSS target 1536 MB)\n` : `\n(${n.toLocaleString("en")} enterprises: targets are judged at 1,000,000 only)\n`);
if (failed) process.exitCode = 1;

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(0);
}
