/** `parkscore import DIR --period P [--source ID] FILE`: validate a period's file (or one department's), store it as a new revision, and print what it gives. */
import { about } from "../catalogue.js";
import { Command } from "commander";
import { formatProblem, importPeriod, importSource, printable, type ImportedSource } from "../../engine/index.js";
import { sweptText, warningsText } from "../format.js";

export function importCommand(): Command {
  return new Command("import")
    .description(about("import"))
    .argument("<dir>", "the dataset folder")
    .argument("<file>", "the data (.csv, .xlsx, .arrow, .parquet)")
    .requiredOption("-p, --period <period>", "the period, e.g. 2025")
    .option("--source <id>", "the department source the file is, by its id in the scheme's sources:")
    .option("--encoding <name>", "CSV encoding: utf-8, gbk or gb18030 (detected when absent)")
    .option("--sheet <name>", "XLSX sheet name or number (default: the first)")
    .action(async (dir: string, file: string, o: { period: string; source?: string; encoding?: string; sheet?: string }) => {
      if (o.source !== undefined) return printSource(dir, await importSource(dir, o.period, o.source, file, o));
      const { revision: r, swept } = await importPeriod(dir, o.period, file, o);
      process.stdout.write(sweptText(swept));
      process.stdout.write(`period ${r.period}: revision ${r.revision}, ${r.rows} rows from ${printable(r.source.name)} (sha256 ${r.source.sha256.slice(0, 12)}…)\n  stored as ${r.file} (${r.columns?.length} columns)\n`);
      process.stdout.write(warningsText(r.warnings ?? []));
    });
}

function printSource(dir: string, { revision: r, swept, source, coverage: c, problems }: ImportedSource): void {
  const out = process.stdout;
  out.write(sweptText(swept));
  out.write(`period ${r.period}, source ${source.id} (${printable(source.label.zh)}): revision ${r.revision}, ${r.rows} rows from ${printable(r.source.name)} (sha256 ${r.source.sha256.slice(0, 12)}…)\n  stored as ${r.file}\n`);
  if (c && !source.participants)
    out.write(`  matches ${c.matched} participants; ${c.lacking.length === 1 ? "1 participant has" : `${c.lacking.length} participants have`} no row; ${c.unknown.length === 1 ? "1 code is" : `${c.unknown.length} codes are`} not on the participant list${c.shareRule ? `; shared parcels: ${c.shareRule}` : ""}\n`);
  if (problems.length) out.write(`${problems.length} problem(s) to fix before the period can be scored:\n${problems.map((p) => `  ${formatProblem(p)}\n`).join("")}`);
  out.write(warningsText(r.warnings ?? []));
  out.write(`the coverage report of the period: parkscore intake ${printable(dir)} --period ${r.period}\n`);
}
