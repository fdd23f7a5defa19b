/**
 * The whole-command benchmark: the commands a user runs, each as a whole process —
 * `node dist/cli/main.js …` — timed from spawn to exit, with the process's peak resident memory
 * (bench/peak-rss.mjs; worker threads included). `score` from CSV is judged against DuckDB doing the
 * same work in the same run (bench/reference/), the two alternating, medians compared; every other
 * command against its own target. docs/performance.md lists the targets and the latest figures.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { initDataset, listPeriods } from "../engine/store/dataset.js";
import { duckdbScoreSql } from "./reference/duckdb-score.js";
import { benchScheme } from "./scheme.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const CLI = join(root, "dist", "cli", "main.js");
const PEAK = pathToFileURL(join(here, "peak-rss.mjs")).href;

export interface CommandRow {
  what: string;
  /** Median wall time of the runs, and the largest peak RSS among them. */
  ms: number;
  rssMB: number;
  runs: number;
  /** The target: a time, or a ratio to the reference's median. */
  targetMs?: number;
  reference?: { what: string; ms: number; rssMB: number; ratio: number; maxRatio: number };
}

export interface CommandBenchOptions {
  out: string;
  csv: string;
  arrow: string;
  /** The dynamic benchmark's store (every period scored) and the report benchmark's store. */
  dynamicStore: string;
  reportStore: string;
  sensitivityInput: string;
  sensitivitySamples: number;
  /** Runs of each command (the score-from-CSV pair alternates this many times). */
  runs: number;
}

let counter = 0;

