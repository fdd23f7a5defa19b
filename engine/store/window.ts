/**
 * Loading a window of periods for the dynamic evaluation: for each period the run that counts
 * (runs.ts, findRun), or, when there is none, the stored data scored in memory — said in a note,
 * since such a ranking is not kept. The computation over the window is engine/dynamic's.
 */
import { ParkscoreError } from "../errors.js";
import type { PeriodValues } from "../dynamic/cube.js";
import type { Scheme } from "../scheme/types.js";
import { scorePeriod } from "../score/period.js";
import { listPeriods, readStoredPeriod } from "./dataset.js";
import { readRun, RunFileBuffer } from "./run-scores.js";
import { findRun, type StoredRun } from "./runs.js";

export interface WindowPeriod extends PeriodValues {
  values: Map<string, Float64Array>;
  /** The run read, or undefined when the period was scored in memory. */
  run?: StoredRun;
}

/**
 * The periods of the dataset between `from` and `to` (inclusive, numeric-aware), oldest first.
 * Each bound given must be a stored period: a mistyped year would otherwise quietly shorten the window.
 */
export function periodsBetween(dir: string, from?: string, to?: string): string[] {
  const all = listPeriods(dir);
  for (const [flag, p] of [["--from", from], ["--to", to]] as const)
    if (p !== undefined && !all.includes(p))
      throw new ParkscoreError({ code: "store.no-period", file: dir, message: `${flag} ${p}: no such stored period; the dataset has ${all.join(", ") || "none"}`, fix: `give one of the stored periods, or import ${p} first (parkscore import ${dir} --period ${p} FILE)` });
  const cmp = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });
  const out = all.filter((p) => (from === undefined || cmp(p, from) >= 0) && (to === undefined || cmp(p, to) <= 0));
  if (out.length === 0)
    throw new ParkscoreError({ code: "store.no-period", file: dir, message: `no stored period between ${from ?? "the first"} and ${to ?? "the last"}; the dataset has ${all.join(", ") || "none"}` });
  return out;
}

/** The periods' scores and indicator values, oldest first; a note in `notes` names the periods scored in memory. */
export async function loadWindow(dir: string, scheme: Scheme, periods: string[], notes: string[]): Promise<WindowPeriod[]> {
  const out: WindowPeriod[] = [];
  const indicators = scheme.indicators.map((i) => i.id);
  // Two buffers, so that the next run's file is read while this one is decoded.
  const buffers = [new RunFileBuffer(), new RunFileBuffer()];
  const prefetch = (k: number): { run: StoredRun; bytes: Promise<Buffer | undefined> } | undefined => {
    if (k >= periods.length) return undefined;
    let run: StoredRun | undefined;
    try {
      run = findRun(dir, periods[k], scheme);
    } catch {
      return undefined; // looked up again in its turn, and thrown then
    }
    return run && { run, bytes: buffers[k % 2].read(run) };
  };
  let next = prefetch(0);
  const unscored: string[] = [];
  for (let k = 0; k < periods.length; k++) {
    const period = periods[k];
    const fetched = next;
    const run = fetched?.run ?? findRun(dir, period, scheme);
    const bytes = await fetched?.bytes;
    next = prefetch(k + 1);
    if (run) {
      out.push({ ...(await readRun(run, indicators, { bytes })), run });
      continue;
    }
    const { frame } = await readStoredPeriod(dir, period, { scheme });
    const r = scorePeriod(frame, scheme);
    unscored.push(period);
    out.push({ scores: { period, ids: r.ids, names: r.names, status: r.status, score: r.score, rank: r.rank, grade: r.grade }, values: r.values });
  }
  // One note for all of them: a fresh dataset (the demo) has no runs at all.
  if (unscored.length === 1) notes.push(`period ${unscored[0]} has no run of its latest revision with the current scheme: scored in memory (keep one with: parkscore score ${dir} --period ${unscored[0]})`);
  else if (unscored.length > 1) notes.push(`periods ${unscored.join(", ")} have no run of their latest revision with the current scheme: scored in memory (keep them with: parkscore score ${dir} --all)`);
  return out;
}
