/**
 * RFC 4180 CSV over bytes. A park's yearly export can be a million rows × two dozen columns, so
 * the reader scans the bytes once, parses numbers straight from them into preallocated
 * Float64Arrays, decodes text only for the columns the scheme keeps as text, and steps over every
 * other column without looking inside. Non-UTF-8 files are transcoded to UTF-8 first
 * (see encoding.ts) so there is one scanner.
 */
import { ParkscoreError, ProblemList, type Problem, type Warning } from "../errors.js";
import { toUtf8 } from "./encoding.js";
import type { Frame, ReadSpec } from "./frame.js";
import { notANumber, parseLongDecimal, parseNumber, parseNumberBytes } from "./numbers.js";
import { cleanHeader, frameFromPlan, planColumns } from "./plan.js";
import { utf8Column } from "./strings.js";
import { asNumbers } from "./typed.js";

export interface CsvOptions {
  /** Force an encoding (`utf-8`, `gbk`, `gb18030`); detected when absent. */
  encoding?: string;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const COMMA = 44;
const SEMICOLON = 59;
const TAB = 9;
const NUM = 1;
const TEXT = 2;
const TWO53 = 9007199254740992;
/** Exact powers of ten (10^22 is the largest exact one). */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * Read the columns `spec` asks for from CSV bytes. Rows are numbered by source line (header =
 * line 1, counting newlines inside quoted values), so problems point at what an editor shows.
 * Problems go to `problems`; when none is passed they are thrown at the end.
 */
export function readCsv(input: Uint8Array, file: string, spec: ReadSpec, opts: CsvOptions = {}, problems?: ProblemList): Frame {
  const own = problems === undefined;
  const list = problems ?? new ProblemList();
  const raw = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const bytes = toUtf8(raw, file, opts.encoding).bytes;
  const len = bytes.length;

  let pos = len >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 1;
  // Blank lines before the header are not the header.
  while (pos < len && (bytes[pos] === LF || bytes[pos] === CR)) {
    pos += bytes[pos] === CR && pos + 1 < len && bytes[pos + 1] === LF ? 2 : 1;
    line++;
  }
  if (pos >= len) {
    throw new ParkscoreError({
      code: "data.empty-file",
      file,
      message: "the file is empty (no header row)",
      fix: "export the data again with a header row and at least one data row",
    });
  }

  const sep = detectSeparator(bytes, pos);
  const header = readRecord(bytes, pos, sep);
  pos = header.end;
  line += header.newlines + 1;
  const plan = planColumns(file, header.fields, spec, list);
  const headerOf = header.fields.map(cleanHeader);

  // The other columns a stored revision keeps are gathered as text, after the scheme's, and typed at the end.
  const textSlot = plan.textSlot.slice();
  plan.rest.forEach((c, k) => (textSlot[c.index] = plan.text.length + k));
  const scan = new Scan(bytes, pos, line, sep, file, headerOf, plan.numericSlot, textSlot, plan.numeric.length, plan.text.length + plan.rest.length, list);
  // The scan runs in slices of rows: a rare branch met late (a bad number, a quote) de-optimises
  // the loop, and a fresh call lets V8 optimise it again at once instead of limping to the end.
  while (scan.pos < len) scan.run(scan.r + 32768);
  const r = scan.r;
  const nText = plan.text.length;
  const texts = scan.textBytes.slice(0, nText).map((b, k) => utf8Column(b, scan.textEnds[k], r));
  const rest = spec.rest ? plan.rest.map((_, k) => typedColumn(scan.textBytes[nText + k], scan.textEnds[nText + k], r)) : undefined;
  const frame = frameFromPlan(file, plan, r, scan.nums.map((a) => fit(a, r)), texts, fit(scan.rows, r), rest);
  if (own) list.throwIfAny();
  return scan.skipped.length ? { ...frame, warnings: [...(frame.warnings ?? []), skippedNote(file, scan.skipped)] } : frame;
}

/** A column gathered as text: numbers when every non-blank cell is one (typed.ts), else its strings. */
function typedColumn(bytes: Buffer, ends: Int32Array, n: number): Float64Array | string[] {
  return asNumbers(n, (i) => parseNumberBytes(bytes, ends[i], ends[i + 1])) ?? utf8Column(bytes, ends, n);
}

/** The state of one CSV scan, advanced a slice of rows at a time by {@link Scan.run}. */
class Scan {
  cap: number;
  nums: Float64Array[];
  rows: Int32Array;
  /**
   * Text columns are gathered as bytes, one buffer per column (value r ends at textEnds[k][r + 1]),
   * and decoded once at the end by utf8Column: far cheaper than a string per cell while scanning.
   */
  textBytes: Buffer[];
  textEnds: Int32Array[];
  readonly textUsed: Int32Array;
  /** Per source column: 0 skip, NUM, TEXT or both. */
  readonly kinds: Uint8Array;
  /** Latin-1 view of the bytes near the scan, for Number() on long plain decimals. */
  readonly window: Latin1Window;
  r = 0;
  /** Lines of separators only that were skipped, as ranges [first, last] of line numbers. */
  readonly skipped: [number, number][] = [];

