/**
 * Imports the demo's delivered files (datasets/demo/source/) into the demo dataset's store
 * (datasets/demo/periods/), one revision per period, as an evaluator would with `parkscore import`.
 * Run once after `tsx datasets/generate.ts --demo`; existing periods are left alone (append-only).
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { importPeriod, listRevisions } from "../engine/store/dataset.js";

const demo = join(dirname(fileURLToPath(import.meta.url)), "demo");
for (const f of readdirSync(join(demo, "source")).sort()) {
  const period = f.replace(/\.(csv|xlsx)$/, "");
  if (listRevisions(demo, period).length) continue;
  const { revision: r } = await importPeriod(demo, period, join(demo, "source", f));
  process.stdout.write(`${period}: revision ${r.revision}, ${r.rows} rows\n`);
}
