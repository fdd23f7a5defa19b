import { afterAll, beforeAll, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test("Chromium starts and runs a page's script", async () => {
  const page = await browser.newPage();
  await page.setContent("<p id=p></p><script>document.getElementById('p').textContent = String(6 * 7)</script>");
  expect(await page.textContent("#p")).toBe("42");
  await page.close();
});