  constructor(
    readonly bytes: Buffer,
    public pos: number,
    public line: number,
    readonly sep: number,
    readonly file: string,
    readonly headerOf: string[],
    readonly numSlot: Int32Array,
    readonly textSlot: Int32Array,
    nNum: number,
    nText: number,
    readonly list: ProblemList,
  ) {
    const ncols = headerOf.length;
    this.kinds = new Uint8Array(ncols);
    for (let k = 0; k < ncols; k++) this.kinds[k] = (numSlot[k] >= 0 ? NUM : 0) | (textSlot[k] >= 0 ? TEXT : 0);
    // Lines bound the row count from above (quoted newlines only over-count), so one allocation
    // almost always suffices; run() doubles it otherwise (bare-CR files).
    this.cap = Math.max(16, countByte(bytes, pos, LF) + 1);
    this.nums = Array.from({ length: nNum }, () => new Float64Array(this.cap));
    this.rows = new Int32Array(this.cap);
    const guess = Math.min(bytes.length, 1 << 20);
    this.textBytes = Array.from({ length: nText }, () => Buffer.allocUnsafe(guess));
    this.textEnds = Array.from({ length: nText }, () => new Int32Array(this.cap + 1));
    this.textUsed = new Int32Array(nText);
    this.window = new Latin1Window(bytes);
  }

