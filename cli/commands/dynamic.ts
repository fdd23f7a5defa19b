/** `parkscore dynamic DIR --from 2021 --to 2025 [--lambda 0.3] [--growth 0.3] --out OUT` */
import { about } from "../catalogue.js";
import { Command } from "commander";
import { resolve } from "node:path";
import { dynamicToFolder, type DynamicResult } from "../../engine/index.js";
import { decimal, wholeNumber } from "../flags.js";
import { fixed, listing, textTable } from "../format.js";

interface DynamicCliOptions {
  from?: string;
  to?: string;
  lambda: number;
  growth: number;
  minPeriods: number;
  out: string;
}

export function dynamicCommand(): Command {
  return new Command("dynamic")
    .description(about("dynamic"))
    .argument("<dir>", "the dataset folder")
    .option("--from <period>", "first period of the window (default: the first stored)")
    .option("--to <period>", "last period of the window (default: the last stored)")
    .option("--lambda <λ>", "time degree: 0.5 equal weights, below 0.5 favours recent periods", decimal("--lambda", { min: 0, max: 1 }), 0.3)
    .option("--growth <α>", "share of the growth term built from period-to-period differences (0–1)", decimal("--growth", { min: 0, max: 1 }), 0)
    .option("--min-periods <n>", "enterprises scored in fewer periods get no dynamic score", wholeNumber("--min-periods", { min: 1 }), 1)
    .requiredOption("-o, --out <dir>", "folder for dynamic.csv/.arrow, time-weights.csv, weights.csv, movement.csv, transitions.csv, manifest.json")
    .action(async (dir: string, o: DynamicCliOptions) => {
      const { result, periods, notes } = await dynamicToFolder(dir, o);
      report(result, periods, notes, o.out);
    });
}

function report(r: DynamicResult, periods: string[], notes: string[], out: string): void {
  const w = process.stdout;
  w.write(`dynamic evaluation of ${periods[0]}–${periods[periods.length - 1]} (${periods.length} periods); time weights ${Array.from(r.timeWeights, (x) => x.toFixed(4)).join(" · ")}\n\n`);
  const order = Array.from(r.rank.keys()).filter((i) => r.rank[i] > 0).sort((a, b) => r.rank[a] - r.rank[b]).slice(0, 10);
  w.write(textTable(["rank", "id", "name", "score", "grade", "periods", "trend"], order.map((i) => [String(r.rank[i]), r.panel.ids[i], r.panel.names[i], fixed(r.score[i]), r.grade[i], String(r.periodsUsed[i]), fixed(r.trend[i])]), new Set([0, 3, 5, 6])) + "\n\n");
  if (notes.length) w.write(`${listing("note(s)", notes)}\n\n`);
  w.write(`results in ${resolve(out)}/\n`);
}
