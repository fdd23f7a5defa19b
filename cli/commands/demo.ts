/** `parkscore demo` (= `npm start`): scores the demo dataset's latest period into out/demo/. */
import { about } from "../catalogue.js";
import { Command } from "commander";
import { relative } from "node:path";
import { demoPeriod, packageRoot } from "../../engine/index.js";
import { scoreCommandOutput } from "./score.js";

export function demoCommand(): Command {
  return new Command("demo")
    .description(about("demo"))
    .option("-o, --out <dir>", "output folder", "out/demo")
    .action(async (o: { out: string }) => {
      const { scheme, input, period } = demoPeriod();
      process.stdout.write(`parkscore demo: period ${period} of the demo dataset (${relative(packageRoot(), input)})\n\n`);
      await scoreCommandOutput({ scheme, input, out: o.out, period, lang: "zh", top: 10 });
    });
}