  /** Scan records until row `until` or the end of the bytes. */
  run(until: number): void {
    const { bytes, sep, file, headerOf, numSlot, textSlot, kinds, textUsed, list } = this;
    const len = bytes.length;
    const ncols = kinds.length;
    let { pos, line, r, nums, rows } = this;
    let c = 0;
    while (pos < len && r < until) {
      c = bytes[pos];
      // Empty lines (anywhere, including trailing ones) are not records.
      if (c === LF || c === CR) {
        pos += c === CR && pos + 1 < len && bytes[pos + 1] === LF ? 2 : 1;
        line++;
        continue;
      }
      // Nor are lines of separators only, as Excel leaves after formatted but empty cells: skipped, and noted.
      if (c === sep) {
        const end = this.separatorsOnly(pos, line);
        if (end >= 0) {
          pos = end;
          line++;
          continue;
        }
      }
      if (r === this.cap) {
        this.cap *= 2;
        this.nums = nums = nums.map((a) => grow(a, this.cap));
        this.rows = rows = grow(rows, this.cap);
        this.textEnds = this.textEnds.map((a) => grow(a, this.cap + 1));
      }
      const rowLine = line;
      rows[r] = rowLine;
      let col = 0;
      for (;;) {
        const kind = col < ncols ? kinds[col] : 0;
        c = pos < len ? bytes[pos] : LF;
        if (c === QUOTE) {
          // Quoted field: the rare, general path.
          const s = pos + 1;
          scanQuoted(bytes, s, sep);
          pos = q.next;
          line += q.newlines;
          if (!q.closed) list.add(unterminated(file, rowLine, headerOf[col]));
          // Text after the closing quote only matters in a column that is read.
          else if (q.trailing && kind !== 0) list.add(badQuote(file, rowLine, headerOf[col], bytes.toString("utf8", s - 1, pos)));
          if (kind & NUM) {
            let text = bytes.toString("utf8", s, q.end);
            if (q.escaped) text = text.replaceAll('""', '"');
            const v = parseNumber(text);
            if (v === undefined) list.add(notANumber({ file, row: rowLine, column: headerOf[col] }, text));
            nums[numSlot[col]][r] = v ?? NaN;
          }
          if (kind & TEXT) this.addText(textSlot[col], r, s, q.end, q.escaped);
        } else if (kind === 0) {
          while (c !== sep && c !== LF && c !== CR && ++pos < len) c = bytes[pos];
        } else if (kind === NUM) {
          // A plain decimal is parsed while scanning: digits accumulate into an integer mantissa
          // m; when m < 2^53 and there are at most 22 decimals, one division by an exact power of
          // ten is correctly rounded (as in parseDecimalBytes), i.e. exactly Number(text).
          // Anything else (exponent, %, 1,234, full-width, junk) is re-read by the general parser.
          const s = pos;
          let neg = false;
          let m = 0;
          let nd = 0;
          let dec = 0;
          let d = 0;
          if (c === 45) {
            neg = true;
            pos++;
          } else if (c === 43) pos++;
          while (pos < len && (d = bytes[pos] - 48) >= 0 && d <= 9) {
            m = m * 10 + d;
            nd++;
            pos++;
          }
          if (pos < len && bytes[pos] === 46) {
            pos++;
            while (pos < len && (d = bytes[pos] - 48) >= 0 && d <= 9) {
              m = m * 10 + d;
              nd++;
              dec++;
              pos++;
            }
          }
          c = pos < len ? bytes[pos] : LF;
          let v: number;
          if ((c === sep || c === LF || c === CR) && nd > 0 && m < TWO53 && dec <= 22) {
            v = dec === 0 ? m : m / POW10[dec];
            if (neg) v = -v;
          } else if (c === sep || c === LF || c === CR) {
            // Empty cell: missing. A plain decimal with too many digits for the exact path
            // (17-digit doubles as Python writes them): the long exact path, else Number().
            v = pos === s ? 0 / 0 : nd > 0 ? this.longNumber(s, pos) : this.slowNumber(s, pos, rowLine, col);
          } else {
            while (c !== sep && c !== LF && c !== CR && ++pos < len) c = bytes[pos];
            v = this.slowNumber(s, pos, rowLine, col);
          }
          nums[numSlot[col]][r] = v;
        } else {
          const s = pos;
          while (c !== sep && c !== LF && c !== CR && ++pos < len) c = bytes[pos];
          // Copy the cell's bytes to its column's buffer.
          const ts = textSlot[col];
          let w = textUsed[ts];
          if (w + (pos - s) > this.textBytes[ts].length) this.growText(ts, w + (pos - s));
          const tb = this.textBytes[ts];
          for (let k = s; k < pos; k++) tb[w++] = bytes[k];
          textUsed[ts] = w;
          this.textEnds[ts][r + 1] = w;
          if (kind & NUM) nums[numSlot[col]][r] = this.slowNumber(s, pos, rowLine, col);
        }
        col++;
        if (pos < len && bytes[pos] === sep) {
          pos++;
          continue;
        }
        break;
      }
      // End of record: CRLF, LF, bare CR or end of file.
      if (pos < len) {
        pos += bytes[pos] === CR && pos + 1 < len && bytes[pos + 1] === LF ? 2 : 1;
        line++;
      }
      if (col !== ncols) this.ragged(rowLine, r, col);
      r++;
    }
    this.pos = pos;
    this.line = line;
    this.r = r;
  }

  /**
   * If line `line`, at `pos`, holds nothing but separators: where the next line starts (the line
   * is counted as skipped); otherwise -1. Only called for a line that starts with a separator.
   */
  private separatorsOnly(pos: number, line: number): number {
    const { bytes, sep } = this;
    const len = bytes.length;
    let p = pos;
    while (p < len && bytes[p] === sep) p++;
    if (p < len && bytes[p] !== LF && bytes[p] !== CR) return -1;
    const last = this.skipped[this.skipped.length - 1];
    if (last && last[1] === line - 1) last[1] = line;
    else this.skipped.push([line, line]);
    return p >= len ? p : p + (bytes[p] === CR && p + 1 < len && bytes[p + 1] === LF ? 2 : 1);
  }

