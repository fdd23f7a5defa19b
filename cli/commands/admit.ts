/** `parkscore admit --standard S --input applicants.csv --out DIR` — admission screening (docs/admission.md). */
import { Command } from "commander";
import { resolve } from "node:path";
import { applicantsFromFrame, applicantSpec } from "../../engine/admission/applicants.js";
import { DECISION_LABELS, type Decision } from "../../engine/admission/decision.js";
import { applicantHtml, applicantPageName, batchHtml } from "../../engine/admission/html.js";
import { loadStandard } from "../../engine/store/standards.js";
import { checksTable, decisionTable, screen } from "../../engine/admission/screen.js";
import { readFrame } from "../../engine/data/read.js";
import { csvChunks } from "../../engine/data/write-csv.js";
import { xlsxBytes } from "../../engine/data/write-xlsx.js";
import { ParkscoreError } from "../../engine/errors.js";
import { sha256 } from "../../engine/hash.js";
import { replaceFolder, type OutputFile } from "../../engine/store/atomic.js";
import { versions } from "../../engine/store/provenance.js";
import { printable } from "../../engine/printable.js";
import { textTable } from "../format.js";
import { readFileSync } from "node:fs";

interface AdmitOptions {
  standard: string;
  input: string;
  out: string;
  encoding?: string;
  sheet?: string;
  edition: string;
}

export function admitCommand(): Command {
  return new Command("admit")
    .description("screen applicant projects against national land-use control indicators and a park's local standard: every check, margin, decision (admit / admit with conditions / incomplete / reject)")
    .requiredOption("-s, --standard <file>", "standard file, e.g. datasets/standards/local/wuan-parks-demo.yaml or datasets/standards/cn-2008.yaml")
    .requiredOption("-i, --input <file>", "applicants (csv UTF-8/GBK, xlsx, arrow, parquet), e.g. datasets/demo/applicants.csv")
    .requiredOption("-o, --out <dir>", "folder for admission.csv/.xlsx, checks.csv, report.html, applicants/*.html, manifest.json")
    .option("--encoding <enc>", "CSV encoding (utf-8, gbk, gb18030); detected when absent")
    .option("--sheet <name>", "XLSX sheet (name or 1-based index)")
    .option("--edition <year>", "GB/T 4754 edition of industry codes without an edition column: 2017, 2011 or 2002", "2017")
    .action(async (o: AdmitOptions) => {
      if (!["2002", "2011", "2017"].includes(o.edition)) throw new ParkscoreError({ code: "cli.usage", message: `--edition must be 2002, 2011 or 2017, not "${o.edition}"` });
      const std = loadStandard(o.standard);
      const frame = await readFrame(o.input, applicantSpec(), { encoding: o.encoding, sheet: o.sheet });
      const applicants = applicantsFromFrame(frame, o.edition as "2017");
      const rows = screen(std, applicants);
      const decisions = decisionTable(rows);
      const checks = checksTable(rows);
      const manifest = {
        ...versions(),
        command: "admit",
        input: { file: o.input, sha256: sha256(readFileSync(o.input)), applicants: applicants.length },
        standard: { id: std.id, version: std.version, document: std.document, regionClass: std.regionClass.value, files: std.files },
        decisions: Object.fromEntries((["admit", "admit-with-conditions", "incomplete", "reject"] as Decision[]).map((d) => [d, rows.filter((r) => r.decision.decision === d).length])),
      };
      const files: OutputFile[] = [
        { name: "admission.csv", data: csvChunks(decisions, rows.length) },
        { name: "checks.csv", data: csvChunks(checks.columns, checks.n) },
        {
          name: "admission.xlsx",
          data: await xlsxBytes([
            { name: "决定 decisions", columns: decisions, fills: [{ column: "decision", byValue: { admit: "C6EFCE", "admit-with-conditions": "FFEB9C", incomplete: "DDDDF5", reject: "FFC7CE" } }] },
            { name: "指标 checks", columns: checks.columns, fills: [{ column: "status", byValue: { pass: "C6EFCE", fail: "FFC7CE", unknown: "DDDDF5" } }] },
          ]),
        },
        { name: "report.html", data: batchHtml(std, rows, o.input) },
        ...rows.map((s) => ({ name: `applicants/${applicantPageName(s)}`, data: applicantHtml(std, s) })),
        { name: "manifest.json", data: JSON.stringify(manifest, null, 2) + "\n" },
      ];
      await replaceFolder(o.out, (s) => s.write(files));
      const w = process.stdout;
      w.write(`admission screening of ${applicants.length} applicants against ${printable(`${std.title.zh} (${std.document}${std.kind === "local" ? ", local" : ""})`)}\n\n`);
      w.write(textTable(["row", "id", "name", "decision", "first reason"], rows.map((s) => [String(s.applicant.row), s.applicant.id, s.applicant.name, `${DECISION_LABELS[s.decision.decision].zh} ${s.decision.decision}`, s.decision.reasons[0]?.zh ?? ""])) + "\n\n");
      w.write(`decisions: ${Object.entries(manifest.decisions).map(([k, v]) => `${k} ${v}`).join(" · ")}\nresults in ${resolve(o.out)}/ (report.html)\n`);
    });
}
