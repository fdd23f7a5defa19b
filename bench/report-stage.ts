/**
 * The report benchmark stage (issue 6: "report for 10,000 enterprises (index + all cards + xlsx)
 * ≤ 20 s"). Run in its own process so that its peak memory is its own; prints one JSON line
 * { stage, ms, rows, rssMB } like bench/stage.ts.
 *
 *   node --import tsx bench/report-stage.ts [--enterprises 10000] [--periods 3] [--out bench/out]
 *
 * The dataset (the demo scheme's evaluation of merged tables; N enterprises × P periods from datasets/generate.ts, seed 13,
 * imported, not scored — the report scores in memory what has no run) is built once under
 * OUT/report-store-<N>x<P>, in a child process (`--build`), and reused. The timed part is what
 * `parkscore report` does: load the period and the earlier ones, build the model, render index.html,
 * every card and league.xlsx, and write them atomically to OUT/report-<N>.
 */
import { peakKB } from "./peak-rss.mjs";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { mergedDemoScheme } from "../datasets/demo.js";
import { generatePanel } from "../datasets/panel.js";
import { writeArrow } from "../datasets/write.js";
import { reportFiles } from "../engine/report/files.js";
import { loadReport } from "../engine/report/load.js";
import { replaceFolder } from "../engine/store/atomic.js";
import { importPeriod, initDataset, listPeriods } from "../engine/store/dataset.js";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const n = Number(arg("--enterprises", "10000"));
const periods = Number(arg("--periods", "3"));
const out = arg("--out", join(here, "out"));

/** Builds the report benchmark's dataset (once). */
export async function buildReportStore(store: string, enterprises: number, count: number): Promise<void> {
  rmSync(store, { recursive: true, force: true });
  initDataset(store);
  writeFileSync(join(store, "scheme.yaml"), mergedDemoScheme());
  for (const p of generatePanel({ enterprises, periods: count, seed: 13, firstPeriod: 2023 })) {
    const file = join(out, `report-${enterprises}-${p.period}.arrow`);
    writeArrow(p, file, { headers: "en" });
    await importPeriod(store, String(p.period), file);
  }
}

const store = join(out, `report-store-${n}x${periods}`);
if (args.includes("--build")) {
  mkdirSync(out, { recursive: true });
  await buildReportStore(store, n, periods);
} else {
  if (!existsSync(join(store, "periods")) || listPeriods(store).length < periods) {
    process.stderr.write(`building a dataset of ${n.toLocaleString("en")} enterprises × ${periods} periods…\n`);
    execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--build", "--enterprises", String(n), "--periods", String(periods), "--out", out], { stdio: "inherit" });
  }
  const last = listPeriods(store).at(-1)!;
  const target = join(out, `report-${n}`);
  rmSync(target, { recursive: true, force: true });
  const t0 = performance.now();
  const model = await loadReport(store, last, { lang: "zh" });
  const files = await reportFiles(model);
  await replaceFolder(target, (s) => s.write(files));
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ stage: "report", ms, rows: model.result.n, rssMB: peakKB() / 1024 }) + "\n");
}
