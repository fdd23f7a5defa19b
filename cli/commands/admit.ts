/** `parkscore admit --standard S --input applicants.csv --out DIR` — admission screening (docs/admission.md). */
import { about } from "../catalogue.js";
import { Command } from "commander";
import { resolve } from "node:path";
import { admitToFolder, DECISION_LABELS, printable, type AdmitRequest } from "../../engine/index.js";
import { textTable } from "../format.js";

export function admitCommand(): Command {
  return new Command("admit")
    .description(about("admit"))
    .requiredOption("-s, --standard <file>", "standard file, e.g. datasets/standards/local/wuan-parks-demo.yaml or datasets/standards/cn-2008.yaml")
    .requiredOption("-i, --input <file>", "applicants (csv UTF-8/GBK, xlsx, arrow, parquet), e.g. datasets/demo/applicants.csv")
    .requiredOption("-o, --out <dir>", "folder for admission.csv/.xlsx, checks.csv, report.html, applicants/*.html, manifest.json")
    .option("--encoding <enc>", "CSV encoding (utf-8, gbk, gb18030); detected when absent")
    .option("--sheet <name>", "XLSX sheet (name or 1-based index)")
    .option("--edition <year>", "GB/T 4754 edition of industry codes without an edition column: 2017, 2011 or 2002", "2017")
    .action(async (o: AdmitRequest) => {
      const { standard: std, rows, decisions } = await admitToFolder(o);
      const w = process.stdout;
      w.write(`admission screening of ${rows.length} applicants against ${printable(`${std.title.zh} (${std.document}${std.kind === "local" ? ", local" : ""})`)}\n\n`);
      w.write(textTable(["row", "id", "name", "decision", "first reason"], rows.map((s) => [String(s.applicant.row), s.applicant.id, s.applicant.name, `${DECISION_LABELS[s.decision.decision].zh} ${s.decision.decision}`, s.decision.reasons[0]?.zh ?? ""])) + "\n\n");
      w.write(`decisions: ${Object.entries(decisions).map(([k, v]) => `${k} ${v}`).join(" · ")}\nresults in ${resolve(o.out)}/ (report.html)\n`);
    });
}