  /** Append a quoted cell's content (undoubling `""` when `escaped`) to text column `ts`. */
  private addText(ts: number, r: number, s: number, e: number, escaped: boolean): void {
    let w = this.textUsed[ts];
    if (w + (e - s) > this.textBytes[ts].length) this.growText(ts, w + (e - s));
    const tb = this.textBytes[ts];
    const b = this.bytes;
    for (let k = s; k < e; k++) {
      tb[w++] = b[k];
      if (escaped && b[k] === QUOTE) k++; // the second quote of a pair
    }
    this.textUsed[ts] = w;
    this.textEnds[ts][r + 1] = w;
  }

  private growText(ts: number, need: number): void {
    const old = this.textBytes[ts];
    const next = Buffer.allocUnsafe(Math.max(need, old.length * 2));
    old.copy(next, 0, 0, this.textUsed[ts]);
    this.textBytes[ts] = next;
  }

  /** A plain decimal with too many digits for the inline path: exact double-double, else Number(). */
  private longNumber(s: number, e: number): number {
    const v = parseLongDecimal(this.bytes, s, e);
    return v === v ? v : this.window.number(s, e);
  }

  /** A numeric cell the inline fast path did not take: the general parser, or a problem. */
  private slowNumber(s: number, e: number, row: number, col: number): number {
    const v = parseNumberBytes(this.bytes, s, e);
    if (v !== undefined) return v;
    this.list.add(notANumber({ file: this.file, row, column: this.headerOf[col] }, this.bytes.toString("utf8", s, e)));
    return NaN;
  }

