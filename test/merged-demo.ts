/**
 * The demo as periods delivered in one merged file each, for the tests of the store, the commands and
 * the report that import whole periods: the demo's panel (datasets/demo.ts, the one truth its
 * department files are split from) written per period as CSV with its Chinese headers, and the demo
 * scheme's evaluation of a merged table (mergedDemoScheme()) with those headers mapped in `columns:`.
 * Written once per test file, into a temporary folder.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import YAML from "yaml";
import { COLUMNS } from "../datasets/columns.js";
import { demoPanel, mergedDemoScheme } from "../datasets/demo.js";
import { writeCsv } from "../datasets/write.js";

const DIR = mkdtempSync(join(tmpdir(), "parkscore-merged-demo-"));
const scheme = YAML.parse(mergedDemoScheme()) as Record<string, unknown>;
writeFileSync(join(DIR, "scheme.yaml"), YAML.stringify({ ...scheme, columns: Object.fromEntries(COLUMNS.map((c) => [c.zh, c.key])) }));
for (const p of demoPanel()) writeCsv(p, join(DIR, `${p.period}.csv`), { bom: true });

export const MERGED_DEMO = {
  /** The scheme: the demo's evaluation, with the files' headers mapped. */
  scheme: join(DIR, "scheme.yaml"),
  /** A period's merged file: 2019 … 2025. */
  csv: (period: string | number): string => join(DIR, `${period}.csv`),
};
