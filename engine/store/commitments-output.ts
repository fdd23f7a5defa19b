/**
 * The files of `commitments`: each land contract's targets against the period's actuals —
 * commitments.csv, breaches.csv, contract-breach.csv (a 0/1 per enterprise) and manifest.json —
 * written atomically together.
 */
import { TARGETS, type ContractResult } from "../admission/commitments.js";
import type { OutputColumn } from "../data/table.js";
import { csvStream } from "../data/write-csv.js";
import { replaceFolder } from "./atomic.js";
import { contractBreaches, type CommitmentReport } from "./contracts.js";
import { versions } from "./provenance.js";

export interface CommitmentsRun {
  report: CommitmentReport;
  /** How many contracts have each status. */
  counts: Record<string, number>;
}

/** Assesses the dataset's contracts in `period` and writes the results to `out`. */
export async function commitmentsToFolder(dir: string, period: string, out: string): Promise<CommitmentsRun> {
  const report = await contractBreaches(dir, period);
  const all = commitmentTable(report.results);
  const br = commitmentTable(report.breaches);
  // One 0/1 per enterprise: add it to the period data so a scheme rule can use `contract_breach`.
  const ids = [...new Set(report.results.map((r) => r.contract.id))];
  const flag: OutputColumn[] = [
    { name: "id", type: "text", values: ids },
    { name: "contract_breach", type: "number", values: Float64Array.from(ids, (id) => (report.results.some((r) => r.contract.id === id && r.status === "breach") ? 1 : 0)) },
  ];
  const manifest = { ...versions(), command: "commitments", dataset: dir, period, contracts: report.contractsFile, counts: Object.fromEntries(["breach", "met", "not-yet-due", "no-data"].map((s) => [s, report.results.filter((r) => r.status === s).length])), notes: report.notes };
  await replaceFolder(out, (s) =>
    s.write([
      { name: "commitments.csv", data: csvStream(all, report.results.length) },
      { name: "breaches.csv", data: csvStream(br, report.breaches.length) },
      { name: "contract-breach.csv", data: csvStream(flag, ids.length) },
      { name: "manifest.json", data: JSON.stringify(manifest, null, 2) + "\n" },
    ]),
  );
  return { report, counts: manifest.counts };
}

/** Each status in Chinese, as the files and the terminal show it. */
export const STATUS_ZH: Record<string, string> = { breach: "违约", met: "达标", "not-yet-due": "未到考核期", "no-data": "无数据", "not-met": "未达标", "no-target": "无约定" };

/** One row per contract; per target its value, actual, gap and status. */
function commitmentTable(rows: ContractResult[]): OutputColumn[] {
  const t = (fn: (r: ContractResult) => string) => rows.map(fn);
  const n = (fn: (r: ContractResult) => number) => Float64Array.from(rows, fn);
  return [
    { name: "contract_id", type: "text", values: t((r) => r.contract.contractId) },
    { name: "id", type: "text", values: t((r) => r.contract.id) },
    { name: "name", type: "text", values: t((r) => r.contract.name) },
    { name: "production_start", type: "number", values: n((r) => r.contract.productionStart) },
    { name: "years_since_start", type: "number", values: n((r) => r.yearsSinceStart) },
    { name: "due_year", type: "number", values: n((r) => r.dueYear) },
    { name: "status", type: "text", values: t((r) => r.status) },
    { name: "status_zh", type: "text", values: t((r) => STATUS_ZH[r.status]) },
    ...TARGETS.flatMap((k, j): OutputColumn[] => [
      { name: `${k}.target`, type: "number", values: n((r) => r.targets[j].target) },
      { name: `${k}.actual`, type: "number", values: n((r) => Math.round(r.targets[j].actual * 1e4) / 1e4) },
      { name: `${k}.gap`, type: "number", values: n((r) => Math.round(r.targets[j].gap * 1e4) / 1e4) },
      { name: `${k}.gap_pct`, type: "number", values: n((r) => Math.round(r.targets[j].gapPct * 100) / 100) },
      { name: `${k}.status`, type: "text", values: t((r) => r.targets[j].status) },
    ]),
    { name: "note", type: "text", values: t((r) => r.note) },
  ];
}
