/** `parkscore validate --scheme S --input F`: every problem of the scheme and the data, exit 1 if any. */
import { Command } from "commander";
import { formatProblem } from "../../engine/errors.js";
import { loadScheme } from "../../engine/scheme/load.js";
import { loadPeriodInput } from "../../engine/store/input.js";
import { scorePeriod } from "../../engine/score/period.js";
import { indent } from "../run.js";

export function validateCommand(): Command {
  return new Command("validate")
    .description("check a scheme, and a data file against it, reporting every problem")
    .requiredOption("-s, --scheme <file>", "the indicator scheme (YAML or JSON)")
    .option("-i, --input <file>", "a period's data to check against the scheme")
    .option("-p, --period <period>", "the period (when the scheme has a period column)")
    .option("--encoding <name>", "CSV encoding: utf-8, gbk or gb18030")
    .option("--sheet <name>", "XLSX sheet name or number")
    .action(async (o: { scheme: string; input?: string; period?: string; encoding?: string; sheet?: string }) => {
      const loaded = loadScheme(o.scheme);
      let warnings = loaded.warnings;
      let what = `scheme ${o.scheme}: ${loaded.scheme.indicators.length} indicators`;
      if (o.input) {
        const input = await loadPeriodInput(loaded.scheme, o.input, o);
        // Scoring too, so that data-dependent problems (a zero benchmark…) surface here.
        warnings = [...warnings, ...input.warnings, ...scorePeriod(input.frame, input.scheme).warnings];
        what += `; ${o.input}: ${input.frame.nrows} rows`;
      }
      process.stdout.write(`ok — ${what}\n`);
      if (warnings.length) process.stdout.write(`${warnings.length} warning(s):\n${indent(warnings.map(formatProblem).join("\n"))}\n`);
    });
}
