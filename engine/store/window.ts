/**
 * The periods of a dataset as the dynamic evaluation reads them: for each period the latest run made
 * with the current scheme (so every period of a window is judged by the same rules), or, when there
 * is none, the stored data scored in memory — said in a note, since such a ranking is not kept.
 */
import { join } from "node:path";
import { open } from "node:fs/promises";
import { tableFromIPC, type Table } from "apache-arrow";
import { ParkscoreError, ProblemList } from "../errors.js";
import { arrowTableToFrame, textColumn } from "../data/arrow.js";
import { readRanges } from "../data/pread.js";
import { Utf8Text } from "../data/text.js";
import { panelRows, type PeriodScores } from "../dynamic/panel.js";
import type { Scheme } from "../scheme/types.js";
import { scorePeriod } from "../score/period.js";
import { listPeriods, readStoredPeriod } from "./dataset.js";
import { listRuns, readRun, storedRun, type StoredRun } from "./runs.js";

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
  const indicators = scheme.indicators.map((i) => i.id);
  // Two buffers, so that the next run's file is read while this one is decoded.
  const buffers = [new ReusedBuffer(), new ReusedBuffer()];
  const prefetch = (k: number): { run: StoredRun; bytes: Promise<Buffer | undefined> } | undefined => {
    if (k >= periods.length) return undefined;
    let run: StoredRun | undefined;
    try {
      run = currentRun(dir, periods[k], scheme);
    } catch {
      return undefined; // looked up again in its turn, and thrown then
    }
    return run && { run, bytes: buffers[k % 2].read(join(run.dir, "scores.arrow")) };
  };
  let next = prefetch(0);
  const unscored: string[] = [];
  for (let k = 0; k < periods.length; k++) {
    const period = periods[k];
    const fetched = next;
    const run = fetched?.run ?? currentRun(dir, period, scheme);
    const bytes = await fetched?.bytes;
    next = prefetch(k + 1);
    if (run) {
      // What readRun returns, read leaner (see fromRunBytes); readRun itself for anything unusual.
      out.push({ ...((bytes && fromRunBytes(run, bytes, indicators)) ?? (await readRun(run, indicators))), run: run.id });
      continue;
    }
    const { frame } = await readStoredPeriod(dir, period, { scheme });
    const r = scorePeriod(frame, scheme);
    unscored.push(period);
    out.push({ scores: { period, ids: r.ids, names: r.names, status: r.status, score: r.score, rank: r.rank, grade: r.grade }, values: r.values });
  }
  // One note for all of them: a fresh dataset (the demo) has no runs at all.
  if (unscored.length === 1) notes.push(`period ${unscored[0]} has no run with the current scheme: scored in memory (keep one with: parkscore score ${dir} --period ${unscored[0]})`);
  else if (unscored.length > 1) notes.push(`periods ${unscored.join(", ")} have no run with the current scheme: scored in memory (keep them with: parkscore score ${dir} --all)`);
  return out;
}

/** The latest run of the period made with this scheme. */
function currentRun(dir: string, period: string, scheme: Scheme): StoredRun | undefined {
  for (const id of listRuns(dir, period).reverse()) {
    const run = storedRun(dir, period, id);
    if (run.manifest.scheme?.sha256 === scheme.hash) return run;
  }
  return undefined;
}


/**
 * A run's scores.arrow as {@link readRun} returns it, from the file's bytes in a buffer that is
 * reused for a later period (so the numbers that would view it are copied out, a fraction of the
 * file), with the names kept as UTF-8 and decoded only when asked for — `nameOf(i)` one row,
 * `names` the whole column (decoded then as readRun would). buildPanel asks for each enterprise's
 * latest row only, so most names are never decoded. undefined when the file is in any way unusual
 * (not Arrow, a problem in a column, a name column that is not Utf8): readRun then
 * reads it, and reports what it finds.
 */
