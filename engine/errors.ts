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

/**
 * A method's refusal of its input (a singular matrix, a benchmark of 0, an inconsistent judgement):
 * the pure-maths modules throw subclasses of this with a readable message, and callers add the
 * location. One that reaches the CLI unwrapped is still the user's problem, not a bug.
 */
export class MethodError extends Error {}

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
