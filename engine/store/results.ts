/**
 * A stored period's full result (values, normalised values, contributions, weights), for reports and
 * notebooks. Scoring is deterministic, so the result is recomputed from the period's latest revision
 * with the dataset's scheme; the run that counts for the period (runs.ts, findRun) is named when there
 * is one, so a report can cite it (and says "not yet published" when there is none).
 */
import type { Frame } from "../data/frame.js";
import { scorePeriod } from "../score/period.js";
import type { PeriodResult } from "../score/types.js";
import type { Scheme } from "../scheme/types.js";
import { openDataset, readStoredPeriod, type Revision } from "./dataset.js";
import { findRun, type StoredRun } from "./runs.js";

export interface StoredPeriodResult {
  period: string;
  scheme: Scheme;
  revision: Revision;
  /** The stored data the result was scored from. */
  frame: Frame;
  result: PeriodResult;
  /** The run that counts for the period (made from this revision with this scheme), if any. */
  run?: StoredRun;
}

export async function periodResult(dir: string, period: string, scheme: Scheme = openDataset(dir).scheme): Promise<StoredPeriodResult> {
  const { frame, revision } = await readStoredPeriod(dir, period, { scheme });
  const result = scorePeriod(frame, scheme);
  return { period, scheme, revision, frame, result, run: findRun(dir, period, scheme, revision) };
}
