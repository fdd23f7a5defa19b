/** Runs the parkscore CLI from the sources, as a user would run the installed program. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
