/**
 * Writing a table as CSV that Excel opens correctly: UTF-8 with a BOM (so Chinese text is not
 * garbled), RFC 4180 quoting, numbers in their shortest round-trip form (deterministic), and text
 * cells that begin with = + - @ (or a tab / carriage return) prefixed with an apostrophe so a
 * spreadsheet never runs them as formulas (OWASP "CSV injection").
 */
import type { OutputColumn } from "./table.js";

const CHUNK = 1 << 20;

export function csvChunks(columns: OutputColumn[], n: number, { bom = true } = {}): Buffer[] {
  const out: Buffer[] = [];
  let s = (bom ? "\uFEFF" : "") + columns.map((c) => quote(c.name)).join(",") + "\r\n";
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < columns.length; j++) {
      if (j) s += ",";
      s += cell(columns[j], i);
    }
    s += "\r\n";
    if (s.length > CHUNK) {
      out.push(Buffer.from(s, "utf8"));
      s = "";
    }
  }
  out.push(Buffer.from(s, "utf8"));
  return out;
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
