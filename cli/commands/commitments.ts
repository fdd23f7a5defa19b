/** `parkscore commitments DIR --period 2025 [--contracts FILE] [--out OUT]` — land-contract targets vs actuals (docs/admission.md). */
import { about } from "../catalogue.js";
import { Command } from "commander";
import { resolve } from "node:path";
import { commitmentsToFolder, importContracts, printable, STATUS_ZH, TARGET_LABELS, TARGETS } from "../../engine/index.js";
import { fixed, listing, sweptText, textTable } from "../format.js";

interface CommitmentsOptions {
  period: string;
  contracts?: string;
  out?: string;
}

export function commitmentsCommand(): Command {
  return new Command("commitments")
    .description(about("commitments"))
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
      const out = o.out ?? `out/commitments-${o.period}`;
      const { report, counts } = await commitmentsToFolder(dir, o.period, out);
      w.write(`commitments of ${report.results.length} land contracts in period ${o.period} (${printable(report.contractsFile)})\n`);
      w.write(`${Object.entries(counts).map(([k, v]) => `${STATUS_ZH[k]} ${k}: ${v}`).join(" · ")}\n\n`);
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
