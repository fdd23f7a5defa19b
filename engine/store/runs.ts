/**
 * Scoring runs kept in a dataset: `runs/<period>/<run-id>/` with scores.csv, scores.arrow,
 * weights.csv and manifest.json. A run id sorts in creation order (`0003-20261126T231500Z-<hash>`), the hash
 * fingerprinting the scheme and the data revision. Which run of a period counts is {@link findRun}'s
 * one rule; the others stay for audit, and their scores are read by run-scores.ts. A run is never rewritten.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ParkscoreError } from "../errors.js";
import { sha256 } from "../hash.js";
import type { Lang } from "../scheme/types.js";
import { scorePeriod } from "../score/period.js";
import { latestRevision, openDataset, readStoredPeriod, revisionInputs, type Revision } from "./dataset.js";
import { withLock } from "./lock.js";
import { writeRunFiles, type RunManifest } from "./run-output.js";
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
    const out = join(runsDir(dir, period), id);
    const full = await addFolder(out, (s) =>
      writeRunFiles(
        s,
        {
          result,
          scheme,
          inputs: revisionInputs(dir, revision),
          period,
          command: "score",
          options: { lang },
          lang,
          warnings: [...warnings, ...(frame.warnings ?? [])],
        },
        { run: id, revision },
      ),
    );
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
 * The run that counts for a period — the one reports publish, dynamic evaluations and warnings read,
 * and `history` marks: the latest run that scored the period's latest revision (`revision`, by
 * number and hash) with the current scheme (by hash). Undefined when there is none: the period was
 * never scored, or a revision was imported or the scheme changed since. An older run counts again
 * when the scheme is changed back to the one it was made with.
 */
export function findRun(dir: string, period: string, scheme: { hash: string }, revision: Revision = latestRevision(dir, period)): StoredRun | undefined {
  for (const id of listRuns(dir, period).reverse()) {
    const run = storedRun(dir, period, id);
    const m = run.manifest;
    if (m.scheme?.sha256 === scheme.hash && m.revision?.revision === revision.revision && m.revision.sha256 === revision.sha256) return run;
  }
  return undefined;
}
