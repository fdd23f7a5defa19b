/**
 * Runs one parkscore command in this process, as cli/main.ts would (errors through cli/run.ts),
 * capturing what it writes: for CLI behaviour where the process boundary is not what is tested.
 */
import type { Command } from "commander";
import { run } from "../../cli/run.js";
import type { CliResult } from "./helpers.js";

export async function inProcess(command: () => Command, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const stdout: string[] = [], stderr: string[] = [];
  const write = { out: process.stdout.write, err: process.stderr.write };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  process.stdout.write = ((s: string | Uint8Array) => stdout.push(String(s)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => stderr.push(String(s)) > 0) as typeof process.stderr.write;
  Object.assign(process.env, env);
  try {
    await run(() => command().exitOverride().parseAsync(args, { from: "user" }));
    return { code: Number(process.exitCode ?? 0), stdout: stdout.join(""), stderr: stderr.join("") };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
    process.exitCode = exitCode;
  }
}
