/**
 * Arrow IPC (file or stream format; `.arrow`, `.feather` v2, `.ipc`), and the column extraction
 * Parquet reuses. A Float64 column of one chunk without nulls is already what a frame wants, so
 * it is handed over as the Float64Array view on Arrow's buffer, without a copy; every other
 * column type is converted, nulls becoming NaN or ''.
 *
 * Rows are numbered record + 1 (the first record is row 2, as in the CSV or sheet the data was
 * exported from, header being row 1) — the same convention as `sourceRow`'s fallback.
 */
import { DataType, Precision, tableFromIPC, util, type Data, type Table, type Vector } from "apache-arrow";
import { ParkscoreError, ProblemList } from "../errors.js";
import { IMPLICIT_ROWS, type Frame, type ReadSpec } from "./frame.js";
import { notANumber, parseNumber } from "./numbers.js";
import { frameFromPlan, planColumns, type ColumnPlan } from "./plan.js";
import { Utf8Text, type TextSource, type Utf8Chunk } from "./text.js";
import { asNumbers } from "./typed.js";

/** Read the columns `spec` asks for from Arrow IPC bytes (file or stream format). */
export function readArrow(bytes: Uint8Array, file: string, spec: ReadSpec, problems?: ProblemList): Frame {
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (e) {
    throw new ParkscoreError({
      code: "data.bad-arrow",
      file,
      message: `cannot read the Arrow data: ${(e as Error).message}`,
      fix: "check that the file is Arrow IPC (file or stream format, e.g. written by pyarrow or pandas.to_feather)",
    });
  }
  const own = problems === undefined;
  const list = problems ?? new ProblemList();
  const plan = planColumns(file, columnNames(table, file), spec, list);
  // The table lives on `bytes`, which nobody else sees: null slots may be overwritten.
  const frame = frameFromTable(table, file, plan, list, true);
  if (own) list.throwIfAny();
  return frame;
}

/** Extract the columns `spec` asks for from an Arrow table (Float64 without nulls: zero-copy). */
export function arrowTableToFrame(table: Table, file: string, spec: ReadSpec, problems?: ProblemList): Frame {
  const own = problems === undefined;
  const list = problems ?? new ProblemList();
  const plan = planColumns(file, columnNames(table, file), spec, list);
  const frame = frameFromTable(table, file, plan, list);
  if (own) list.throwIfAny();
  return frame;
}

/** The table's column names; a table without columns is an empty file. */
export function columnNames(table: Table, file: string): string[] {
  const names = table.schema.fields.map((f) => f.name);
  if (names.length === 0) {
    throw new ParkscoreError({
      code: "data.empty-file",
      file,
      message: "the file has no columns",
      fix: "write the table again with its columns",
    });
  }
  return names;
}

/**
 * Extract the planned columns (plan indexes are positions in `table`). With `owned`, the table's
 * buffers belong to the reader, and a Float64 column with nulls is handed over zero-copy too,
 * after writing NaN into its null slots (whose values Arrow leaves undefined).
 */
export function frameFromTable(table: Table, file: string, plan: ColumnPlan, list: ProblemList, owned = false): Frame {
  const n = table.numRows;
  const numbers = plan.numeric.map((c) => numericColumn(table.getChildAt(c.index)!, n, file, c.header, list, owned));
  const texts = plan.text.map((c) => textColumn(table.getChildAt(c.index)!, n));
  const rest = plan.rest.length ? plan.rest.map((c) => typedColumn(table.getChildAt(c.index)!, n, file, c.header, list, owned)) : undefined;
  return frameFromPlan(file, plan, n, numbers, texts, IMPLICIT_ROWS, rest);
}

/** A column no scheme asked for yet: a number type as numbers, text as numbers when every non-blank value is one (typed.ts), anything else as text. */
function typedColumn(vec: Vector, n: number, file: string, header: string, list: ProblemList, owned: boolean): Float64Array | string[] {
  if (isNumberType(vec.type)) return numericColumn(vec, n, file, header, list, owned);
  const source = textColumn(vec, n);
  const texts = Array.isArray(source) ? source : source.decode();
  return (isAnyText(vec.type) ? asNumbers(n, (i) => parseNumber(texts[i])) : undefined) ?? texts;
}

