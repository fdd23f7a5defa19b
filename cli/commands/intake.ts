/** `parkscore intake DIR --period P [--out OUT]`: how the departments' files cover the participant list, on screen and as files to send back. */
import { about } from "../catalogue.js";
import { Command } from "commander";
import { resolve } from "node:path";
import { formatProblem, INTAKE_ITEMS, intakeToFolder, printable, type IntakeItem } from "../../engine/index.js";
import { textTable } from "../format.js";

/** How many findings of one kind the screen shows per source before counting the rest (the files hold them all). */
const SHOWN = 5;

export function intakeCommand(): Command {
  return new Command("intake")
    .description(about("intake"))
    .argument("<dir>", "the dataset folder")
    .requiredOption("-p, --period <period>", "the period, e.g. 2025")
    .option("-o, --out <dir>", "output folder (default: out/intake-<period>)")
    .action(async (dir: string, o: { period: string; out?: string }) => {
      const out = o.out ?? `out/intake-${o.period}`;
      const run = await intakeToFolder(dir, o.period, out);
      const w = process.stdout;
      w.write(`period ${run.period}: ${run.participants} participants\n\n`);
      w.write(
        textTable(
          ["source", "department", "file", "rev", "rows", "matched", "lacking", "not on list", "repeated", "checks"],
          run.summaries.map((s) => [s.source.id, s.source.label.zh, s.file ?? (s.source.required ? "(missing: required)" : "(missing)"), s.revision === undefined ? "" : String(s.revision), String(s.rows), String(s.matched), String(s.lacking), String(s.notOnList), String(s.repeated), String(s.checks)]),
          new Set([3, 4, 5, 6, 7, 8, 9]),
        ) + "\n",
      );
      for (const s of run.summaries) if (s.shareRule) w.write(`${s.source.id}: shared parcels — ${s.shareRule}\n`);
      for (const s of run.summaries) if (s.list && s.file) w.write(`${s.source.id}: a list joined by code — the ${s.lacking} participants not on it count 0\n`);
      for (const s of run.summaries) {
        const own = run.items.filter((i) => i.source === s.source.id && i.kind !== "missing-source");
        if (own.length === 0) continue;
        w.write(`\n${printable(s.source.id)} (${printable(s.source.label.zh)}${s.file ? `, ${printable(s.file)}` : ""}):\n`);
        for (const kind of Object.keys(INTAKE_ITEMS) as (keyof typeof INTAKE_ITEMS)[]) {
          const of = own.filter((i) => i.kind === kind);
          for (const i of of.slice(0, SHOWN)) w.write(`  ${INTAKE_ITEMS[kind]} ${kind}: ${printable(line(i))}\n`);
          if (of.length > SHOWN) w.write(`  … and ${of.length - SHOWN} more ${kind} (in the files)\n`);
        }
      }
      if (run.problems.length) w.write(`\nthe period cannot be scored yet:\n${run.problems.map((p) => `  ${formatProblem(p)}\n`).join("")}`);
      else w.write(`\nthe period can be scored: parkscore score ${printable(dir)} --period ${run.period}\n`);
      w.write(`report in ${resolve(out)}/ (intake.csv, intake.xlsx: a sheet per department)\n`);
    });
}

function line(i: IntakeItem): string {
  const rows = i.rows.length ? ` row${i.rows.length > 1 ? "s" : ""} ${i.rows.join(", ")}` : "";
  const column = i.column && i.kind !== "not-on-list" && i.kind !== "invalid-code" ? ` ${i.column}` : "";
  const value = i.kind === "check" || i.kind === "repeated" ? (i.value ? ` "${i.value}"` : "") : "";
  return `${i.code}${i.name ? ` ${i.name}` : ""}${rows}${column}${value}: ${i.detail}`;
}
