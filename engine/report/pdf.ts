/**
 * Printing the report to PDF with headless Chromium (playwright-core driving an installed
 * Chromium; nothing is downloaded): index.pdf (A4 landscape) from index.html, and cards.pdf with
 * every card, one per page. The print styles are the pages' own @media print rules.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { html, joinHtml } from "../charts/html.js";
import { ParkscoreError } from "../errors.js";
import { cardBody } from "./html/card-page.js";
import { page as pageShell } from "./html/layout.js";
import type { ReportModel } from "./model.js";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

const INSTALL = "install Chromium and CJK fonts (Debian/Ubuntu: `apt-get install chromium fonts-noto-cjk`), or set PARKSCORE_CHROMIUM to a Chromium or Chrome executable";

/** The Chromium to use: PARKSCORE_CHROMIUM or /usr/bin/chromium; a clear error when there is none. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.PARKSCORE_CHROMIUM || DEFAULT_CHROMIUM;
  if (!existsSync(path)) throw new ParkscoreError({ code: "report.no-chromium", file: path, message: "--pdf needs headless Chromium, and there is none here", fix: INSTALL });
  return path;
}

/** index.pdf and cards.pdf of a report already written to `outDir`; returns the files as bytes. */
export async function printPdf(m: ReportModel, outDir: string, executablePath = chromiumPath()): Promise<{ name: string; data: Uint8Array }[]> {
  let chromium: typeof import("playwright-core").chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch {
    throw new ParkscoreError({ code: "report.no-playwright", message: "--pdf needs the playwright-core package, which is not installed", fix: "npm install playwright-core (it drives the installed Chromium; no browser is downloaded)" });
  }
  try {
    return await print(chromium, m, outDir, executablePath);
  } catch (e) {
    if (e instanceof ParkscoreError) throw e;
    const why = String((e as Error)?.message ?? e).split("\n")[0].replace(/^[\w.]+: /, "");
    throw new ParkscoreError({ code: "report.pdf-failed", file: executablePath, message: `Chromium failed to print the report (${why})`, fix: INSTALL });
  }
}

async function print(chromium: typeof import("playwright-core").chromium, m: ReportModel, outDir: string, executablePath: string): Promise<{ name: string; data: Uint8Array }[]> {
  const browser = await chromium.launch({ executablePath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(outDir, "index.html")).href, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    const index = await page.pdf({ format: "A4", landscape: true, printBackground: true });
    const bodies = joinHtml(Array.from({ length: m.result.n }, (_, i) => html`<div style="break-after:page">${cardBody(m, i)}</div>`), "\n");
    await page.setContent(pageShell(m.lang, `${m.scheme.title[m.lang]} — ${m.period}`, m.grades.length, bodies), { waitUntil: "load" });
    const cards = await page.pdf({ format: "A4", printBackground: true });
    return [
      { name: "index.pdf", data: index },
      { name: "cards.pdf", data: cards },
    ];
  } finally {
    await browser.close();
  }
}
