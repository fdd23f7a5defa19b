/**
 * Imports the demo's department files (datasets/demo/<period>/) into the demo dataset's store
 * (datasets/demo/periods/), one revision of each source per period, as an evaluator would:
 * `parkscore import datasets/demo --period P --source ID FILE`. Run once after
 * `tsx datasets/generate.ts --demo`; a period already in the store is left alone (append-only).
 * The corrected files under corrections/ are not imported: re-importing one is the tour's step.
 */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { program } from "../cli/program.js";
import { run } from "../cli/run.js";
import { DEPARTMENTS } from "./departments.js";

const demo = join(dirname(fileURLToPath(import.meta.url)), "demo");
// The shipped store's revisions are imported by "parkscore", not by whoever rebuilt it.
process.env.PARKSCORE_USER = "parkscore";
await run(async () => {
  for (const period of readdirSync(demo).filter((f) => /^\d{4}$/.test(f)).sort()) {
    if (existsSync(join(demo, "periods", period))) continue;
    for (const d of DEPARTMENTS) {
      const cli = await program("import");
      await cli.parseAsync(["node", "parkscore", "import", demo, "--period", period, "--source", d.id, join(demo, period, d.file)]);
    }
  }
});
