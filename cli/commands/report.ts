/** `parkscore report DIR --period 2025 --out out/report [--lang zh|en] [--pdf]` */
import { about } from "../catalogue.js";
import { Command } from "commander";
import { ParkscoreError, reportToFolder, type Lang } from "../../engine/index.js";
import { listing } from "../format.js";

interface ReportCliOptions {
  period: string;
  out: string;
  lang: string;
  pdf?: boolean;
}

export function reportCommand(): Command {
  return new Command("report")
    .description(about("report"))
    .argument("<dir>", "the dataset folder")
    .requiredOption("-p, --period <period>", "the period to report")
    .requiredOption("-o, --out <dir>", "the folder to write the report to")
    .option("--lang <lang>", "zh or en", "zh")
    .option("--pdf", "also print index.pdf and cards.pdf with headless Chromium")
    .action(async (dir: string, o: ReportCliOptions) => {
      if (o.lang !== "zh" && o.lang !== "en") throw new ParkscoreError({ code: "cli.lang", message: `--lang ${o.lang} is not a report language`, fix: "use --lang zh or --lang en" });
      const lang: Lang = o.lang;
      const { model, out, pdf } = await reportToFolder(dir, o.period, { out: o.out, lang, pdf: o.pdf });
      const written = `index.html, ${model.result.n} card(s) in enterprises/, league.xlsx${pdf ? ", index.pdf, cards.pdf" : ""}`;
      process.stdout.write(`report of ${o.period} (${model.graded} graded of ${model.result.n}) written to ${out}: ${written}\n`);
      if (model.notes.length) process.stdout.write(`${listing("note(s)", model.notes)}\n`);
    });
}
