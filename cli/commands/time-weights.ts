/** `parkscore time-weights --periods 5 --lambda 0.2`: the time weights alone, earliest first. */
import { about } from "../catalogue.js";
import { Command } from "commander";
import { ParkscoreError, DynamicError, solveTimeWeights } from "../../engine/index.js";
import { decimal, wholeNumber } from "../flags.js";
import { textTable } from "../format.js";

export function timeWeightsCommand(): Command {
  return new Command("time-weights")
    .description(about("time-weights"))
    .requiredOption("--periods <p>", "number of periods", wholeNumber("--periods", { min: 1 }))
    .option("--lambda <λ>", "time degree: 0.5 equal, below 0.5 favours recent periods (0.1 strongly, 0.3 moderately)", decimal("--lambda", { min: 0, max: 1 }), 0.3)
    .action((o: { periods: number; lambda: number }) => {
      let t;
      try {
        t = solveTimeWeights(o.periods, o.lambda);
      } catch (e) {
        if (e instanceof DynamicError) throw new ParkscoreError({ code: "cli.time-weights", message: e.message });
        throw e;
      }
      const rows = Array.from(t.weights, (w, k) => [String(k + 1), w.toFixed(4), w.toPrecision(17)]);
      process.stdout.write(`p = ${o.periods}, λ = ${o.lambda} (1 = earliest)\n\n${textTable(["period", "weight", "exact"], rows, new Set([0, 1, 2]))}\n`);
    });
}
