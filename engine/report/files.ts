/**
 * The report's files: index.html, enterprises/<card file>.html for every enterprise listed, league.xlsx —
 * written as one folder (replaceFolder). Everything in them is a function of the model, so the same
 * data and scheme give the same bytes (the only dates are the data revision's import date and the run).
 */
import { ParkscoreError } from "../errors.js";
import type { OutputFile } from "../store/atomic.js";
import { cardHtml } from "./html/card-page.js";
import { indexHtml } from "./html/index-page.js";
import { leagueXlsx } from "./league-xlsx.js";
import { cardFile, type ReportModel } from "./model.js";

export async function reportFiles(m: ReportModel): Promise<OutputFile[]> {
  const files: OutputFile[] = [{ name: "index.html", data: indexHtml(m) }];
  const taken = new Set<string>();
  for (let i = 0; i < m.result.n; i++) {
    const name = cardFile(m.result.ids[i]);
    // 64 bits of hash make a clash practically impossible; were one to happen, a card must not overwrite another
    if (taken.has(name.toLowerCase())) throw new ParkscoreError({ code: "report.card-name", message: `two enterprise ids give the same card file name ${name}`, fix: "report this to the parkscore maintainers with the two ids" });
    taken.add(name.toLowerCase());
    files.push({ name: `enterprises/${name}`, data: cardHtml(m, i) });
  }
  files.push({ name: "league.xlsx", data: await leagueXlsx(m) });
  return files;
}
