/** `parkscore init DIR`: a new dataset with a commented scheme to edit. */
import { about } from "../catalogue.js";
import { Command } from "commander";
import { join, resolve } from "node:path";
import { initDataset } from "../../engine/index.js";

export function initCommand(): Command {
  return new Command("init")
    .description(about("init"))
    .argument("<dir>", "the dataset folder")
    .action((dir: string) => {
      initDataset(dir);
      process.stdout.write(`created the dataset ${resolve(dir)}/\n  edit ${join(dir, "scheme.yaml")}, then: parkscore import ${dir} --period 2025 FILE\n`);
    });
}
