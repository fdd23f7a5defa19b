/** `parkscore validate --scheme S --input F`: every problem of the scheme and the data, exit 1 if any. */
import { about } from "../catalogue.js";
import { Command } from "commander";
import { formatProblem, printable, validateFiles } from "../../engine/index.js";
import { indent } from "../run.js";

export function validateCommand(): Command {
  return new Command("validate")
    .description(about("validate"))
    .requiredOption("-s, --scheme <file>", "the indicator scheme (YAML or JSON)")
    .option("-i, --input <file>", "a period's data to check against the scheme, or a folder of its department files")
    .option("-p, --period <period>", "the period (when the scheme has a period column)")
    .option("--encoding <name>", "CSV encoding: utf-8, gbk or gb18030")
    .option("--sheet <name>", "XLSX sheet name or number")
    .action(async (o: { scheme: string; input?: string; period?: string; encoding?: string; sheet?: string }) => {
      const { indicators, rows, warnings } = await validateFiles(o.scheme, o.input, o);
      const what = `scheme ${o.scheme}: ${indicators} indicators${o.input ? `; ${o.input}: ${rows} rows` : ""}`;
      process.stdout.write(`ok — ${printable(what)}\n`);
      if (warnings.length) process.stdout.write(`${warnings.length} warning(s):\n${indent(warnings.map(formatProblem).join("\n"))}\n`);
    });
}
