/**
 * Terminal output: aligned tables that account for wide (CJK) characters, lists of notes, warnings and
 * housekeeping notes. Every cell and line goes through `printable`, so no control character from the
 * data reaches the terminal.
 */
import { formatProblem, type Warning, printable, type Swept } from "../engine/index.js";
import { indent } from "./run.js";

/** Display width: East Asian wide and full-width characters take two cells. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** Renders rows under a header; columns listed in `numeric` are right-aligned. */
export function textTable(header: string[], cells: string[][], numeric: Set<number> = new Set()): string {
  const rows = cells.map((r) => r.map((c) => printable(c ?? "")));
  const widths = header.map((h, j) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[j] ?? ""))));
  const line = (r: string[]) => r.map((c, j) => pad(c ?? "", widths[j], numeric.has(j))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** `heading:` and one indented line per entry. */
export function listing(heading: string, lines: string[]): string {
  return `${heading}:\n${indent(lines.map(printable).join("\n"))}`;
}

export function fixed(x: number, digits = 2): string {
  return Number.isFinite(x) ? x.toFixed(digits) : "";
}

/** Warnings as every scoring command prints them: how many, then one indented line each ("" when none). */
export function warningsText(warnings: readonly Warning[]): string {
  return warnings.length ? `${listing(`${warnings.length} warning(s)`, warnings.map(formatProblem))}\n` : "";
}

/** One line on the temporaries of dead writers a command removed ("" when none). */
export function sweptText(s: Swept): string {
  if (s.count === 0) return "";
  return `removed ${s.count} temporary file${s.count === 1 ? "" : "s"} (${(s.bytes / 1e6).toFixed(1)} MB) left by a parkscore stopped mid-write\n`;
}
