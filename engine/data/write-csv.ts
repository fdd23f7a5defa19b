/**
 * Writing a table as CSV that Excel opens correctly: UTF-8 with a BOM (so Chinese text is not
 * garbled), RFC 4180 quoting, numbers in their shortest round-trip form (deterministic), and text
 * cells that begin with = + - @ (or a tab / carriage return) prefixed with an apostrophe so a
 * spreadsheet never runs them as formulas (OWASP "CSV injection"). GBK and bare line feeds are
 * there for files written as other programs write them (the synthetic datasets).
 *
 * UTF-8 is written as bytes straight into the chunk, cell by cell: building the text as strings
 * and encoding it took most of a large scoring's time.
 */
import iconv from "iconv-lite";
import { NUMBER_TEXT_MAX, writeNumber, writeNumberAt } from "../kernels/number-text.js";
import type { OutputColumn } from "./table.js";

/** A chunk is handed out once it holds this many bytes (at a row's end). */
const CHUNK = 1 << 20;

export interface CsvOptions {
  /** A byte-order mark before UTF-8 text (default true; never in GBK). */
  bom?: boolean;
  /** Line ending (default CRLF, as RFC 4180 and Excel). */
  eol?: "\r\n" | "\n";
  encoding?: "utf-8" | "gbk";
}

/** The CSV bytes in chunks of about 1 MiB, each ending at a row's end. */
export function csvChunks(columns: OutputColumn[], n: number, options: CsvOptions = {}): Buffer[] {
  return Array.from(csvStream(columns, n, options), (chunk) => Buffer.from(chunk));
}

/**
 * The same chunks one at a time, so that a large file is never whole in memory. A chunk is valid
 * until the next is asked for: its memory is reused (fresh memory costs a page fault per 4 KB).
 */
export function* csvStream(columns: OutputColumn[], n: number, { bom = true, eol = "\r\n", encoding = "utf-8" }: CsvOptions = {}): Generator<Buffer, void, undefined> {
  const header = columns.map((c) => quote(c.name)).join(",") + eol;
  if (encoding === "gbk") {
    yield* gbkStream(columns, n, header, eol);
    return;
  }
  const crlf = eol === "\r\n";
  const head = (bom ? "\uFEFF" : "") + header;
  let buf: Buffer = Buffer.allocUnsafe(Math.max(CHUNK * 2, Buffer.byteLength(head) + CHUNK));
  let pos = buf.write(head, 0, "utf8");
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < columns.length; j++) {
      const c = columns[j];
      // The most a cell can take: UTF-8 and doubled quotes at 3 bytes a character, quotes, apostrophe and comma.
      const need = c.type === "text" ? 3 * (c.values[i]?.length ?? 0) + 4 : NUMBER_TEXT_MAX + 1;
      if (pos + need > buf.length) buf = grown(buf, pos, need);
      if (j) buf[pos++] = 0x2c;
      pos = writeCell(c, i, buf, pos);
    }
    if (pos + 2 > buf.length) buf = grown(buf, pos, 2);
    if (crlf) buf[pos++] = 0x0d;
    buf[pos++] = 0x0a;
    if (pos >= CHUNK) {
      yield buf.subarray(0, pos);
      pos = 0;
    }
  }
  if (pos) yield buf.subarray(0, pos);
}

/** A larger buffer holding the first `pos` bytes of `buf`, with room for `need` more. */
function grown(buf: Buffer, pos: number, need: number): Buffer {
  const b = Buffer.allocUnsafe(Math.max(buf.length * 2, pos + need));
  buf.copy(b, 0, 0, pos);
  return b;
}

function writeCell(c: OutputColumn, i: number, buf: Buffer, pos: number): number {
  switch (c.type) {
    case "text":
      return writeText(c.values[i] ?? "", buf, pos);
    case "number": {
      const v = c.values[i];
      return v === v ? writeNumberAt(c.values, i, buf, pos) : pos;
    }
    case "rank":
      return c.values[i] ? writeNumber(c.values[i], buf, pos) : pos;
    case "boolean":
      return pos + buf.write(c.values[i] ? "true" : "false", pos, "latin1");
  }
}

/**
 * A text cell: copied a character at a time while it is ASCII that needs neither quoting nor
 * neutralising (ids, grades, statuses), otherwise encoded as the string rules say.
 */
function writeText(s: string, buf: Buffer, pos: number): number {
  const len = s.length;
  if (len === 0) return pos;
  const first = s.charCodeAt(0);
  if (first !== 0x3d && first !== 0x2b && first !== 0x2d && first !== 0x40 && first !== 0x09 && first !== 0x0d) {
    let k = 0;
    for (; k < len; k++) {
      const ch = s.charCodeAt(k);
      if (ch >= 0x80 || ch === 0x22 || ch === 0x2c || ch === 0x0d || ch === 0x0a) break;
      buf[pos + k] = ch;
    }
    if (k === len) return pos + len;
  }
  return pos + buf.write(quote(neutralize(s)), pos, "utf8");
}

/** The string-built form, for GBK (written for other programs, never large). */
function* gbkStream(columns: OutputColumn[], n: number, header: string, eol: string): Generator<Buffer, void, undefined> {
  let s = header;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < columns.length; j++) {
      if (j) s += ",";
      s += cellText(columns[j], i);
    }
    s += eol;
    if (s.length > CHUNK) {
      yield iconv.encode(s, "gbk");
      s = "";
    }
  }
  yield iconv.encode(s, "gbk");
}

function cellText(c: OutputColumn, i: number): string {
  switch (c.type) {
    case "text":
      return quote(neutralize(c.values[i] ?? ""));
    case "number": {
      const v = c.values[i];
      return v === v ? String(v) : "";
    }
    case "rank":
      return c.values[i] ? String(c.values[i]) : "";
    case "boolean":
      return c.values[i] ? "true" : "false";
  }
}

/** Prefixes a text that a spreadsheet would read as a formula with an apostrophe. */
export function neutralize(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
