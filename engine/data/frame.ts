/**
 * A frame is a set of named columns of equal length: numbers as Float64Array (NaN = missing,
 * never null), text as string arrays ('' = missing). It is what readers produce and what the
 * scoring kernels consume; no row objects anywhere on the hot path.
 */
import type { Warning } from "../errors.js";
export interface Frame {
  readonly nrows: number;
  readonly numbers: Map<string, Float64Array>;
  readonly texts: Map<string, string[]>;
  /**
   * With `ReadSpec.rest`: every other column of the file, under its header, typed as asNumbers
   * (typed.ts) decides; columns without a header or whose header repeats are left out.
   */
  readonly rest?: Map<string, Float64Array | string[]>;
  /** Where the rows came from, for error messages. */
  readonly origin: FrameOrigin;
  /** What reading found that the user should hear of (keys that look alike, lines of separators only). */
  readonly warnings?: readonly Warning[];
}

export interface FrameOrigin {
  /** The file as the user named it. */
  file: string;
  /**
   * 1-based row of each frame row in the source as the user sees it (CSV line, sheet row, record + 1),
   * read through `sourceRow`. Empty when frame row i is source row i + 2 throughout (an Arrow or
   * Parquet file: record i + 1 after a header), so that a million-row file needs no such column.
   */
  rows: Int32Array;
  /** Header in the source file for each column name (after the scheme's header map). */
  headers: Map<string, string>;
}

/** What a reader must extract from a file, in the scheme's column names. */
export interface ReadSpec {
  /** Source header → column name; headers not listed keep their own name. */
  headerMap?: Record<string, string>;
  /** Columns that must exist and hold numbers. */
  numeric: string[];
  /** Columns that must exist and are kept as text (ids, names, parks, industries). */
  text: string[];
  /** Columns kept as text if present. */
  optionalText?: string[];
  /** Columns whose combined value must be present and unique on every row (e.g. [id] or [period, id]). */
  key?: string[];
  /** Also read every other column of the file, typed (`Frame.rest`): what a stored revision keeps. */
  rest?: boolean;
}

export interface ReadOptions {
  /** CSV only: force an encoding (`utf-8`, `gbk`, `gb18030`); detected when absent. */
  encoding?: string;
  /** XLSX only: sheet name or 1-based index; the first sheet when absent. */
  sheet?: string;
}

/** Frame rows whose source row is implicit (see FrameOrigin.rows). */
export const IMPLICIT_ROWS = new Int32Array(0);

/** The row of the source file for frame row i (falls back to i + 2: a header line, then data). */
export function sourceRow(frame: Frame, i: number): number {
  return frame.origin.rows[i] ?? i + 2;
}

/** A new frame holding only the given rows, in the given order. */
export function selectRows(frame: Frame, rows: Int32Array): Frame {
  const numbers = new Map<string, Float64Array>();
  for (const [k, v] of frame.numbers) numbers.set(k, Float64Array.from(rows, (i) => v[i]));
  const texts = new Map<string, string[]>();
  for (const [k, v] of frame.texts) texts.set(k, Array.from(rows, (i) => v[i]));
  const rest = frame.rest && new Map([...frame.rest].map(([k, v]) => [k, v instanceof Float64Array ? Float64Array.from(rows, (i) => v[i]) : Array.from(rows, (i) => v[i])]));
  return {
    nrows: rows.length,
    numbers,
    texts,
    rest,
    origin: { ...frame.origin, rows: Int32Array.from(rows, (i) => sourceRow(frame, i)) },
    warnings: frame.warnings,
  };
}

/**
 * The frame as another thread should receive it: every number column in a buffer of its own (a
 * column read from Arrow views the whole file's buffer, which sending would copy once per
 * column), and the text decoded into a plain Map (TextColumns, whose columns may still be
 * undecoded, does not survive structured cloning).
 */
export function detachedFrame(frame: Frame): Frame {
  const numbers = new Map<string, Float64Array>();
  for (const [k, v] of frame.numbers) numbers.set(k, ownBuffer(v));
  return { ...frame, numbers, texts: new Map(frame.texts) };
}

/**
 * The column itself if it fills an ArrayBuffer of its own, else a copy that does. A column of a
 * shared buffer (a large arena, engine/kernels/prefault.ts) is copied too: sent as it is, the receiving
 * thread would share its memory rather than get its values.
 */
export function ownBuffer(v: Float64Array): Float64Array {
  return v.byteLength === v.buffer.byteLength && !(v.buffer instanceof SharedArrayBuffer) ? v : v.slice();
}
