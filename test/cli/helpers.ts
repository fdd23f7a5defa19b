/** Runs the parkscore CLI as a user runs the installed program, or in this process. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { inject } from "vitest";

export const ROOT = join(import.meta.dirname, "..", "..");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The node arguments that run the program, compiled from the current sources (test/compiled-program.ts),
 * with `args`: for the tests whose point is the process — exit codes, pipes, signals.
 */
export function programArgs(args: string[]): string[] {
  return [inject("program"), ...args];
}

/**
 * The compiled module at `path` (`notebooks/runtime/worker-run.js`): for tests of code that starts
 * worker threads, which then boot from JavaScript instead of each compiling the sources again through tsx.
 */
export function compiled<T>(path: string): Promise<T> {
  return import(pathToFileURL(join(dirname(dirname(inject("program"))), path)).href) as Promise<T>;
}

/** Runs the program as a process in `cwd`, and waits for it to end. */
export function parkscore(args: string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, programArgs(args), { cwd, encoding: "utf8", env: { ...process.env, PARKSCORE_DEBUG: "" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "parkscore-test-"));
}

/**
 * Runs the CLI in this process (no child process, no second compile of the sources): its stdout,
 * stderr and exit code, as cli/main.ts would give them — for CLI behaviour where the process
 * boundary is not what is tested. `env` is set for the command's duration; `from: "compiled"` runs
 * the compiled program (see `compiled`) instead of the sources.
 */
export async function cli(args: string[], env: Record<string, string> = {}, from: "sources" | "compiled" = "sources"): Promise<CliResult> {
  type Program = typeof import("../../cli/program.js");
  type Run = typeof import("../../cli/run.js");
  const { program } = from === "compiled" ? await compiled<Program>("cli/program.js") : await import("../../cli/program.js");
  const { run } = from === "compiled" ? await compiled<Run>("cli/run.js") : await import("../../cli/run.js");
  const out: string[] = [];
  const err: string[] = [];
  const write = { out: process.stdout.write, err: process.stderr.write };
  const capture = (to: string[]) => ((chunk: string | Uint8Array) => (to.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8")), true)) as typeof process.stdout.write;
  const saved = Object.fromEntries(["PARKSCORE_DEBUG", ...Object.keys(env)].map((k) => [k, process.env[k]]));
  Object.assign(process.env, { PARKSCORE_DEBUG: "" }, env);
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  process.exitCode = undefined;
  try {
    await run(async () => (await program(args[0], args[1])).parseAsync(args, { from: "user" }));
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const code = typeof process.exitCode === "number" ? process.exitCode : 0;
  process.exitCode = undefined;
  return { code, stdout: out.join(""), stderr: err.join("") };
}
