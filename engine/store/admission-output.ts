/**
 * The files of `admit`: applicants screened against a standard — admission.csv/.xlsx, checks.csv,
 * report.html, one page per applicant under applicants/, manifest.json — written atomically together.
 */
import { readFileSync } from "node:fs";
import { applicantsFromFrame, applicantSpec } from "../admission/applicants.js";
import type { Decision } from "../admission/decision.js";
import { applicantHtml, applicantPageName, batchHtml } from "../admission/html.js";
import { checksTable, decisionTable, screen, type Screening } from "../admission/screen.js";
import type { Standard } from "../admission/standards.js";
import { readFrame } from "../data/read.js";
import { csvStream } from "../data/write-csv.js";
import { xlsxBytes } from "../data/write-xlsx.js";
import { ParkscoreError } from "../errors.js";
import { sha256 } from "../hash.js";
import { replaceFolder, type OutputFile } from "./atomic.js";
import { versions } from "./provenance.js";
import { loadStandard } from "./standards.js";

export interface AdmitRequest {
  standard: string;
  input: string;
  out: string;
  encoding?: string;
  sheet?: string;
  /** GB/T 4754 edition of industry codes given without an edition column. */
  edition: string;
}

export interface AdmitRun {
  standard: Standard;
  rows: Screening[];
  /** How many applicants got each decision. */
  decisions: Record<Decision, number>;
}

/** Screens the applicants of `input` against the standard and writes the results to `out`. */
export async function admitToFolder(o: AdmitRequest): Promise<AdmitRun> {
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
    { name: "admission.csv", data: csvStream(decisions, rows.length) },
    { name: "checks.csv", data: csvStream(checks.columns, checks.n) },
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
  return { standard: std, rows, decisions: manifest.decisions as Record<Decision, number> };
}
