/**
 * Scoring runs kept in a dataset: `runs/<period>/<run-id>/` with scores.csv, scores.arrow,
 * weights.csv and manifest.json. A run id sorts in creation order (`0003-20261126T231500Z-<hash>`), the hash
 * fingerprinting the scheme and the data revision; the latest run of a period is what reports use,
 * older runs stay for audit. A run is never rewritten.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { ParkscoreError } from "../errors.js";
import { sha256 } from "../hash.js";
import type { PeriodScores } from "../dynamic/panel.js";
import type { Lang } from "../scheme/types.js";
import { scorePeriod } from "../score/period.js";
import { openDataset, readStoredPeriod, type Revision } from "./dataset.js";
import { withLock } from "./lock.js";
import { runFiles, type RunManifest } from "./run-output.js";
import { writeFilesAtomically } from "./atomic.js";

export interface StoredRun {
  period: string;
  id: string;
  dir: string;
  manifest: RunManifest & { revision?: Revision; run?: string };
}

const runsDir = (dir: string, period: string) => join(dir, "runs", period);

/** Scores the latest revision of a period with the dataset's scheme and keeps the run. */
export async function scoreStored(dir: string, period: string, lang: Lang = "zh"): Promise<StoredRun> {
  const { scheme, warnings } = openDataset(dir);
  const { frame, revision } = await readStoredPeriod(dir, period, { scheme });
  const result = scorePeriod(frame, scheme);
  return withLock(dir, `score ${period}`, () => {
    // Numbered first, so runs sort in the order they were made even within one second.
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    const seq = listRuns(dir, period).reduce((m, r) => Math.max(m, Number.parseInt(r, 10) || 0), 0) + 1;
    const id = `${String(seq).padStart(4, "0")}-${stamp}-${sha256(scheme.hash + revision.sha256).slice(0, 8)}`;
    const { files, manifest } = runFiles({
      result,
      scheme,
      inputs: [{ file: revision.file, sha256: revision.sha256, bytes: statSync(join(dir, revision.file)).size, rows: revision.rows }],
      period,
      command: "score",
      options: { lang },
      lang,
      warnings,
    });
    const full = { ...manifest, run: id, revision };
    files[files.length - 1] = { name: "manifest.json", data: JSON.stringify(full, null, 2) + "\n" };
    const out = join(runsDir(dir, period), id);
    writeFilesAtomically(out, files);
    return { period, id, dir: out, manifest: full };
  });
}

export function listRuns(dir: string, period: string): string[] {
  const d = runsDir(dir, period);
  if (!existsSync(d)) return [];
  return readdirSync(d)
    .filter((f) => existsSync(join(d, f, "manifest.json")))
    .sort();
}

export function latestRun(dir: string, period: string): StoredRun {
  const runs = listRuns(dir, period);
  if (runs.length === 0)
    throw new ParkscoreError({ code: "store.no-run", file: dir, message: `period ${period} has not been scored`, fix: `run: parkscore score ${dir} --period ${period} (or --all)` });
  const id = runs[runs.length - 1];
  const out = join(runsDir(dir, period), id);
  return { period, id, dir: out, manifest: JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) };
}

/** A run's published scores, as the dynamic layer reads them (straight from scores.arrow). */
export function runScores(run: StoredRun): PeriodScores {
  const t = tableFromIPC(readFileSync(join(run.dir, "scores.arrow")));
  const text = (name: string) => Array.from(t.getChild(name)!.toArray() as ArrayLike<string | null>, (v) => v ?? "");
  const score = Float64Array.from(t.getChild("score")!, (v) => (v === null ? NaN : Number(v)));
  const rank = Int32Array.from(t.getChild("rank")!, (v) => (v === null ? 0 : Number(v)));
  return { period: run.period, ids: text("id"), names: text("name"), status: text("status"), score, rank, grade: text("grade") };
}
