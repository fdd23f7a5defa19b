import { expect, test } from "vitest";
import { useBrowser } from "./browser.js";

const browser = useBrowser();

test("Chromium starts and runs a page's script", async () => {
  const page = await browser().newPage();
  await page.setContent("<p id=p></p><script>document.getElementById('p').textContent = String(6 * 7)</script>");
  expect(await page.textContent("#p")).toBe("42");
  await page.close();
});
