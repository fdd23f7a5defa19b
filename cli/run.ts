/**
 * How the CLI ends: a ParkscoreError is printed as its problems (file, row, column, fix) with no
 * stack trace and exit code 1; anything else is an internal error, printed briefly (the stack only
 * with PARKSCORE_DEBUG=1).
 */
import { MethodError, ParkscoreError } from "../engine/errors.js";
import { printable } from "../engine/printable.js";

export async function run(main: () => Promise<unknown>): Promise<void> {
  try {
    await main();
  } catch (e) {
    process.exitCode = 1;
    if (e instanceof ParkscoreError) {
      const n = e.problems.length + e.omitted;
      process.stderr.write(`parkscore: ${n === 1 ? "error" : `${n} problems`}:\n${indent(e.message)}\n`);
    } else if (e instanceof MethodError) {
      process.stderr.write(`parkscore: error:\n${indent(lines(e.message))}\n`);
    } else {
      const err = e as Error;
      process.stderr.write(`parkscore: internal error: ${lines(err?.message ?? String(e))}\n`);
      if (process.env.PARKSCORE_DEBUG) process.stderr.write(`${err?.stack}\n`);
      else process.stderr.write("  (this is a bug in parkscore; run with PARKSCORE_DEBUG=1 for details)\n");
    }
  }
}

/** A message's lines, each printable. */
function lines(s: string): string {
  return s.split("\n").map(printable).join("\n");
}

export function indent(s: string): string {
  return s
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}
