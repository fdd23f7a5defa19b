/** `parkscore import DIR --period P FILE`: validate a period's file, store it as a new revision, and print what scoring it finds. */
import { about } from "../catalogue.js";
import { Command } from "commander";
import { printable, importPeriod } from "../../engine/index.js";
import { sweptText, warningsText } from "../format.js";

export function importCommand(): Command {
  return new Command("import")
    .description(about("import"))
    .argument("<dir>", "the dataset folder")
    .argument("<file>", "the period's data (.csv, .xlsx, .arrow, .parquet)")
    .requiredOption("-p, --period <period>", "the period, e.g. 2025")
    .option("--encoding <name>", "CSV encoding: utf-8, gbk or gb18030 (detected when absent)")
    .option("--sheet <name>", "XLSX sheet name or number (default: the first)")
    .action(async (dir: string, file: string, o: { period: string; encoding?: string; sheet?: string }) => {
      const { revision: r, swept } = await importPeriod(dir, o.period, file, o);
      process.stdout.write(sweptText(swept));
      process.stdout.write(`period ${r.period}: revision ${r.revision}, ${r.rows} rows from ${printable(r.source.name)} (sha256 ${r.source.sha256.slice(0, 12)}…)\n  stored as ${r.file} (${r.columns?.length} columns)\n`);
      process.stdout.write(warningsText(r.warnings ?? []));
    });
}
