/** `parkscore demo` (= `npm start`): scores the demo dataset's latest period into out/demo/. */
import { Command } from "commander";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../engine/store/provenance.js";
import { scoreToFolder } from "./score.js";

export function demoCommand(): Command {
  return new Command("demo")
    .description("score the shipped demo dataset's latest period into out/demo/")
    .option("-o, --out <dir>", "output folder", "out/demo")
    .action(async (o: { out: string }) => {
      const demo = join(packageRoot(), "datasets", "demo");
      const source = join(demo, "source");
      const latest = readdirSync(source)
        .filter((f) => /^\d{4}\.(csv|xlsx)$/.test(f))
        .sort()
        .at(-1)!;
      const period = latest.slice(0, 4);
      process.stdout.write(`parkscore demo: period ${period} of the demo dataset (${join("datasets", "demo", "source", latest)})\n\n`);
      await scoreToFolder({ scheme: join(demo, "scheme.yaml"), input: join(source, latest), out: o.out, period, lang: "zh", top: 10 });
    });
}
