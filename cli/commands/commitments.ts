/** `parkscore commitments DIR --period 2025 [--contracts FILE] [--out OUT]` — land-contract targets vs actuals (docs/admission.md). */
import { Command } from "commander";
import { resolve } from "node:path";
import { TARGET_LABELS, TARGETS, type ContractResult } from "../../engine/admission/commitments.js";
import { contractBreaches, importContracts } from "../../engine/store/contracts.js";
import type { OutputColumn } from "../../engine/data/table.js";
import { csvChunks } from "../../engine/data/write-csv.js";
import { replaceFolder } from "../../engine/store/atomic.js";
import { versions } from "../../engine/store/provenance.js";
import { printable } from "../../engine/printable.js";
import { fixed, listing, sweptText, textTable } from "../format.js";

interface CommitmentsOptions {
  period: string;
  contracts?: string;
  out?: string;
}

const STATUS_ZH: Record<string, string> = { breach: "违约", met: "达标", "not-yet-due": "未到考核期", "no-data": "无数据", "not-met": "未达标", "no-target": "无约定" };

/** One row per contract; per target its value, actual, gap and status. */
export function commitmentTable(rows: ContractResult[]): OutputColumn[] {
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

export function commitmentsCommand(): Command {
  return new Command("commitments")
    .description("land-contract targets (投资强度, 亩均产值, 亩均税收 in 万元/亩) of admitted enterprises vs the period's actuals: met / not met / not yet due, and the contracts in breach")
    .argument("<dir>", "the dataset folder")
    .requiredOption("-p, --period <year>", "the period to assess, e.g. 2025")
    .option("--contracts <file>", "import this contracts file into the dataset first (format: docs/admission.md)")
    .option("-o, --out <dir>", "output folder (default: out/commitments-<period>)")
    .action(async (dir: string, o: CommitmentsOptions) => {
      const w = process.stdout;
      if (o.contracts) {
        const r = await importContracts(dir, o.contracts);
        w.write(sweptText(r.swept));
        w.write(`imported ${r.contracts} contracts as ${r.stored}\n`);
      }
      const report = await contractBreaches(dir, o.period);
      const out = o.out ?? `out/commitments-${o.period}`;
      const all = commitmentTable(report.results);
      const br = commitmentTable(report.breaches);
      // One 0/1 per enterprise: add it to the period data so a scheme rule can use `contract_breach`.
      const ids = [...new Set(report.results.map((r) => r.contract.id))];
      const flag: OutputColumn[] = [
        { name: "id", type: "text", values: ids },
        { name: "contract_breach", type: "number", values: Float64Array.from(ids, (id) => (report.results.some((r) => r.contract.id === id && r.status === "breach") ? 1 : 0)) },
      ];
      const manifest = { ...versions(), command: "commitments", dataset: dir, period: o.period, contracts: report.contractsFile, counts: Object.fromEntries(["breach", "met", "not-yet-due", "no-data"].map((s) => [s, report.results.filter((r) => r.status === s).length])), notes: report.notes };
      await replaceFolder(out, (s) => s.write([
        { name: "commitments.csv", data: csvChunks(all, report.results.length) },
        { name: "breaches.csv", data: csvChunks(br, report.breaches.length) },
        { name: "contract-breach.csv", data: csvChunks(flag, ids.length) },
        { name: "manifest.json", data: JSON.stringify(manifest, null, 2) + "\n" },
      ]));
      w.write(`commitments of ${report.results.length} land contracts in period ${o.period} (${printable(report.contractsFile)})\n`);
      w.write(`${Object.entries(manifest.counts).map(([k, v]) => `${STATUS_ZH[k]} ${k}: ${v}`).join(" · ")}\n\n`);
      if (report.breaches.length) {
        w.write(`违约合同 contracts in breach (for leadership):\n`);
        w.write(
          textTable(
            ["contract", "enterprise", "since", ...TARGETS.map((k) => `${TARGET_LABELS[k].zh} actual/target`)],
            report.breaches.map((r) => [r.contract.contractId, r.contract.name || r.contract.id, String(r.contract.productionStart), ...r.targets.map((t) => (t.status === "no-target" ? "" : `${fixed(t.actual, 1)}/${fixed(t.target, 1)}${t.status === "not-met" ? ` (${fixed(t.gapPct, 1)}%)` : ""}`))]),
          ) + "\n\n",
        );
      } else w.write("no contract in breach\n\n");
      const absent = report.results.filter((r) => !r.present);
      if (absent.length) w.write(`not in the period's data: ${printable(absent.map((r) => `${r.contract.contractId} (${r.contract.id})`).join(", "))}\n`);
      if (report.notes.length) w.write(`${listing("note(s)", report.notes)}\n`);
      w.write(`results in ${resolve(out)}/ (commitments.csv, breaches.csv, contract-breach.csv)\n`);
    });
}
