/** `parkscore compare --scheme S --input F --methods topsis,vikor,… --out DIR` */
import { about } from "../catalogue.js";
import { Command } from "commander";
import { resolve } from "node:path";
import { compareToFolder } from "../../engine/index.js";
import { textTable } from "../format.js";

export function compareCommand(): Command {
  return new Command("compare")
    .description(about("compare"))
    .requiredOption("-s, --scheme <file>", "the indicator scheme")
    .requiredOption("-i, --input <file>", "the period's data")
    .requiredOption("-o, --out <dir>", "folder for compare.csv, agreement.csv, manifest.json")
    .option("-m, --methods <list>", "comma-separated aggregation methods", "weighted-sum,topsis,vikor,grey-relational")
    .option("-p, --period <period>", "the period (when the scheme has a period column)")
    .option("--encoding <name>", "CSV encoding: utf-8, gbk or gb18030")
    .option("--sheet <name>", "XLSX sheet name or number")
    .action(async (o: { scheme: string; input: string; out: string; methods: string; period?: string; encoding?: string; sheet?: string }) => {
      const methods = o.methods.split(",").map((m) => m.trim()).filter(Boolean);
      const c = await compareToFolder({ ...o, methods });
      const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "");
      process.stdout.write(`rank agreement over ${c.agreement[0]?.n ?? 0} graded enterprises:\n\n`);
      process.stdout.write(textTable(["method a", "method b", "Spearman", "weighted Spearman", "WS"], c.agreement.map((x) => [x.a, x.b, f(x.spearman), f(x.weightedSpearman), f(x.ws)]), new Set([2, 3, 4])) + "\n\n");
      process.stdout.write(`results in ${resolve(o.out)}/ (compare.csv, agreement.csv, manifest.json)\n`);
    });
}
