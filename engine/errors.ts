/**
 * One error type for the whole engine. A problem names where it happened (file, row, column,
 * scheme path, line) and how to fix it, so the CLI can print it without a stack trace.
 */
import { printable } from "./printable.js";

/** Where a problem was found. Rows and lines are 1-based, as a spreadsheet or editor shows them. */
export interface Location {
  file?: string;
  row?: number;
  column?: string;
  /** Path inside the scheme, e.g. `indicators[3].direction`. */
  path?: string;
  line?: number;
}

export interface Problem extends Location {
  /** Stable machine-readable code, e.g. `csv.not-a-number`. */
  code: string;
  message: string;
  /** The offending value, when there is one. */
  value?: string;
  /** What the user can do about it. */
  fix?: string;
}

/** A non-fatal observation that the user should see and the manifest should record. */
export type Warning = Problem;

/** Most problems reported from one file before the rest are summarised. */
export const MAX_PROBLEMS = 50;

export class ParkscoreError extends Error {
  readonly problems: Problem[];
  /** How many further problems were found but not listed. */
  readonly omitted: number;

  constructor(problems: Problem[] | Problem, omitted = 0) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join("\n") + (omitted > 0 ? `\n… and ${omitted} more problems` : ""));
    this.name = "ParkscoreError";
    this.problems = list;
    this.omitted = omitted;
  }

  get code(): string {
    return this.problems[0]?.code ?? "error";
  }
}

/** Collects problems up to a limit, counting the rest, then throws them together. */
export class ProblemList {
  readonly problems: Problem[] = [];
  /** What is not wrong but should be seen (the reader's frame carries them on). */
  readonly warnings: Warning[] = [];
  omitted = 0;
  constructor(readonly limit = MAX_PROBLEMS) {}
  add(p: Problem): void {
    if (this.problems.length < this.limit) this.problems.push(p);
    else this.omitted++;
  }
  get size(): number {
    return this.problems.length + this.omitted;
  }
  throwIfAny(): void {
    if (this.size > 0) throw new ParkscoreError(this.problems, this.omitted);
  }
}

/** Where in a method's input a problem is: an indicator (its position in the input) and a row. */
export interface MethodPlace {
  indicator?: number;
  row?: number;
}

/** How a caller names a method's indicator (e.g. by id) and row (e.g. by enterprise and source line). */
export interface PlaceNames {
  indicator?: (j: number) => string;
  /** A phrase that locates the row, as "at row 7" does. */
  row?: (i: number) => string;
}

/**
 * A method's refusal of its input (a singular matrix, a benchmark of 0, an inconsistent judgement):
 * the pure-maths modules throw subclasses of this with a readable message, and callers add the
 * location. One that reaches the CLI unwrapped is still the user's problem, not a bug.
 *
 * A method knows an indicator and a row only by position; it gives them as fields, and its message
 * as a function of their names, so that a caller can say them its own way ({@link named}).
 */
export class MethodError extends Error {
  readonly indicator?: number;
  readonly row?: number;
  private readonly text?: (indicator: string, row: string) => string;

  constructor(message: string);
  constructor(place: MethodPlace, text: (indicator: string, row: string) => string);
  constructor(a: string | MethodPlace, text?: (indicator: string, row: string) => string) {
    super(typeof a === "string" ? a : text!(String(a.indicator), `at row ${a.row}`));
    if (typeof a === "string") return;
    if (a.indicator !== undefined) this.indicator = a.indicator;
    if (a.row !== undefined) this.row = a.row;
    this.text = text;
  }

  /** The message with the indicator and row named by `names` (by position where it has no name for them). */
  named(names: PlaceNames): string {
    if (this.text === undefined) return this.message;
    const indicator = this.indicator !== undefined && names.indicator ? names.indicator(this.indicator) : String(this.indicator);
    const row = this.row !== undefined && names.row ? names.row(this.row) : `at row ${this.row}`;
    return this.text(indicator, row);
  }
}

/** `file:row: column "x": message (value "v"). Fix: …` — one line, control characters escaped (printable.ts). */
export function formatProblem(p: Problem): string {
  return printable(problemLine(p));
}

function problemLine(p: Problem): string {
  const where: string[] = [];
  if (p.file) where.push(p.file + (p.row !== undefined ? `:${p.row}` : p.line !== undefined ? `:${p.line}` : ""));
  else if (p.row !== undefined) where.push(`row ${p.row}`);
  if (p.path) where.push(p.path + (p.line !== undefined && !p.file ? ` (line ${p.line})` : ""));
  if (p.column !== undefined) where.push(`column "${p.column}"`);
  let s = where.length ? `${where.join(": ")}: ${p.message}` : p.message;
  if (p.value !== undefined) s += ` (value "${p.value}")`;
  if (p.fix) s += `. Fix: ${p.fix}`;
  return s;
}
