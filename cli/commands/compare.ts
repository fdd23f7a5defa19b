/** `parkscore compare --scheme S --input F --methods topsis,vikor,… --out DIR` */
import { Command } from "commander";
import { resolve } from "node:path";
import { ParkscoreError } from "../../engine/errors.js";
import { csvChunks } from "../../engine/data/write-csv.js";
import { aggregationMethods } from "../../engine/scheme/schema.js";
import type { AggregationMethod } from "../../engine/scheme/types.js";
import { agreementTable, compareMethods, comparisonTable } from "../../engine/sensitivity/compare.js";
import { replaceFolder } from "../../engine/store/atomic.js";
import { loadPeriodInput } from "../../engine/store/input.js";
import { versions } from "../../engine/store/provenance.js";
import { textTable } from "../format.js";

export function compareCommand(): Command {
  return new Command("compare")
    .description("score one period under several aggregation methods and measure how much their rankings agree")
    .requiredOption("-s, --scheme <file>", "the indicator scheme")
    .requiredOption("-i, --input <file>", "the period's data")
    .requiredOption("-o, --out <dir>", "folder for compare.csv, agreement.csv, manifest.json")
    .option("-m, --methods <list>", "comma-separated aggregation methods", "weighted-sum,topsis,vikor,grey-relational")
    .option("-p, --period <period>", "the period (when the scheme has a period column)")
    .option("--encoding <name>", "CSV encoding: utf-8, gbk or gb18030")
    .option("--sheet <name>", "XLSX sheet name or number")
    .action(async (o: { scheme: string; input: string; out: string; methods: string; period?: string; encoding?: string; sheet?: string }) => {
      const methods = o.methods.split(",").map((m) => m.trim()).filter(Boolean);
      const unknown = methods.filter((m) => !(aggregationMethods as readonly string[]).includes(m));
      if (unknown.length || methods.length < 2)
        throw new ParkscoreError({
          code: "cli.methods",
          message: unknown.length ? `unknown method(s): ${unknown.join(", ")}` : "compare needs at least two methods",
          fix: `choose from ${aggregationMethods.join(", ")}`,
        });
      const { scheme, frame, input } = await loadPeriodInput(o.scheme, o.input, o);
      const c = compareMethods(frame, scheme, methods as AggregationMethod[]);
      const manifest = { ...versions(), command: "compare", created: new Date().toISOString(), period: o.period ?? null, scheme: { file: scheme.file, sha256: scheme.hash }, inputs: [input], methods, agreement: c.agreement };
      await replaceFolder(o.out, (s) => s.write([
        { name: "compare.csv", data: csvChunks(comparisonTable(c), frame.nrows) },
        { name: "agreement.csv", data: csvChunks(agreementTable(c), c.agreement.length) },
        { name: "manifest.json", data: JSON.stringify(manifest, null, 2) + "\n" },
      ]));
      const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "");
      process.stdout.write(`rank agreement over ${c.agreement[0]?.n ?? 0} graded enterprises:\n\n`);
      process.stdout.write(textTable(["method a", "method b", "Spearman", "weighted Spearman", "WS"], c.agreement.map((x) => [x.a, x.b, f(x.spearman), f(x.weightedSpearman), f(x.ws)]), new Set([2, 3, 4])) + "\n\n");
      process.stdout.write(`results in ${resolve(o.out)}/ (compare.csv, agreement.csv, manifest.json)\n`);
    });
}
