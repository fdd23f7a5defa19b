/**
 * Writing a table as CSV that Excel opens correctly: UTF-8 with a BOM (so Chinese text is not
 * garbled), RFC 4180 quoting, numbers in their shortest round-trip form (deterministic), and text
 * cells that begin with = + - @ (or a tab / carriage return) prefixed with an apostrophe so a
 * spreadsheet never runs them as formulas (OWASP "CSV injection"). GBK and bare line feeds are
 * there for files written as other programs write them (the synthetic datasets).
 */
import iconv from "iconv-lite";
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
export function* csvStream(columns: OutputColumn[], n: number, { bom = true, eol = "\r\n", encoding = "utf-8" }: CsvOptions = {}): Generator<Buffer, void, undefined> {
  const gbk = encoding === "gbk";
  const bytes = (s: string) => (gbk ? iconv.encode(s, "gbk") : Buffer.from(s, "utf8"));
  let s = (bom && !gbk ? "\uFEFF" : "") + columns.map((c) => quote(c.name)).join(",") + eol;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < columns.length; j++) {
      if (j) s += ",";
      s += cell(columns[j], i);
    }
    s += eol;
    if (s.length > CHUNK) {
      yield bytes(s);
      s = "";
    }
  }
  yield bytes(s);
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
