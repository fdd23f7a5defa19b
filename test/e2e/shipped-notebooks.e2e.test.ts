/**
 * The four shipped notebooks, rendered on the demo dataset and opened in Chromium: every chart is
 * drawn, the interactive Vega-Lite chart has its data and answers a hover with a tooltip, the page
 * fetches nothing and raises no error, and no Chinese tick label is cut at the edge of its SVG.
 * Screenshots of each page go to test/e2e/output/notebook-<name>.png for review.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import { runNotebook } from "../../notebooks/runtime/run.js";
import { screenshotPath, useBrowser } from "./browser.js";

const ROOT = join(import.meta.dirname, "..", "..");
const DEMO = join(ROOT, "datasets", "demo");

const browser = useBrowser();

/** Per notebook: how many Plot figures it draws and a CSS selector for the marks of its Vega-Lite chart. */
const SHIPPED: Record<string, { plots: number; vegaMark: string }> = {
  trends: { plots: 5, vegaMark: ".mark-rect path" },
  indicators: { plots: 3, vegaMark: ".mark-symbol path" },
  enterprise: { plots: 3, vegaMark: ".mark-symbol path" },
  methods: { plots: 2, vegaMark: ".mark-symbol path" },
};

describe("the shipped notebooks in Chromium", () => {
  for (const [name, expected] of Object.entries(SHIPPED)) {
    test(`${name}.md: charts drawn, tooltip on hover, nothing fetched, labels inside their SVG`, async () => {
      const run = await runNotebook(join(ROOT, "notebooks", `${name}.md`), { data: DEMO, timings: false });
      expect(run.failed?.error).toBeUndefined();
      const file = join(mkdtempSync(join(tmpdir(), "parkscore-e2e-")), `${name}.html`);
      writeFileSync(file, run.html);
      const url = pathToFileURL(file).href;

      const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      const errors: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(url);
      await page.waitForSelector(".ps-vl.ps-vl-ready .ps-vl-live svg");

      // Plot figures: the SVGs with a data mark, as many as the notebook draws
      const plots = await page.locator(".ps-plot-out svg[class]:not([class*=swatch])").evaluateAll((svgs) => svgs.filter((s) => s.querySelector("g[aria-label]")).length);
      expect(plots).toBeGreaterThanOrEqual(expected.plots);

      // The Vega view holds rows, draws them and shows a tooltip on hover
      const rows = await page.evaluate(() => (window as unknown as { psVegaViews: { data(name: string): unknown[] }[] }).psVegaViews[0].data("source_0").length);
      expect(rows).toBeGreaterThan(0);
      const marks = page.locator(`.ps-vl-live svg ${expected.vegaMark}`);
      expect(await marks.count()).toBeGreaterThan(0);
      await marks.nth(Math.floor((await marks.count()) / 2)).hover({ force: true });
      await page.waitForSelector("#vg-tooltip-element.visible", { timeout: 5000 });
      expect((await page.locator("#vg-tooltip-element").textContent())?.length).toBeGreaterThan(0);

      // Every y-axis tick label of a Plot figure lies inside its SVG (CJK labels not clipped on the left)
      const clipped = await page.locator(".ps-plot-out svg").evaluateAll((svgs) =>
        svgs.flatMap((svg) => {
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll("g[aria-label='y-axis tick label'] text, g[aria-label='fy-axis tick label'] text")]
            .filter((t) => t.getBoundingClientRect().left < box.left - 0.5)
            .map((t) => t.textContent);
        }),
      );
      expect(clipped).toEqual([]);

      expect(errors).toEqual([]);
      expect(requests.filter((u) => u !== url)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`notebook-${name}`), fullPage: true });
      await page.close();
    });
  }
});
