/** The `parkscore` program and its commands (one file per command under cli/commands/), ready to parse. */
import { Command, Help } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CATALOGUE } from "./catalogue.js";

/**
 * Each command's module by the command's name. Only the command run is loaded: each brings the
 * engine and its own libraries, which --version and --help do not need, and `notebook run`, whose
 * notebook loads them again in its worker thread, would otherwise pay twice.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  init: async () => (await import("./commands/init.js")).initCommand(),
  import: async () => (await import("./commands/import.js")).importCommand(),
  intake: async () => (await import("./commands/intake.js")).intakeCommand(),
  history: async () => (await import("./commands/history.js")).historyCommand(),
  score: async () => (await import("./commands/score.js")).scoreCommand(),
  dynamic: async () => (await import("./commands/dynamic.js")).dynamicCommand(),
  warnings: async () => (await import("./commands/warnings.js")).warningsCommand(),
  validate: async () => (await import("./commands/validate.js")).validateCommand(),
  compare: async () => (await import("./commands/compare.js")).compareCommand(),
  "time-weights": async () => (await import("./commands/time-weights.js")).timeWeightsCommand(),
  admit: async () => (await import("./commands/admit.js")).admitCommand(),
  commitments: async () => (await import("./commands/commitments.js")).commitmentsCommand(),
  notebook: async () => (await import("./commands/notebook.js")).notebookCommand(),
  report: async () => (await import("./commands/report.js")).reportCommand(),
  sensitivity: async () => (await import("./commands/sensitivity.js")).sensitivityCommand(),
  demo: async () => (await import("./commands/demo.js")).demoCommand(),
};

/**
 * The version in parkscore's package.json, the first found upwards from this file (from the
 * sources, dist/ or an installed package alike). Read here, not through the engine, so that
 * --version loads nothing.
 */
function version(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    const found = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string }) : undefined;
    if (found?.name === "parkscore" && found.version) return found.version;
  }
  throw new Error("cannot find parkscore's package.json above cli/program");
}

/**
 * The program, for a command line whose first arguments are `first` and `second`. The command
 * named is loaded whole, as is X in `parkscore help X`; anything else (--help, --version, no
 * command, an unknown one) lists the commands from the catalogue without loading any.
 */
export async function program(first?: string, second?: string): Promise<Command> {
  const program = new Command("parkscore")
    .description("Scores, ranks and grades the enterprises of industrial parks, period after period.")
    .version(version())
    .showHelpAfterError()
    .configureOutput({ outputError: (s, write) => write(s) });
  const name = first === "help" && second !== undefined && second in COMMANDS ? second : first;
  if (name !== undefined && Object.hasOwn(COMMANDS, name)) {
    program.addCommand(await COMMANDS[name]());
    return program;
  }
  for (const e of CATALOGUE) program.addCommand(new Command(e.name).description(e.description));
  const terms = new Map(CATALOGUE.map((e) => [e.name, e.term]));
  return program.configureHelp({ subcommandTerm: (c) => terms.get(c.name()) ?? new Help().subcommandTerm(c) });
}
