/** One command's factory and its arguments, run in this process through the whole program (helpers.ts `cli`). */
import type { Command } from "commander";
import { cli, type CliResult } from "./helpers.js";

export function inProcess(command: () => Command, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return cli([command().name(), ...args], env);
}