  /** A record with too few or too many fields: a problem; missing cells become missing values. */
  private ragged(line: number, r: number, fields: number): void {
    const ncols = this.kinds.length;
    this.list.add({
      code: "csv.ragged-row",
      file: this.file,
      row: line,
      message: `line ${line} has ${fields} field${fields === 1 ? "" : "s"} but the header has ${ncols}`,
      fix: `check for a missing or extra "${sepName(this.sep)}" on that line, and quote values that contain one`,
    });
    for (let k = fields; k < ncols; k++) {
      if (this.numSlot[k] >= 0) this.nums[this.numSlot[k]][r] = NaN;
      if (this.textSlot[k] >= 0) this.textEnds[this.textSlot[k]][r + 1] = this.textUsed[this.textSlot[k]];
    }
  }
}

/**
 * The separator: a comma, unless the header line has no comma but has semicolons (European
 * Excel) or tabs (TSV, copy-paste from a sheet) — then the more frequent of those.
 */
export function detectSeparator(bytes: Uint8Array, start = 0): number {
  let commas = 0;
  let semis = 0;
  let tabs = 0;
  let quoted = false;
  for (let i = start; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (c === LF || c === CR) break;
    else if (c === COMMA) commas++;
    else if (c === SEMICOLON) semis++;
    else if (c === TAB) tabs++;
  }
  if (commas > 0) return COMMA;
  if (tabs > 0 && tabs >= semis) return TAB;
  if (semis > 0) return SEMICOLON;
  return COMMA;
}

/** One record as strings (used for the header): its fields, where it ends, newlines inside quotes. */
export function readRecord(bytes: Buffer, start: number, sep: number): { fields: string[]; end: number; newlines: number } {
  const fields: string[] = [];
  const len = bytes.length;
  let pos = start;
  let newlines = 0;
  for (;;) {
    let c = 0;
    if (pos < len && bytes[pos] === QUOTE) {
      const s = ++pos;
      while (pos < len && !(bytes[pos] === QUOTE && bytes[pos + 1] !== QUOTE)) {
        if (bytes[pos] === QUOTE) pos++;
        else if (bytes[pos] === LF) newlines++;
        pos++;
      }
      const text = bytes.toString("utf8", s, Math.min(pos, len)).replaceAll('""', '"');
      pos++;
      // Tolerate text after the closing quote in a header by appending it.
      const t = pos;
      while (pos < len && (c = bytes[pos]) !== sep && c !== LF && c !== CR) pos++;
      fields.push(text + bytes.toString("utf8", Math.min(t, len), pos));
    } else {
      const s = pos;
      while (pos < len && (c = bytes[pos]) !== sep && c !== LF && c !== CR) pos++;
      fields.push(bytes.toString("utf8", s, pos));
    }
    if (pos < len && bytes[pos] === sep) {
      pos++;
      continue;
    }
    break;
  }
  if (pos < len) pos += bytes[pos] === CR && pos + 1 < len && bytes[pos + 1] === LF ? 2 : 1;
  return { fields, end: pos, newlines };
}

/** Result of {@link scanQuoted}, kept in one reused object so the hot loop allocates nothing. */
const q = { end: 0, next: 0, newlines: 0, escaped: false, closed: true, trailing: false };

/**
 * Scan a quoted field whose content starts at `s` (just after the opening quote): where the
 * content ends, where the field ends (at the separator or line end), newlines inside, whether it
 * has `""` escapes, whether the quote is closed, whether text follows the closing quote.
 */
function scanQuoted(bytes: Buffer, s: number, sep: number): void {
  const len = bytes.length;
  let pos = s;
  q.newlines = 0;
  q.escaped = false;
  q.closed = false;
  q.trailing = false;
  for (; pos < len; pos++) {
    const c = bytes[pos];
    if (c === QUOTE) {
      if (pos + 1 < len && bytes[pos + 1] === QUOTE) {
        q.escaped = true;
        pos++;
        continue;
      }
      q.closed = true;
      break;
    }
    if (c === LF || (c === CR && !(pos + 1 < len && bytes[pos + 1] === LF))) q.newlines++;
  }
  q.end = pos;
  if (!q.closed) {
    q.next = len;
    return;
  }
  pos++;
  // Only spaces may follow the closing quote; anything else is reported and skipped.
  while (pos < len && bytes[pos] === SPACE) pos++;
  let c = 0;
  if (pos < len && (c = bytes[pos]) !== sep && c !== LF && c !== CR) {
    q.trailing = true;
    while (pos < len && (c = bytes[pos]) !== sep && c !== LF && c !== CR) pos++;
  }
  q.next = pos;
}

/** One note for all the lines of separators only: how many, and where (`12–40, 55`). */
function skippedNote(file: string, ranges: [number, number][]): Warning {
  const count = ranges.reduce((n, [a, b]) => n + b - a + 1, 0);
  const shown = ranges.slice(0, 5).map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`));
  return {
    code: "csv.empty-rows",
    file,
    message: `skipped ${count} empty row${count === 1 ? "" : "s"} (separators only, as Excel leaves after formatted cells): line${count === 1 ? "" : "s"} ${shown.join(", ")}${ranges.length > 5 ? ", …" : ""}`,
  };
}

function unterminated(file: string, row: number, column: string | undefined): Problem {
  return {
    code: "csv.unterminated-quote",
    file,
    row,
    column,
    message: "a quoted value is never closed",
    fix: 'end the value with a closing quote ("), and write a quote inside a quoted value as ""',
  };
}

function badQuote(file: string, row: number, column: string | undefined, value: string): Problem {
  return {
    code: "csv.bad-quote",
    file,
    row,
    column,
    message: "text follows the closing quote of a quoted value",
    value,
    fix: 'put the whole value inside the quotes, and write a quote inside a quoted value as ""',
  };
}

function sepName(sep: number): string {
  return sep === TAB ? "tab" : String.fromCharCode(sep);
}

/**
 * Cheap JS strings for ASCII cells: one native decode per 64 KiB (Latin-1, so string index =
 * byte offset) and a substring per cell, instead of one native call per cell. Only for values
 * used at once (numbers): a long substring shares the window's memory.
 */
class Latin1Window {
  private start = 0;
  private end = 0;
  private text = "";
  constructor(private readonly bytes: Buffer) {}

  /** Number() of the plain ASCII decimal in bytes[s, e) — the caller checked its shape. */
  number(s: number, e: number): number {
    if (s < this.start || e > this.end) {
      this.start = s;
      this.end = Math.min(this.bytes.length, Math.max(e, s + 65536));
      this.text = this.bytes.toString("latin1", this.start, this.end);
    }
    return Number(this.text.substring(s - this.start, e - this.start));
  }
}

function countByte(bytes: Buffer, from: number, byte: number): number {
  let n = 0;
  for (let p = bytes.indexOf(byte, from); p !== -1; p = bytes.indexOf(byte, p + 1)) n++;
  return n;
}

function grow<T extends Float64Array | Int32Array>(a: T, cap: number): T {
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}

/** The first n entries; a view when that is most of the array, a compact copy otherwise. */
function fit<T extends Float64Array | Int32Array>(a: T, n: number): T {
  if (n === a.length) return a;
  return (n >= a.length * 0.9 ? a.subarray(0, n) : a.slice(0, n)) as T;
}
