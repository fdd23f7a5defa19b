/**
 * The report's files: index.html, enterprises/<id>.html for every enterprise listed, league.xlsx —
 * written as one folder (replaceFolder). Everything in them is a function of the model, so the same
 * data and scheme give the same bytes (the only dates are the data revision's import date and the run).
 */
import type { OutputFile } from "../store/atomic.js";
import { cardHtml } from "./html/card-page.js";
import { indexHtml } from "./html/index-page.js";
import { leagueXlsx } from "./league-xlsx.js";
import { cardFile, type ReportModel } from "./model.js";

export async function reportFiles(m: ReportModel): Promise<OutputFile[]> {
  const files: OutputFile[] = [{ name: "index.html", data: indexHtml(m) }];
  for (let i = 0; i < m.result.n; i++) files.push({ name: `enterprises/${cardFile(m.result.ids[i])}`, data: cardHtml(m, i) });
  files.push({ name: "league.xlsx", data: await leagueXlsx(m) });
  return files;
}
