/**
 * Scoring runs kept in a dataset: `runs/<period>/<run-id>/` with scores.csv, scores.arrow,
 * weights.csv and manifest.json. A run id sorts in creation order (`0003-20261126T231500Z-<hash>`), the hash
 * fingerprinting the scheme and the data revision; the latest run of a period is what reports use,
 * older runs stay for audit. A run is never rewritten.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ParkscoreError } from "../errors.js";
import { sha256 } from "../hash.js";
import { readFrame } from "../data/read.js";
import type { PeriodScores } from "../dynamic/panel.js";
import type { Lang } from "../scheme/types.js";
import { scorePeriod } from "../score/period.js";
import { openDataset, readStoredPeriod, type Revision } from "./dataset.js";
import { withLock } from "./lock.js";
import { runFiles, type RunManifest } from "./run-output.js";
import { addFolder } from "./atomic.js";
import type { Swept } from "./temporaries.js";

export interface StoredRun {
  period: string;
  id: string;
  dir: string;
  manifest: RunManifest & { revision?: Revision; run?: string };
}

/** A run just made, and the temporaries of dead writers removed on the way. */
export interface ScoredRun extends StoredRun {
  swept: Swept;
}

const runsDir = (dir: string, period: string) => join(dir, "runs", period);

/** Scores the latest revision of a period with the dataset's scheme and keeps the run. */
export async function scoreStored(dir: string, period: string, lang: Lang = "zh"): Promise<ScoredRun> {
  const { scheme, warnings } = openDataset(dir);
  const { frame, revision } = await readStoredPeriod(dir, period, { scheme });
  const result = scorePeriod(frame, scheme);
  return withLock(dir, `score ${period}`, async (swept) => {
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
      warnings: [...warnings, ...(frame.warnings ?? [])],
    });
    const full = { ...manifest, run: id, revision };
    files[files.length - 1] = { name: "manifest.json", data: JSON.stringify(full, null, 2) + "\n" };
    const out = join(runsDir(dir, period), id);
    await addFolder(out, (s) => s.write(files));
    return { period, id, dir: out, manifest: full, swept };
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
  return storedRun(dir, period, runs[runs.length - 1]);
}

/** Every run of the period, oldest first. */
export function periodRuns(dir: string, period: string): StoredRun[] {
  return listRuns(dir, period).map((id) => storedRun(dir, period, id));
}

/** One run and its manifest. */
export function storedRun(dir: string, period: string, id: string): StoredRun {
  const out = join(runsDir(dir, period), id);
  return { period, id, dir: out, manifest: JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) };
}

/**
 * The run a report publishes for the period: the latest, if it scored this revision with this
 * scheme; undefined when there is none, or a newer revision or another scheme came since.
 */
export function publishedRun(dir: string, period: string, scheme: { hash: string }, revision: Revision): StoredRun | undefined {
  const last = listRuns(dir, period).length ? latestRun(dir, period) : undefined;
  return last && last.manifest.scheme.sha256 === scheme.hash && last.manifest.revision?.sha256 === revision.sha256 ? last : undefined;
}

/**
 * A run's published scores, as the dynamic layer reads them, with the indicator values
 * (`value.<id>`) asked for — straight from scores.arrow through the Arrow reader (zero-copy numbers).
 */
export async function readRun(run: StoredRun, indicators: readonly string[] = []): Promise<{ scores: PeriodScores; values: Map<string, Float64Array> }> {
  const valueColumns = indicators.map((id) => `value.${id}`);
  const frame = await readFrame(join(run.dir, "scores.arrow"), { numeric: ["score", "rank", ...valueColumns], text: ["id", "name", "status", "grade"] });
  const t = (name: string) => frame.texts.get(name)!;
  return {
    scores: {
      period: run.period,
      ids: t("id"),
      names: t("name"),
      status: t("status"),
      score: frame.numbers.get("score")!,
      rank: Int32Array.from(frame.numbers.get("rank")!, (v) => (v === v ? v : 0)),
      grade: t("grade"),
    },
    values: new Map(indicators.map((id, j) => [id, frame.numbers.get(valueColumns[j])!])),
  };
}
