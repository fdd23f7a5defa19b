/**
 * The periods of a dataset as the dynamic evaluation reads them: for each period the latest run made
 * with the current scheme (so every period of a window is judged by the same rules), or, when there
 * is none, the stored data scored in memory — said in a note, since such a ranking is not kept.
 */
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { ParkscoreError } from "../errors.js";
import type { PeriodScores } from "../dynamic/panel.js";
import type { Scheme } from "../scheme/types.js";
import { scorePeriod } from "../score/period.js";
import { listPeriods, readStoredPeriod } from "./dataset.js";
import { listRuns, readRun, type StoredRun } from "./runs.js";

export interface WindowPeriod {
  scores: PeriodScores;
  /** Indicator values before normalisation, by indicator id, in the period's row order. */
  values: Map<string, Float64Array>;
  /** The run used, or undefined when scored in memory. */
  run?: string;
}

/** The periods of the dataset between `from` and `to` (inclusive, numeric-aware), oldest first. */
export function periodsBetween(dir: string, from?: string, to?: string): string[] {
  const all = listPeriods(dir);
  const cmp = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });
  const out = all.filter((p) => (from === undefined || cmp(p, from) >= 0) && (to === undefined || cmp(p, to) <= 0));
  if (out.length === 0)
    throw new ParkscoreError({ code: "store.no-period", file: dir, message: `no stored period between ${from ?? "the first"} and ${to ?? "the last"}; the dataset has ${all.join(", ") || "none"}` });
  return out;
}

export async function loadWindow(dir: string, scheme: Scheme, periods: string[], notes: string[]): Promise<WindowPeriod[]> {
  const out: WindowPeriod[] = [];
  for (const period of periods) {
    const run = currentRun(dir, period, scheme);
    if (run) {
      out.push({ ...(await readRun(run, scheme.indicators.map((i) => i.id))), run: run.id });
      continue;
    }
    const { frame } = await readStoredPeriod(dir, period, { scheme });
    const r = scorePeriod(frame, scheme);
    notes.push(`period ${period} has no run with the current scheme: scored in memory (keep one with: parkscore score ${dir} --period ${period})`);
    out.push({ scores: { period, ids: r.ids, names: r.names, status: r.status, score: r.score, rank: r.rank, grade: r.grade }, values: r.values });
  }
  return out;
}

/** The latest run of the period made with this scheme. */
function currentRun(dir: string, period: string, scheme: Scheme): StoredRun | undefined {
  for (const id of listRuns(dir, period).reverse()) {
    const runDir = join(dir, "runs", period, id);
    const manifest = JSON.parse(readFileSync(join(runDir, "manifest.json"), "utf8"));
    if (manifest.scheme?.sha256 === scheme.hash) return { period, id, dir: runDir, manifest };
  }
  return undefined;
}


/** The indicator cube for scatter-degree weights: per period and indicator, values by panel enterprise (cost negated). */
export function windowCube(window: WindowPeriod[], ids: string[], scheme: Scheme): Float64Array[][] {
  const index = new Map(ids.map((id, i) => [id, i]));
  return window.map((w) => {
    // Where each graded row of the period sits in the panel (−1: not graded), looked up once.
    const at = Int32Array.from(w.scores.ids, (id, i) => (w.scores.status[i] === "graded" ? index.get(id)! : -1));
    return scheme.indicators.map((ind) => place(w.values.get(ind.id)!, at, ind.direction === "cost" ? -1 : 1, ids.length));
  });
}

function place(v: Float64Array, at: Int32Array, sign: number, n: number): Float64Array {
  const col = new Float64Array(n).fill(NaN);
  for (let i = 0; i < at.length; i++) if (at[i] >= 0) col[at[i]] = sign * v[i];
  return col;
}
