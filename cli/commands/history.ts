/** `parkscore history DIR [--period P]`: the revisions of each period, and its runs. */
import { Command } from "commander";
import { listPeriods, listRevisions, openDataset } from "../../engine/store/dataset.js";
import { listRuns } from "../../engine/store/runs.js";
import { textTable } from "../format.js";

export function historyCommand(): Command {
  return new Command("history")
    .description("list the revisions of a period (or of every period): who imported what, when, hashes, rows")
    .argument("<dir>", "the dataset folder")
    .option("-p, --period <period>", "one period (default: all)")
    .action((dir: string, o: { period?: string }) => {
      openDataset(dir);
      const periods = o.period ? [o.period] : listPeriods(dir);
      const rows = periods.flatMap((p) =>
        listRevisions(dir, p).map((r) => [p, String(r.revision), r.importedAt.replace("T", " ").slice(0, 19), r.importedBy, r.source.name, r.source.sha256.slice(0, 12), String(r.rows)]),
      );
      if (rows.length === 0) {
        process.stdout.write(`no data${o.period ? ` for period ${o.period}` : ""} yet\n`);
        return;
      }
      process.stdout.write(textTable(["period", "revision", "imported (UTC)", "by", "file", "sha256", "rows"], rows, new Set([1, 6])) + "\n");
      for (const p of periods) {
        const runs = listRuns(dir, p);
        if (runs.length) process.stdout.write(`runs of ${p}: ${runs.length} (latest ${runs[runs.length - 1]})\n`);
      }
    });
}
