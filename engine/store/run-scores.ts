/**
 * Reading a run's published scores (its scores.arrow) as the dynamic layer and reports use them:
 * id, name, status, score, rank, grade and the indicator values (`value.<id>`) asked for. Names stay
 * UTF-8 until asked for (`names` decodes the column, `nameOf(i)` one row): a panel asks only for each
 * enterprise's latest name.
 *
 * One reader, two ways in. By default the file is read through the Arrow reader (only the wanted
 * columns, numbers zero-copy). A caller reading many runs in a row (the window of a dynamic
 * evaluation) may instead pass the file's bytes, read ahead into a {@link RunFileBuffer} that the next
 * run reuses: what would view them is copied out, a fraction of the file, and a file that is in any
 * way unusual is read the default way, which reports what it finds.
 */
import { open } from "node:fs/promises";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { ProblemList } from "../errors.js";
import { arrowTableToFrame } from "../data/arrow.js";
import type { Frame, ReadSpec } from "../data/frame.js";
import { readRanges } from "../data/pread.js";
import { readFrame } from "../data/read.js";
import { TextColumns } from "../data/text.js";
import type { PeriodValues } from "../dynamic/cube.js";
import type { StoredRun } from "./runs.js";

/** A run's scores and indicator values (by indicator id, in the run's row order). */
export interface RunScores extends PeriodValues {
  values: Map<string, Float64Array>;
}

export interface ReadRunOptions {
  /**
   * The bytes of the run's scores.arrow, already read (see {@link RunFileBuffer}); they may be
   * overwritten once readRun returns, so nothing returned views them.
   */
  bytes?: Uint8Array;
}

/** The run's scores.arrow. */
export const scoresFile = (run: StoredRun): string => join(run.dir, "scores.arrow");

/** The run's scores, with the values of `indicators` (indicator ids). */
export async function readRun(run: StoredRun, indicators: readonly string[] = [], options: ReadRunOptions = {}): Promise<RunScores> {
  const valueColumns = indicators.map((id) => `value.${id}`);
  const spec: ReadSpec = { numeric: ["score", "rank", ...valueColumns], text: ["id", "name", "status", "grade"] };
  const fromBytes = options.bytes && frameOfBytes(options.bytes, scoresFile(run), spec);
  const frame = fromBytes ?? (await readFrame(scoresFile(run), spec));
  const numbers = fromBytes ? owned(frame.numbers, options.bytes!) : frame.numbers;
  const texts = frame.texts;
  const utf8 = texts instanceof TextColumns ? texts.utf8("name") : undefined;
  const names = fromBytes ? utf8?.copy() : utf8;
  const t = (name: string) => texts.get(name)!;
  let all: string[] | undefined = names ? undefined : t("name");
  return {
    scores: {
      period: run.period,
      ids: t("id"),
      get names() {
        return (all ??= names!.decode());
      },
      nameOf: (i: number) => (all !== undefined ? all[i] : names!.at(i)),
      status: t("status"),
      score: numbers.get("score")!,
      rank: ranks(numbers.get("rank")!),
      grade: t("grade"),
    },
    values: new Map(indicators.map((id, j) => [id, numbers.get(valueColumns[j])!])),
  };
}

/** The frame of an Arrow file's bytes, or undefined if they are in any way unusual (not Arrow, a problem in a column, no rows). */
function frameOfBytes(bytes: Uint8Array, file: string, spec: ReadSpec): Frame | undefined {
  const list = new ProblemList();
  let frame: Frame;
  try {
    frame = arrowTableToFrame(tableFromIPC(bytes), file, spec, list);
  } catch {
    return undefined;
  }
  return list.size > 0 || frame.nrows === 0 ? undefined : frame;
}

/** The columns, those that view `bytes` copied (into one allocation), the others as they are. */
function owned(columns: Map<string, Float64Array>, bytes: Uint8Array): Map<string, Float64Array> {
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

/** Ranks as integers: 0 where missing (not graded). */
function ranks(v: Float64Array): Int32Array {
  const out = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] === v[i] ? v[i] : 0;
  return out;
}

/** A run's scores.arrow read into one buffer reused from run to run (grown as needed); the bytes are valid until the next read. */
export class RunFileBuffer {
  private buffer = Buffer.allocUnsafeSlow(0);

  /** The file's bytes, or undefined if it cannot be read (readRun then reads it the default way, and says why). */
  async read(run: StoredRun): Promise<Buffer | undefined> {
    try {
      const fh = await open(scoresFile(run), "r");
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
