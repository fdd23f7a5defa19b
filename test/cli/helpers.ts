/** Runs the parkscore CLI from the sources, as a user would run the installed program, or one command in-process. */
import { Command } from "commander";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { vi } from "vitest";
import { run } from "../../cli/run.js";

export const ROOT = join(import.meta.dirname, "..", "..");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function parkscore(args: string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "cli", "main.ts"), ...args], { cwd, encoding: "utf8", env: { ...process.env, PARKSCORE_DEBUG: "" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "parkscore-test-"));
}

/**
 * Runs one command in this process, as `parkscore` would (errors printed by cli/run.ts, exit code
 * as process.exitCode): for tests of what a command prints, where the process boundary is not the
 * point and a process per case would cost a second of start-up.
 */
export async function inProcess(make: () => Command, args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const text = (s: string | Uint8Array) => (typeof s === "string" ? s : Buffer.from(s).toString("utf8"));
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => (out.push(text(s)), true));
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => (err.push(text(s)), true));
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await run(() => new Command("parkscore").addCommand(make()).parseAsync(args, { from: "user" }));
    return { code: Number(process.exitCode ?? 0), stdout: out.join(""), stderr: err.join("") };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = before;
  }
}
