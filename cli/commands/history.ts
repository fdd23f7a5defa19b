/** `parkscore history DIR [--period P]`: the revisions of each period, and its runs. */
import { about } from "../catalogue.js";
import { Command } from "commander";
import { findRun, listPeriods, listRevisions, listSources, openDataset, periodRuns } from "../../engine/index.js";
import { textTable } from "../format.js";

export function historyCommand(): Command {
  return new Command("history")
    .description(about("history"))
    .argument("<dir>", "the dataset folder")
    .option("-p, --period <period>", "one period (default: all)")
    .action((dir: string, o: { period?: string }) => {
      const { scheme } = openDataset(dir);
      const periods = o.period ? [o.period] : listPeriods(dir);
      // A period delivered by department lists each source's revisions (in the scheme's order), then the merge runs scored.
      const bySource = periods.some((p) => listSources(dir, p).length > 0);
      const rows = periods.flatMap((p) =>
        [undefined, ...(bySource ? new Set([...scheme.departments.map((d) => d.id), ...listSources(dir, p)]) : [])].flatMap((source) =>
          listRevisions(dir, p, source).map((r) => [p, ...(bySource ? [source ?? ""] : []), String(r.revision), when(r.importedAt), r.importedBy, r.source.name, r.source.sha256.slice(0, 12), String(r.rows)]),
        ),
      );
      if (rows.length === 0) {
        process.stdout.write(`no data${o.period ? ` for period ${o.period}` : ""} yet\n`);
        return;
      }
      const out = process.stdout;
      const header = ["period", ...(bySource ? ["source"] : []), "revision", "imported (UTC)", "by", "file", "sha256", "rows"];
      out.write(textTable(header, rows, new Set(bySource ? [2, 7] : [1, 6])) + "\n");
      for (const p of periods) {
        const runs = periodRuns(dir, p);
        if (runs.length === 0) {
          out.write(`\nruns of ${p}: none yet (score it with: parkscore score ${dir} --period ${p})\n`);
          continue;
        }
        const counting = findRun(dir, p, scheme)?.id;
        out.write(`\nruns of ${p}:\n`);
        const table = runs.map((r) => {
          const m = r.manifest;
          const c = m.counts;
          return [r.id, when(m.created), m.revision ? (m.revision.sources ? m.revision.sources.map((u) => `${u.source} r${u.revision}`).join(" ") : String(m.revision.revision)) : "", m.scheme.sha256.slice(0, 12), `${c.graded} of ${c.enterprises}`, Object.entries(c.grades).map(([g, k]) => `${g} ${k}`).join(" · "), String(m.warnings?.length ?? 0), r.id === counting ? "yes" : ""];
        });
        // A merged period's revision is a list of its sources' revisions: a number column only when every row has a number.
        const numbered = table.every((r) => /^\d+$/.test(r[2]));
        out.write(textTable(["run", "made (UTC)", "revision", "scheme", "graded", "grades", "warnings", "counts"], table, new Set(numbered ? [2, 4, 6] : [4, 6])) + "\n");
        if (counting === undefined) out.write(`no run of ${p} counts: none scored its latest revision with the scheme as it is now (score it again with: parkscore score ${dir} --period ${p})\n`);
      }
    });
}

/** An ISO time as `YYYY-MM-DD hh:mm:ss`. */
function when(iso: string): string {
  return iso.replace("T", " ").slice(0, 19);
}
