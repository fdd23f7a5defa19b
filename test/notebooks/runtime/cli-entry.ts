/** `parkscore notebook …` alone, as cli/main.ts runs it, for the tests before the command is registered there. */
import { Command } from "commander";
import { notebookCommand } from "../../../cli/commands/notebook.js";
import { run } from "../../../cli/run.js";

const program = new Command("parkscore").showHelpAfterError().configureOutput({ outputError: (s, write) => write(s) });
program.addCommand(notebookCommand());
await run(() => program.parseAsync(process.argv));
