/**
 * How the CLI ends: a ParkscoreError is printed as its problems (file, row, column, fix) with no
 * stack trace and exit code 1, and so is the system's refusal of a file operation (a read-only
 * folder, a full disk: engine/system-error.ts); anything else is an internal error, printed briefly
 * (the stack only with PARKSCORE_DEBUG=1). A reader that closes the pipe (`parkscore … | head`) is
 * not an error: output stops and the command ends as it would have.
 */

/** The engine, loaded only when there is something to report: --version and --help never need it. */
const engine = () => import("../engine/index.js");

export async function run(main: () => Promise<unknown>): Promise<void> {
  quietWhenClosed(process.stdout);
  quietWhenClosed(process.stderr);
  try {
    await main();
  } catch (e) {
    process.exitCode = 1;
    const { formatProblem, MethodError, ParkscoreError, printable, isSystemError, systemProblem } = await engine();
    const lines = (s: string) => s.split("\n").map(printable).join("\n");
    if (e instanceof ParkscoreError) {
      const n = e.problems.length + e.omitted;
      process.stderr.write(`parkscore: ${n === 1 ? "error" : `${n} problems`}:\n${indent(e.message)}\n`);
    } else if (e instanceof MethodError) {
      process.stderr.write(`parkscore: error:\n${indent(lines(e.message))}\n`);
    } else if (isSystemError(e)) {
      process.stderr.write(`parkscore: error:\n${indent(formatProblem(systemProblem(e)))}\n`);
      if (process.env.PARKSCORE_DEBUG) process.stderr.write(`${e.stack}\n`);
    } else {
      const err = e as Error;
      process.stderr.write(`parkscore: internal error: ${lines(err?.message ?? String(e))}\n`);
      if (process.env.PARKSCORE_DEBUG) process.stderr.write(`${err?.stack}\n`);
      else process.stderr.write("  (this is a bug in parkscore; run with PARKSCORE_DEBUG=1 for details)\n");
    }
  }
}

/**
 * A closed pipe (EPIPE) on `stream` silences it instead of crashing the process; later writes are
 * dropped. Any other failure of the stream (a full disk behind `> file`) ends the command with exit 1.
 */
const guarded = new WeakSet<NodeJS.WriteStream>();
function quietWhenClosed(stream: NodeJS.WriteStream): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") return;
    process.exitCode = 1;
    if (stream !== process.stderr)
      void engine().then(({ formatProblem, isSystemError, systemProblem }) => {
        if (isSystemError(e)) process.stderr.write(`parkscore: error: cannot write the output: ${formatProblem(systemProblem(e))}\n`);
      });
  });
}

export function indent(s: string): string {
  return s
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}
