/** The `parkscore` program and its commands (one file per command under cli/commands/), ready to parse. */
import { Command } from "commander";
import { versions } from "../engine/store/provenance.js";
import { admitCommand } from "./commands/admit.js";
import { commitmentsCommand } from "./commands/commitments.js";
import { compareCommand } from "./commands/compare.js";
import { demoCommand } from "./commands/demo.js";
import { dynamicCommand } from "./commands/dynamic.js";
import { historyCommand } from "./commands/history.js";
import { importCommand } from "./commands/import.js";
import { notebookCommand } from "./commands/notebook.js";
import { initCommand } from "./commands/init.js";
import { timeWeightsCommand } from "./commands/time-weights.js";
import { reportCommand } from "./commands/report.js";
import { sensitivityCommand } from "./commands/sensitivity.js";
import { scoreCommand } from "./commands/score.js";
import { validateCommand } from "./commands/validate.js";
import { warningsCommand } from "./commands/warnings.js";

export function program(): Command {
  const program = new Command("parkscore")
    .description("Scores, ranks and grades the enterprises of industrial parks, period after period.")
    .version(versions().parkscore)
    .showHelpAfterError()
    .configureOutput({ outputError: (s, write) => write(s) });
  for (const make of [initCommand, importCommand, historyCommand, scoreCommand, dynamicCommand, warningsCommand, validateCommand, compareCommand, timeWeightsCommand, admitCommand, commitmentsCommand, notebookCommand, reportCommand, sensitivityCommand, demoCommand]) program.addCommand(make());
  return program;
}
