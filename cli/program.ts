/** The `parkscore` program and its commands (one file per command under cli/commands/), ready to parse. */
import { Command } from "commander";
import { versions } from "../engine/index.js";

/**
 * Each command's module by the command's name, in the order help lists them. Only the command run
 * is loaded (none for --version, all of them for help or an unknown name): each brings its own libraries, and
 * `notebook run`, whose notebook loads them again in its worker thread, would otherwise pay twice.
 */
const COMMANDS: [string, () => Promise<Command>][] = [
  ["init", async () => (await import("./commands/init.js")).initCommand()],
  ["import", async () => (await import("./commands/import.js")).importCommand()],
  ["intake", async () => (await import("./commands/intake.js")).intakeCommand()],
  ["history", async () => (await import("./commands/history.js")).historyCommand()],
  ["score", async () => (await import("./commands/score.js")).scoreCommand()],
  ["dynamic", async () => (await import("./commands/dynamic.js")).dynamicCommand()],
  ["warnings", async () => (await import("./commands/warnings.js")).warningsCommand()],
  ["validate", async () => (await import("./commands/validate.js")).validateCommand()],
  ["compare", async () => (await import("./commands/compare.js")).compareCommand()],
  ["time-weights", async () => (await import("./commands/time-weights.js")).timeWeightsCommand()],
  ["admit", async () => (await import("./commands/admit.js")).admitCommand()],
  ["commitments", async () => (await import("./commands/commitments.js")).commitmentsCommand()],
  ["notebook", async () => (await import("./commands/notebook.js")).notebookCommand()],
  ["report", async () => (await import("./commands/report.js")).reportCommand()],
  ["sensitivity", async () => (await import("./commands/sensitivity.js")).sensitivityCommand()],
  ["demo", async () => (await import("./commands/demo.js")).demoCommand()],
];

/** The program with the command named `name` (every command when it names none of them but is not --version). */
export async function program(name?: string): Promise<Command> {
  const program = new Command("parkscore")
    .description("Scores, ranks and grades the enterprises of industrial parks, period after period.")
    .version(versions().parkscore)
    .showHelpAfterError()
    .configureOutput({ outputError: (s, write) => write(s) });
  if (name === "-V" || name === "--version") return program;
  const named = COMMANDS.find(([n]) => n === name);
  for (const [, make] of named ? [named] : COMMANDS) program.addCommand(await make());
  return program;
}