/** One whole process: its wall time and peak RSS; a failure stops the benchmark with the command's own message. */
export function timeProcess(args: string[], cwd = root): { ms: number; rssMB: number } {
  const rssFile = join(root, "bench", "out", `.rss-${process.pid}-${counter++}`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", PEAK, ...args], { cwd, env: { ...process.env, PARKSCORE_PEAK_RSS: rssFile }, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr.trim().split("\n").slice(-3).join(" | ")}`);
  const rssMB = Number(readFileSync(rssFile, "utf8")) / 1024;
  rmSync(rssFile, { force: true });
  return { ms, rssMB };
}

/** Stops the benchmark unless DuckDB's scores are parkscore's (within the rounding of a stored score), enterprise by enterprise. */
function checkAgreement(ours: string, theirs: string): void {
  const r = spawnSync(process.execPath, [join(here, "reference", "agreement.mjs"), ours, theirs], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`the agreement check failed: ${r.stderr.trim()}`);
  const a = JSON.parse(r.stdout) as { rows: string; score: number; contrib: number; norm: number; grades: string };
  if (!(a.score < 1e-6 && a.contrib < 1e-9 && a.norm < 1e-12 && Number(a.grades) === 0)) throw new Error(`DuckDB's scores differ from parkscore's: ${r.stdout.trim()}`);
  process.stdout.write(`DuckDB agrees over ${Number(a.rows).toLocaleString("en")} enterprises: scores within ${a.score.toExponential(1)}, contributions ${a.contrib.toExponential(1)}, same grades\n`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** `runs` runs of a command (prepared afresh before each by `before`), as one row. */
function measure(what: string, runs: number, args: () => string[], targetMs?: number, before?: () => void): CommandRow {
  const times: number[] = [];
  let rss = 0;
  for (let k = 0; k < runs; k++) {
    before?.();
    const r = timeProcess(args());
    times.push(r.ms);
    rss = Math.max(rss, r.rssMB);
  }
  return { what, ms: median(times), rssMB: rss, runs, targetMs };
}

export function commandBench(o: CommandBenchOptions): CommandRow[] {
  const scratch = join(o.out, "commands");
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const scheme = join(scratch, "topsis.yaml");
  writeFileSync(scheme, benchScheme("topsis"));
  const sql = join(scratch, "duckdb.sql");
  mkdirSync(join(scratch, "duckdb"));
  writeFileSync(sql, duckdbScoreSql(o.csv, join(scratch, "duckdb")));
  const rows: CommandRow[] = [];

  rows.push(measure("parkscore --version", Math.max(5, o.runs), () => [CLI, "--version"], 300));
  rows.push(measure("parkscore --help", Math.max(5, o.runs), () => [CLI, "--help"], 300));

  // score from CSV against DuckDB, alternating so that the machine's drift falls on both alike
  const ours: number[] = [], theirs: number[] = [];
  let oursRss = 0, theirsRss = 0;
  for (let k = 0; k < o.runs; k++) {
    const a = timeProcess([CLI, "score", "--scheme", scheme, "--input", o.csv, "--out", join(scratch, "score-csv")]);
    const b = timeProcess([join(here, "reference", "run-sql.mjs"), sql]);
    ours.push(a.ms);
    theirs.push(b.ms);
    oursRss = Math.max(oursRss, a.rssMB);
    theirsRss = Math.max(theirsRss, b.rssMB);
  }
  checkAgreement(join(scratch, "score-csv", "scores.csv"), join(scratch, "duckdb", "scores.parquet"));
  const ref = { what: "DuckDB, the same work in SQL (CSV + Parquet out)", ms: median(theirs), rssMB: theirsRss, ratio: median(ours) / median(theirs), maxRatio: 1 };
  rows.push({ what: "score --input CSV", ms: median(ours), rssMB: oursRss, runs: o.runs, reference: ref });

  rows.push(measure("score --input Arrow", o.runs, () => [CLI, "score", "--scheme", scheme, "--input", o.arrow, "--out", join(scratch, "score-arrow")], 8000));

  const dataset = join(scratch, "dataset");
  const fresh = () => {
    rmSync(dataset, { recursive: true, force: true });
    initDataset(dataset);
    copyFileSync(scheme, join(dataset, "scheme.yaml"));
  };
  rows.push(measure("import CSV", o.runs, () => [CLI, "import", dataset, "--period", "2025", o.csv], 5000, fresh));
  rows.push(measure("score DIR --period", o.runs, () => [CLI, "score", dataset, "--period", "2025"], 8000));

  const periods = listPeriods(o.dynamicStore);
  rows.push(measure(`dynamic ${periods.length} periods`, o.runs, () => [CLI, "dynamic", o.dynamicStore, "--from", periods[0], "--to", periods.at(-1)!, "--lambda", "0.3", "--growth", "0.3", "--out", join(scratch, "dynamic")], 5000));
  const last = listPeriods(o.reportStore).at(-1)!;
  rows.push(measure("report", o.runs, () => [CLI, "report", o.reportStore, "--period", last, "--out", join(scratch, "report")], 20_000));
  rows.push(
    measure(`sensitivity × ${o.sensitivitySamples}`, o.runs, () => {
      const s = join(scratch, "sensitivity.yaml");
      if (!existsSync(s)) writeFileSync(s, benchScheme("weighted-sum"));
      return [CLI, "sensitivity", "--scheme", s, "--input", o.sensitivityInput, "--samples", String(o.sensitivitySamples), "--seed", "7", "--weight-noise", "0.25", "--normalize", "minmax,zscore,rank", "--aggregation", "weighted-sum,topsis", "--out", join(scratch, "sensitivity")];
    }, 10_000),
  );
  rows.push(measure("notebook run (demo)", o.runs, () => [CLI, "notebook", "run", join(root, "notebooks", "trends.md"), "--data", join(root, "datasets", "demo"), "--out", join(scratch, "trends.html")], 10_000));
  return rows;
}

/** The table as printed, with a verdict per row when `judge`; returns the count of missed targets. */
export function printCommandTable(rows: CommandRow[], judge: boolean, write: (s: string) => void): number {
  let missed = 0;
  write(`${"command".padEnd(28)}${"wall".padStart(10)}${"target".padStart(12)}${"peak RSS".padStart(11)}\n`);
  for (const r of rows) {
    const target = r.reference ? `≤${r.reference.maxRatio.toFixed(1)}× ref` : r.targetMs !== undefined ? fmtMs(r.targetMs) : "";
    const ok = (r.reference ? r.reference.ratio <= r.reference.maxRatio : r.targetMs === undefined || r.ms <= r.targetMs) && r.rssMB <= 1536;
    if (judge && !ok) missed++;
    write(`${r.what.padEnd(28)}${fmtMs(r.ms).padStart(10)}${target.padStart(12)}${`${r.rssMB.toFixed(0)} MB`.padStart(11)}${judge ? (ok ? "  ok" : "  MISSED") : ""}\n`);
    if (r.reference) write(`${"  DuckDB reference".padEnd(28)}${fmtMs(r.reference.ms).padStart(10)}${`×${r.reference.ratio.toFixed(2)}`.padStart(12)}${`${r.reference.rssMB.toFixed(0)} MB`.padStart(11)}\n`);
  }
  return missed;
}

/** How busy the machine was before the benchmark added its own load. */
const LOAD_BEFORE = loadavg()[0];

/** What the figures were measured on: the day, the processor, its cores, the memory, Node, and how busy the machine was. */
export function machine(): string {
  const all = cpus();
  return `${new Date().toISOString().slice(0, 10)}, ${all[0]?.model.trim() ?? "unknown processor"} × ${all.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${LOAD_BEFORE.toFixed(1)} before the benchmark began`;
}

/** The table in Markdown, for the README and docs/performance.md (`npm run bench -- --record`). */
export function commandTableMarkdown(rows: CommandRow[], measured: string): string {
  const lines = [`Measured ${measured}; whole processes (\`npm run bench\`), the median of each row's runs.`, "", "| command | wall | target | peak RSS | runs | |", "|---|---|---|---|---|---|"];
  for (const r of rows) {
    const target = r.reference ? `≤ ${r.reference.maxRatio.toFixed(1)}× DuckDB` : r.targetMs !== undefined ? fmtMs(r.targetMs) : "";
    const ok = (r.reference ? r.reference.ratio <= r.reference.maxRatio : r.targetMs === undefined || r.ms <= r.targetMs) && r.rssMB <= 1536;
    lines.push(`| ${r.what} | ${fmtMs(r.ms)} | ${target} | ${r.rssMB.toFixed(0)} MB | ${r.runs} | ${ok ? "met" : "**missed**"} |`);
    if (r.reference) lines.push(`| ${r.reference.what} | ${fmtMs(r.reference.ms)} | ratio ×${r.reference.ratio.toFixed(2)} | ${r.reference.rssMB.toFixed(0)} MB | ${r.runs} | |`);
  }
  return lines.join("\n") + "\n";
}

/** Puts `table` between the bench markers of a Markdown file. */
export function recordTable(file: string, table: string): void {
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(START), end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file} has no ${START} … ${END} markers`);
  writeFileSync(file, `${text.slice(0, start + START.length)}\n${table}${text.slice(end)}`);
}
const START = "<!-- bench:commands -->";
const END = "<!-- /bench:commands -->";

function fmtMs(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