/**
 * A column as Float64 values: the Arrow buffer itself for one null-free Float64 chunk, else a
 * converted copy (ints and bigints as numbers, booleans as 1/0, decimals scaled, numeric text
 * parsed, nulls as NaN). Types that are not numbers (dates, lists, …) are one problem per column.
 */
export function numericColumn(vec: Vector, n: number, file: string, header: string, list: ProblemList, owned = false): Float64Array {
  const type = vec.type;
  if (vec.data.length === 1 && isFloat64(type) && (vec.nullCount === 0 || owned)) {
    // A sliced Data already has its values buffer sliced (its offset only applies to the null
    // bitmap), so values[0] is the first row.
    const d = vec.data[0];
    const values = d.values as Float64Array;
    if (d.nullCount > 0) markNulls(d, values, 0);
    return values.length === n ? values : values.subarray(0, n);
  }
  const out = new Float64Array(n);
  const isText = isAnyText(type);
  if (!isText && !isNumberType(type)) {
    list.add({
      code: "data.not-a-number",
      file,
      column: header,
      message: `the column holds ${type} values, not numbers`,
      fix: "store the column as a number type (float64 or an integer type)",
    });
    return out.fill(NaN);
  }
  let base = 0;
  for (const d of vec.data) {
    const len = d.length;
    if (DataType.isNull(type)) out.fill(NaN, base, base + len);
    else if (isText) {
      for (let i = 0; i < len; i++) {
        const v = vec.get(base + i) as string | null;
        const x = v === null ? NaN : parseNumber(v);
        if (x === undefined) list.add(notANumber({ file, row: base + i + 2, column: header }, v as string));
        out[base + i] = x ?? NaN;
      }
    } else if (DataType.isDecimal(type)) {
      const scale = type.scale;
      for (let i = 0; i < len; i++) {
        const v = vec.get(base + i);
        out[base + i] = v === null ? NaN : util.bigNumToNumber(v, scale);
      }
    } else if (DataType.isBool(type) || (DataType.isFloat(type) && type.precision === Precision.HALF)) {
      for (let i = 0; i < len; i++) {
        const v = vec.get(base + i) as number | boolean | null;
        out[base + i] = v === null ? NaN : Number(v);
      }
    } else copyValues(d, out, base);
    base += len;
  }
  return out;
}

/** Copy an int or float chunk's values into out[base…], nulls as NaN, bigints via Number(). */
function copyValues(d: Data, out: Float64Array, base: number): void {
  const len = d.length;
  const values = d.values as ArrayLike<number> | BigInt64Array | BigUint64Array;
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    for (let i = 0; i < len; i++) out[base + i] = Number(values[i]);
  } else {
    const v = values as Float64Array; // any number-typed array: set() converts
    out.set(v.length === len ? v : v.subarray(0, len), base);
  }
  if (d.nullCount > 0) markNulls(d, out, base);
}

/**
 * NaN at every null of chunk `d`, read straight from its validity bitmap (LSB first): a byte at a
 * time, visiting only its zero bits, so that a column with a few nulls costs a pass over an eighth
 * of its rows.
 */
function markNulls(d: Data, out: Float64Array, base: number): void {
  const bitmap = d.nullBitmap as Uint8Array;
  const off = d.offset;
  const n = d.length;
  const isNull = (i: number) => (bitmap[(off + i) >> 3] & (1 << ((off + i) & 7))) === 0;
  let i = 0;
  for (; i < n && ((off + i) & 7) !== 0; i++) if (isNull(i)) out[base + i] = NaN;
  for (; i + 8 <= n; i += 8) {
    // The nulls of this byte, lowest first: z & -z is the lowest bit set, clz32 its position.
    for (let z = ~bitmap[(off + i) >> 3] & 0xff; z !== 0; z &= z - 1) out[base + i + 31 - Math.clz32(z & -z)] = NaN;
  }
  for (; i < n; i++) if (isNull(i)) out[base + i] = NaN;
}