function fromRunBytes(run: StoredRun, bytes: Buffer, indicators: readonly string[]): { scores: PeriodScores; values: Map<string, Float64Array> } | undefined {
  const file = join(run.dir, "scores.arrow");
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch {
    return undefined;
  }
  if (table.schema.fields.filter((f) => f.name.replace(/^\uFEFF/, "").trim() === "name").length !== 1) return undefined;
  const nameVector = table.getChild("name");
  const nameColumn = nameVector ? textColumn(nameVector, table.numRows) : undefined;
  if (!(nameColumn instanceof Utf8Text)) return undefined;
  const names = nameColumn.copy(); // `bytes` is reused for the next file
  const valueColumns = indicators.map((id) => `value.${id}`);
  const list = new ProblemList();
  const frame = arrowTableToFrame(table, file, { numeric: ["score", "rank", ...valueColumns], text: ["id", "status", "grade"] }, list);
  if (list.size > 0 || frame.nrows === 0) return undefined;
  const numbers = ownedColumns(frame.numbers, bytes);
  const t = (name: string) => frame.texts.get(name)!;
  let all: string[] | undefined;
  return {
    scores: {
      period: run.period,
      ids: t("id"),
      get names() {
        return (all ??= names.decode());
      },
      nameOf: (i: number) => (all !== undefined ? all[i] : names.at(i)),
      status: t("status"),
      score: numbers.get("score")!,
      rank: ranks(numbers.get("rank")!),
      grade: t("grade"),
    },
    values: new Map(indicators.map((id, j) => [id, numbers.get(valueColumns[j])!])),
  };
}

/** The columns, those that view `bytes` copied (into one allocation), the others as they are. */
function ownedColumns(columns: Map<string, Float64Array>, bytes: Uint8Array): Map<string, Float64Array> {
  let size = 0;
  for (const v of columns.values()) if (v.buffer === bytes.buffer) size += v.length;
  const block = new Float64Array(size);
  let at = 0;
  const out = new Map<string, Float64Array>();
  for (const [name, v] of columns) {
    if (v.buffer !== bytes.buffer) out.set(name, v);
    else {
      const copy = block.subarray(at, (at += v.length));
      copy.set(v);
      out.set(name, copy);
    }
  }
  return out;
}

/** Ranks as readRun gives them: 0 where missing. */
function ranks(v: Float64Array): Int32Array {
  const out = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] === v[i] ? v[i] : 0;
  return out;
}

/** A file's bytes in one buffer reused from file to file (grown as needed); valid until the next read. */
class ReusedBuffer {
  private buffer = Buffer.allocUnsafeSlow(0);

  /** The file's bytes, or undefined if it cannot be read (the caller falls back to readRun, which says why). */
  async read(file: string): Promise<Buffer | undefined> {
    try {
      const fh = await open(file, "r");
      try {
        const size = (await fh.stat()).size;
        // Never pooled (offset 0, so Arrow can view it); room to spare, as later periods tend to be larger.
        if (this.buffer.length < size) this.buffer = Buffer.allocUnsafeSlow(Math.ceil(size * 1.25));
        return this.buffer.subarray(0, await readRanges(fh, this.buffer, [[0, size]]));
      } finally {
        await fh.close();
      }
    } catch {
      return undefined;
    }
  }
}

/** The indicator cube for scatter-degree weights: per period and indicator, values by panel enterprise (cost negated). */
export function windowCube(window: WindowPeriod[], ids: string[], scheme: Scheme): Float64Array[][] {
  const n = ids.length;
  const m = scheme.indicators.length;
  const from = new Int32Array(n);
  return window.map((w) => {
    // The period row of each panel enterprise (−1: absent or not graded), from the panel's alignment.
    sources(panelRows(w.scores, ids), gradedRows(w.scores.status), from);
    const block = new Float64Array(m * n); // one allocation per period, one column per indicator
    return scheme.indicators.map((ind, j) => gather(w.values.get(ind.id)!, from, ind.direction === "cost" ? -1 : 1, block.subarray(j * n, (j + 1) * n)));
  });
}

function gradedRows(status: readonly string[]): Uint8Array {
  const out = new Uint8Array(status.length);
  for (let i = 0; i < out.length; i++) if (status[i] === "graded") out[i] = 1;
  return out;
}

/** from[q] = the graded row at panel position q (the last such row), −1 where none. */
function sources(at: Int32Array, graded: Uint8Array, from: Int32Array): void {
  from.fill(-1);
  for (let i = 0; i < at.length; i++) if (graded[i] === 1 && at[i] >= 0) from[at[i]] = i;
}

function gather(v: Float64Array, from: Int32Array, sign: number, out: Float64Array): Float64Array {
  for (let q = 0; q < out.length; q++) {
    const i = from[q];
    out[q] = i >= 0 ? sign * v[i] : 0 / 0; // 0 / 0, not NaN: see score/normalize/kernel.ts
  }
  return out;
}
