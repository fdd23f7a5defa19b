/** `parkscore score --scheme S --input F [--period P] --out DIR` */
import { about } from "../catalogue.js";
import { Command, Option } from "commander";
import { resolve } from "node:path";
import { listPeriods, ParkscoreError, printable, scoreStored, scoreToFolder, type Lang, type PeriodResult, type ScoredRun, type ScoreRequest } from "../../engine/index.js";
import { wholeNumber } from "../flags.js";
import { fixed, sweptText, textTable, warningsText } from "../format.js";

export interface ScoreOptions extends ScoreRequest {
  /** How many of the ranking to print. */
  top: number;
}

export function scoreCommand(): Command {
  return new Command("score")
    .description(about("score"))
    .argument("[dir]", "a dataset folder: score its stored periods and keep each run under DIR/runs/")
    .option("-s, --scheme <file>", "the indicator scheme (YAML or JSON)")
    .option("-i, --input <file>", "the period's data (.csv, .xlsx, .arrow, .parquet), or a folder of its department files named for the scheme's sources")
    .option("-o, --out <dir>", "folder for scores.csv, scores.arrow, weights.csv, manifest.json")
    .option("-p, --period <period>", "the period (selects rows when the scheme has a period column; with DIR, the period to score)")
    .option("--all", "with DIR: score every stored period")
    .option("--encoding <name>", "CSV encoding: utf-8, gbk or gb18030 (detected when absent)")
    .option("--sheet <name>", "XLSX sheet name or number (default: the first)")
    .addOption(new Option("--lang <lang>", "language of reasons").choices(["zh", "en"]).default("zh"))
    .option("--top <n>", "how many of the ranking to print", wholeNumber("--top", { min: 0 }), 10)
    .action(async (dir: string | undefined, o: Partial<ScoreOptions> & { all?: boolean }) => {
      if (dir !== undefined) return scoreDataset(dir, o);
      const missing = (["scheme", "input", "out"] as const).filter((k) => !o[k]);
      if (missing.length)
        throw new ParkscoreError({ code: "cli.usage", message: `score needs ${missing.map((k) => `--${k}`).join(", ")} (or a dataset folder: parkscore score DIR --period P)` });
      await scoreCommandOutput(o as ScoreOptions);
    });
}

async function scoreDataset(dir: string, o: { period?: string; all?: boolean; lang?: Lang }): Promise<void> {
  if (!o.period === !o.all) throw new ParkscoreError({ code: "cli.usage", message: "give either --period P or --all" });
  const periods = o.all ? listPeriods(dir) : [o.period!];
  if (periods.length === 0) throw new ParkscoreError({ code: "store.no-period", file: dir, message: "the dataset has no data yet", fix: `import a period: parkscore import ${dir} --period 2025 FILE` });
  // Every period is tried, so that a scheme change that leaves several stored periods short says so for all of them at once.
  const problems: ParkscoreError[] = [];
  for (const p of periods) {
    let run: ScoredRun;
    try {
      run = await scoreStored(dir, p, o.lang ?? "zh");
    } catch (e) {
      if (!(e instanceof ParkscoreError) || e.code === "store.locked" || periods.length === 1) throw e;
      problems.push(e);
      continue;
    }
    const c = run.manifest.counts;
    process.stdout.write(sweptText(run.swept));
    process.stdout.write(`${p}: ${c.graded} graded of ${c.enterprises} (${Object.entries(c.grades).map(([g, k]) => `${g} ${k}`).join(" · ")}) → ${run.dir}\n`);
    process.stdout.write(warningsText(run.manifest.warnings));
  }
  if (problems.length) throw new ParkscoreError(problems.flatMap((e) => e.problems), problems.reduce((n, e) => n + e.omitted, 0));
}

/** Scores and writes; prints the top of the ranking and where the results are. */
export async function scoreCommandOutput(o: ScoreOptions): Promise<void> {
  const { scheme, result, manifest } = await scoreToFolder(o);
  const c = manifest.counts;
  const out = process.stdout;
  out.write(`${printable(scheme.title[o.lang])}: ${c.enterprises} enterprises, ${c.graded} graded${c["not-graded"] ? `, ${c["not-graded"]} not graded` : ""}${c.excluded ? `, ${c.excluded} excluded` : ""}${c.vetoed ? `, ${c.vetoed} vetoed` : ""}\n`);
  out.write(`grades: ${Object.entries(c.grades).map(([g, k]) => `${g} ${k}`).join(" · ")}\n\n`);
  out.write(topTable(result, o.top) + "\n\n");
  if (manifest.warnings.length) out.write(`${warningsText(manifest.warnings)}\n`);
  out.write(`results in ${resolve(o.out)}/ (scores.csv, scores.arrow, weights.csv, manifest.json)\n`);
}

function topTable(r: PeriodResult, top: number): string {
  // Ranks are 1..n with ties sharing one: the first `top` are among those ranked `top` or better, so only they are sorted.
  const best: number[] = [];
  for (let i = 0; i < r.n; i++) if (r.rank[i] > 0 && r.rank[i] <= top) best.push(i);
  const order = best
    .sort((a, b) => r.rank[a] - r.rank[b] || (r.ids[a] < r.ids[b] ? -1 : 1))
    .slice(0, Math.max(0, top));
  return textTable(
    ["rank", "id", "name", "score", "grade"],
    order.map((i) => [String(r.rank[i]), r.ids[i], r.names[i], fixed(r.score[i]), r.grade[i] + (r.vetoed[i] ? " (veto)" : "")]),
    new Set([0, 3]),
  );
}