/**
 * A column as text: Utf8 stays UTF-8, decoded when first used (text.ts); dictionary text, numbers
 * (as their decimal text) and dates are converted now. Values are trimmed, nulls are ''.
 */
export function textColumn(vec: Vector, n: number): TextSource {
  const type = vec.type;
  if (isOffsetText(type)) return new Utf8Text(vec.data.map(utf8Chunk));
  const out = new Array<string>(n);
  if (DataType.isDictionary(type) && isOffsetText(type.dictionary)) {
    let base = 0;
    for (const d of vec.data) {
      const dict = d.dictionary!;
      const words = dict.data.length === 1 ? new Utf8Text([utf8Chunk(dict.data[0])]).decode() : Array.from(dict, (v) => String(v ?? "").trim());
      const keys = d.values as ArrayLike<number | bigint>;
      for (let i = 0; i < d.length; i++) out[base + i] = d.nullCount > 0 && !d.getValid(i) ? "" : words[Number(keys[i])];
      base += d.length;
    }
    return out;
  }
  const dateLike = DataType.isDate(type) || DataType.isTimestamp(type);
  const decimalScale = DataType.isDecimal(type) ? type.scale : -1;
  for (let i = 0; i < n; i++) {
    const v: unknown = vec.get(i);
    if (v === null || v === undefined) out[i] = "";
    else if (typeof v === "string") out[i] = v.trim();
    else if (typeof v === "number") out[i] = dateLike ? isoDate(v) : Number.isNaN(v) ? "" : String(v);
    else if (typeof v === "bigint") out[i] = dateLike ? isoDate(Number(v)) : v.toString();
    else if (v instanceof Date) out[i] = isoDate(v.getTime());
    else if (decimalScale >= 0) out[i] = String(util.bigNumToNumber(v as Parameters<typeof util.bigNumToNumber>[0], decimalScale));
    else out[i] = String(v);
  }
  return out;
}

/** One Utf8 / LargeUtf8 chunk as its bytes, offsets and validity (views, no copy). */
function utf8Chunk(d: Data): Utf8Chunk {
  const raw = d.valueOffsets as Int32Array | BigInt64Array;
  const offsets = raw instanceof BigInt64Array ? Float64Array.from(raw, Number) : raw;
  return { bytes: d.values as Uint8Array, offsets, length: d.length, validity: d.nullCount > 0 ? (d.nullBitmap as Uint8Array) : undefined, bitOffset: d.offset };
}

function isFloat64(type: DataType): boolean {
  return DataType.isFloat(type) && type.precision === Precision.DOUBLE;
}

/** Types whose values are numbers (booleans as 1/0, as flags are). */
function isNumberType(type: DataType): boolean {
  return DataType.isFloat(type) || DataType.isInt(type) || DataType.isBool(type) || DataType.isDecimal(type) || DataType.isNull(type);
}

/** Text, plain or dictionary-encoded. */
function isAnyText(type: DataType): boolean {
  return isTextType(type) || (DataType.isDictionary(type) && isTextType(type.dictionary));
}

/** Text of any layout (values are read with `get`). */
function isTextType(type: DataType): boolean {
  return DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isUtf8View(type);
}

/** Text stored as offsets + bytes, which {@link utf8Strings} decodes directly. */
function isOffsetText(type: DataType): boolean {
  return DataType.isUtf8(type) || DataType.isLargeUtf8(type);
}

/** Milliseconds since the epoch as YYYY-MM-DD (midnight) or YYYY-MM-DD hh:mm:ss. */
function isoDate(ms: number): string {
  const s = new Date(ms).toISOString();
  return s.endsWith("T00:00:00.000Z") ? s.slice(0, 10) : s.slice(0, 19).replace("T", " ");
}

