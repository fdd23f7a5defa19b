/** `parkscore report DIR --period 2025 --out out/report [--lang zh|en] [--pdf]` */
import { Command } from "commander";
import { resolve } from "node:path";
import { ParkscoreError } from "../../engine/errors.js";
import { reportFiles } from "../../engine/report/files.js";
import { loadReport } from "../../engine/report/load.js";
import { chromiumPath, printPdf } from "../../engine/report/pdf.js";
import type { Lang } from "../../engine/scheme/types.js";
import { replaceFolder } from "../../engine/store/atomic.js";
import { listing } from "../format.js";

interface ReportCliOptions {
  period: string;
  out: string;
  lang: string;
  pdf?: boolean;
}

export function reportCommand(): Command {
  return new Command("report")
    .description("a self-contained static report of one period: index.html (league table), enterprises/<id>.html (one card each), league.xlsx; --pdf prints them with headless Chromium")
    .argument("<dir>", "the dataset folder")
    .requiredOption("-p, --period <period>", "the period to report")
    .requiredOption("-o, --out <dir>", "the folder to write the report to")
    .option("--lang <lang>", "zh or en", "zh")
    .option("--pdf", "also print index.pdf and cards.pdf with headless Chromium")
    .action(async (dir: string, o: ReportCliOptions) => {
      if (o.lang !== "zh" && o.lang !== "en") throw new ParkscoreError({ code: "cli.lang", message: `--lang ${o.lang} is not a report language`, fix: "use --lang zh or --lang en" });
      const lang: Lang = o.lang;
      // Checked first, so a missing browser is said before any work is done.
      const chromium = o.pdf ? chromiumPath() : undefined;
      const model = await loadReport(dir, o.period, { lang });
      const out = resolve(o.out);
      const files = await reportFiles(model);
      // The PDFs are printed from the pages in the folder being built: a failing Chromium leaves the old report whole.
      await replaceFolder(out, async (s) => {
        s.write(files);
        if (chromium) s.write(await printPdf(model, s.dir, chromium));
      });
      const written = `index.html, ${model.result.n} card(s) in enterprises/, league.xlsx${chromium ? ", index.pdf, cards.pdf" : ""}`;
      process.stdout.write(`report of ${o.period} (${model.graded} graded of ${model.result.n}) written to ${out}: ${written}\n`);
      if (model.notes.length) process.stdout.write(`${listing("note(s)", model.notes)}\n`);
    });
}
