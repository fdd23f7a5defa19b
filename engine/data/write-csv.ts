/**
 * Writing a table as CSV that Excel opens correctly: UTF-8 with a BOM (so Chinese text is not
 * garbled), RFC 4180 quoting, numbers in their shortest round-trip form (deterministic), and text
 * cells that begin with = + - @ (or a tab / carriage return) prefixed with an apostrophe so a
 * spreadsheet never runs them as formulas (OWASP "CSV injection"). GBK and bare line feeds are
 * there for files written as other programs write them (the synthetic datasets).
 */
import iconv from "iconv-lite";
import { NUMBER_TEXT_MAX, writeNumber, writeNumberAt } from "../kernels/number-text.js";
import type { OutputColumn } from "./table.js";

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
  return [...csvStream(columns, n, options)];
}

/** The same chunks one at a time, so that a large file is never whole in memory. */
export function csvStream(columns: OutputColumn[], n: number, { bom = true, eol = "\r\n", encoding = "utf-8" }: CsvOptions = {}): Generator<Buffer, void, undefined> {
  return encoding === "gbk" ? gbkChunks(columns, n, eol) : utf8Chunks(columns, n, bom, eol);
}

/** Room past CHUNK, so that the row that crosses it needs no larger buffer but in rare cases. */
const SLACK = 1 << 16;
const TRUE = Buffer.from("true");
const FALSE = Buffer.from("false");

/**
 * UTF-8 chunks written cell by cell into a buffer: numbers as bytes (writeNumberAt, the bytes of
 * String(v)), text through Buffer#write. Each chunk is a buffer of its own, cut at a row's end.
 */
function* utf8Chunks(columns: OutputColumn[], n: number, bom: boolean, eol: string): Generator<Buffer, void, undefined> {
  let buf = Buffer.allocUnsafe(CHUNK + SLACK);
  let pos = 0;
  // Room for `bytes` more at pos, in a larger buffer if this row has outgrown the slack.
  const room = (bytes: number) => {
    if (pos + bytes <= buf.length) return;
    const larger = Buffer.allocUnsafe(Math.max(2 * buf.length, pos + bytes));
    buf.copy(larger, 0, 0, pos);
    buf = larger;
  };
  const text = (s: string) => {
    room(3 * s.length);
    pos += buf.write(s, pos, "utf8");
  };
  const crlf = eol === "\r\n";
  text((bom ? "\uFEFF" : "") + columns.map((c) => quote(c.name)).join(",") + eol);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < columns.length; j++) {
      const c = columns[j];
      room(NUMBER_TEXT_MAX + 1);
      if (j) buf[pos++] = 44;
      switch (c.type) {
        case "text":
          text(quote(neutralize(c.values[i] ?? "")));
          break;
        case "number":
          if (c.values[i] === c.values[i]) pos = writeNumberAt(c.values, i, buf, pos);
          break;
        case "rank":
          if (c.values[i]) pos = writeNumber(c.values[i], buf, pos);
          break;
        case "boolean":
          pos += (c.values[i] ? TRUE : FALSE).copy(buf, pos);
          break;
      }
    }
    room(2);
    if (crlf) buf[pos++] = 13;
    buf[pos++] = 10;
    if (pos > CHUNK) {
      yield buf.subarray(0, pos);
      buf = Buffer.allocUnsafe(CHUNK + SLACK);
      pos = 0;
    }
  }
  yield buf.subarray(0, pos);
}

/** GBK chunks: the rows as text, encoded a chunk at a time. */
function* gbkChunks(columns: OutputColumn[], n: number, eol: string): Generator<Buffer, void, undefined> {
  let s = columns.map((c) => quote(c.name)).join(",") + eol;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < columns.length; j++) {
      if (j) s += ",";
      s += cell(columns[j], i);
    }
    s += eol;
    if (s.length > CHUNK) {
      yield iconv.encode(s, "gbk");
      s = "";
    }
  }
  yield iconv.encode(s, "gbk");
}

function cell(c: OutputColumn, i: number): string {
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
