/**
 * One benchmark stage in its own process, so that its peak memory is its own. Prints one JSON line:
 * { stage, ms, rssMB } where rssMB is the process's peak resident set (peak-rss.mjs).
 */
import { peakKB } from "./peak-rss.mjs";
import { readFrame } from "../engine/data/read.js";
import { schemeColumns } from "../engine/scheme/columns.js";
import { parseScheme } from "../engine/scheme/load.js";
import { scorePeriod } from "../engine/score/period.js";
import { benchScheme } from "./scheme.js";

const [stage, file] = process.argv.slice(2);
const scheme = parseScheme(benchScheme(stage === "score-topsis" ? "topsis" : "weighted-sum"), "bench-scheme.yaml").scheme;
const spec = schemeColumns(scheme);

const t0 = performance.now();
let ms: number;
let rows: number;
if (stage === "read") {
  const frame = await readFrame(file, spec);
  ms = performance.now() - t0;
  rows = frame.nrows;
} else {
  const frame = await readFrame(file, spec);
  const t1 = performance.now();
  const r = scorePeriod(frame, scheme);
  ms = performance.now() - t1;
  rows = r.n;
}
process.stdout.write(JSON.stringify({ stage, ms, rows, rssMB: peakKB() / 1024 }) + "\n");
