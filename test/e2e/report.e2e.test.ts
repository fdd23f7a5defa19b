/**
 * The report in a real browser (Debian's Chromium): the league table sorts and filters, a card
 * opens from the table, nothing is fetched from anywhere, hostile names do not execute, and the
 * spreadsheet reopens with the same ranking. Screenshots for review: test/e2e/output/report-*.png.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { reportFiles } from "../../engine/report/files.js";
import { cardFile } from "../../engine/report/model.js";
import { loadReport } from "../../engine/report/load.js";
import { writeFilesAtomically } from "../../engine/store/atomic.js";
import { ROOT, tempDir } from "../cli/helpers.js";
import { HOSTILE_NAMES, hostileDataset } from "../engine/report/hostile.js";
import { screenshotPath, useBrowser } from "./browser.js";

const browser = useBrowser();

async function writeReport(dataset: string, lang: "zh" | "en" = "zh") {
  const out = join(tempDir(), "report");
  const model = await loadReport(dataset, "2025", { lang });
  writeFilesAtomically(out, await reportFiles(model));
  return { out, model };
}

/** A page that records every request that is not a local file, and every dialog (alert) opened. */
async function guardedPage(): Promise<{ page: Page; external: string[]; dialogs: string[]; errors: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1366, height: 900 } });
  const external: string[] = [], dialogs: string[] = [], errors: string[] = [];
  page.on("request", (r) => {
    if (!/^(file|data|about):/.test(r.url())) external.push(r.url());
  });
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return { page, external, dialogs, errors };
}

const visibleRows = (page: Page) =>
  page.$$eval("#league tbody tr", (rows) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => ({ park: r.getAttribute("data-park"), grade: r.getAttribute("data-grade"), cells: Array.from(r.querySelectorAll("td"), (td) => td.getAttribute("data-v") ?? td.textContent ?? "") })));

describe("the demo report in Chromium", () => {
  it("sorts and filters the league table, opens a card from it, and reopens the spreadsheet with the same ranking", async () => {
    const { out, model } = await writeReport(join(ROOT, "datasets", "demo"));
    const { page, external, errors } = await guardedPage();
    await page.goto(pathToFileURL(join(out, "index.html")).href);
    expect(await page.isVisible("#filters")).toBe(true); // the script ran

    // Initial order: rank 1, 2, 3… (as written, without JavaScript)
    const first = await visibleRows(page);
    expect(first).toHaveLength(model.graded);
    const ranks = first.map((r) => Number(r.cells[0]));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    // Sort by score (column 6: rank, move, name, park, industry, score): ascending, then descending
    const scoreCol = 5;
    const scores = async () => (await visibleRows(page)).map((r) => Number(r.cells[scoreCol].replace(/,/g, "")));
    await page.click("#league thead th:nth-child(6) button");
    const asc = await scores();
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    await page.click("#league thead th:nth-child(6) button");
    const desc = await scores();
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    expect(await page.getAttribute("#league thead th:nth-child(6)", "aria-sort")).toBe("descending");

    // Sort by name (text), then filter by park and grade
    await page.click("#league thead th:nth-child(3) button");
    const names = (await visibleRows(page)).map((r) => r.cells[2]);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "zh-CN")));
    const park = model.parks[1];
    await page.selectOption('select[name="park"]', park);
    let rows = await visibleRows(page);
    expect(rows.length).toBe(model.order.filter((i) => model.result.status[i] === "graded" && model.park[i] === park).length);
    expect(rows.every((r) => r.park === park)).toBe(true);
    await page.selectOption('select[name="grade"]', "A");
    rows = await visibleRows(page);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.park === park && r.grade === "A")).toBe(true);
    expect(await page.textContent("#shown")).toBe(String(rows.length));
    await page.selectOption('select[name="park"]', "");
    await page.selectOption('select[name="grade"]', "");
    await page.click("#league thead th:nth-child(1) button"); // back to rank order for the screenshot
    await page.screenshot({ path: screenshotPath("report-index"), fullPage: false });

    // A card opens from the table
    const top = model.order[0];
    await Promise.all([page.waitForURL(/enterprises\//), page.click(`#league tbody tr:first-child a`)]);
    expect(page.url()).toContain(`enterprises/${cardFile(model.result.ids[top])}`);
    expect(await page.textContent("h1")).toBe(model.result.names[top]);
    // a card that has something to reach, for the screenshot
    const improving = model.order.find((i) => model.next[i] && model.result.grade[i] === "C")!;
    await page.goto(pathToFileURL(join(out, "enterprises", cardFile(model.result.ids[improving]))).href);
    await page.screenshot({ path: screenshotPath("report-card"), fullPage: true });
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();

    // The spreadsheet: same ranking as the table
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, "league.xlsx")) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const sheet: { rank: number; id: string }[] = [];
    ws.eachRow((r, n) => {
      if (n > 1) sheet.push({ rank: r.getCell(1).value as number, id: String(r.getCell(3).value) });
    });
    const table = readFileSync(join(out, "index.html"), "utf8").split('<table id="league">')[1].split("</table>")[0];
    const htmlIds = [...table.matchAll(/<div class="id">([^<]+)<\/div>/g)].map((m) => m[1]);
    expect(sheet.map((r) => r.id)).toEqual(htmlIds);
    expect(sheet.map((r) => r.rank)).toEqual(model.order.filter((i) => model.result.status[i] === "graded").map((i) => model.result.rank[i]));
  });

  it("prints to A4 (the print styles hide the filters)", async () => {
    const { out } = await writeReport(join(ROOT, "datasets", "demo"), "en");
    const page = await browser().newPage({ viewport: { width: 1050, height: 740 } }); // A4 landscape less the 12 mm margins, at 96 dpi
    await page.goto(pathToFileURL(join(out, "index.html")).href);
    await page.emulateMedia({ media: "print" });
    expect(await page.isVisible("#filters")).toBe(false);
    await page.screenshot({ path: screenshotPath("report-print"), fullPage: false });
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.close();
  });
});

describe("hostile names in Chromium", () => {
  it("execute nothing and inject no element, on the table and on every card", async () => {
    const { out, model } = await writeReport(await hostileDataset());
    const { page, dialogs, external } = await guardedPage();
    const check = async (url: string) => {
      await page.goto(url);
      const counts = await page.evaluate(() => ({
        scripts: document.querySelectorAll("script").length,
        injected: document.querySelectorAll("img, iframe, svg[onload], a[href^='javascript:'], [onerror], [onload], [onmouseover]").length,
      }));
      expect(counts.scripts).toBeLessThanOrEqual(1);
      expect(counts.injected).toBe(0);
    };
    await check(pathToFileURL(join(out, "index.html")).href);
    const text = await page.textContent("main");
    for (const name of HOSTILE_NAMES.slice(0, 4)) expect(text).toContain(name); // shown as text, literally
    // use the filters with the hostile park value too
    await page.selectOption('select[name="park"]', { index: 1 });
    for (let i = 0; i < model.result.n; i++) if (HOSTILE_NAMES.includes(model.result.names[i]) || i % 20 === 0) await check(pathToFileURL(join(out, "enterprises", cardFile(model.result.ids[i]))).href);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});
