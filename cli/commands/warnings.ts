/** `parkscore warnings DIR --period 2025`: who needs leadership's attention this period. */
import { about } from "../catalogue.js";
import { Command } from "commander";
import { periodAlerts } from "../../engine/index.js";
import { wholeNumber } from "../flags.js";
import { listing, textTable } from "../format.js";

export function warningsCommand(): Command {
  return new Command("warnings")
    .description(about("warnings"))
    .argument("<dir>", "the dataset folder")
    .requiredOption("-p, --period <period>", "the period to look at")
    .option("--falling <n>", "periods of falling score that raise a warning", wholeNumber("--falling", { min: 1 }), 3)
    .action(async (dir: string, o: { period: string; falling: number }) => {
      const { alerts: list, notes } = await periodAlerts(dir, o.period, o.falling);
      if (list.length === 0) process.stdout.write(`no warnings for ${o.period}\n`);
      else process.stdout.write(`${list.length} warning(s) for ${o.period}:\n\n${textTable(["kind", "id", "name", "detail"], list.map((a) => [a.kind, a.id, a.name, a.detail]))}\n`);
      if (notes.length) process.stdout.write(`\n${listing("note(s)", notes)}\n`);
    });
}
