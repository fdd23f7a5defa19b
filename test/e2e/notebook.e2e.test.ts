import { afterAll, describe, expect, test } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { runNotebook } from "../../notebooks/runtime/run.js";
import { startServer, type NotebookServer } from "../../notebooks/runtime/serve.js";
import { screenshotPath, useBrowser } from "./browser.js";

const ROOT = join(import.meta.dirname, "..", "..");
const FIXTURE = join(ROOT, "test", "notebooks", "fixtures", "basic.md");
const DEMO = join(ROOT, "datasets", "demo");

const browser = useBrowser();

/** A page that records every request that is not for the page itself (a self-contained page makes none). */
async function openPage(): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  return { page, requests, errors };
}

describe("a rendered notebook in Chromium", () => {
  test("Plot and Vega charts are drawn, the Vega view has the data, a tooltip shows on hover, nothing is fetched", async () => {
    // The demo's first five enterprises of 2024: the fifth is not graded and has no score.
    const run = await runNotebook(FIXTURE, { data: DEMO, params: { top: 5 }, timings: false });
    const file = join(mkdtempSync(join(tmpdir(), "parkscore-e2e-")), "basic.html");
    writeFileSync(file, run.html);
    const url = pathToFileURL(file).href;
    const { page, requests, errors } = await openPage();
    await page.goto(url);
    await page.waitForSelector(".ps-vl.ps-vl-ready .ps-vl-live svg");

    // Plot: the bar chart's SVG, one rect per row; the enterprise with no score (NaN) has an empty one.
    const heights = await page.locator("#cell-3 .ps-plot-out svg.ps-plot g[aria-label=bar] rect").evaluateAll((rs) => rs.map((r) => Number(r.getAttribute("height"))));
    expect(heights).toHaveLength(5);
    expect(heights.filter((h) => h > 0)).toHaveLength(4);
    // Vega: the live view holds the five rows and draws their bars.
    const values = await page.evaluate(() => {
      const view = (window as unknown as { psVegaViews: { data(name: string): { id: string }[] }[] }).psVegaViews[0];
      return view.data("source_0").map((d) => d.id);
    });
    const ids = [...run.html.matchAll(/<td data-v="(\w+)">/g)].map((m) => m[1]);
    expect(values).toEqual(ids);
    expect(values).toHaveLength(5);
    const liveBars = page.locator(".ps-vl-live svg .mark-rect path");
    expect(await liveBars.count()).toBe(4);

    // Hovering a bar shows vega-tooltip's box with the row's fields.
    await liveBars.first().hover();
    const tooltip = page.locator("#vg-tooltip-element.visible");
    await tooltip.waitFor({ state: "visible", timeout: 5000 });
    expect(await tooltip.textContent()).toMatch(/id.*score/s);
    await page.screenshot({ path: screenshotPath("notebook-tooltip") });

    // Chinese tick labels, in Noto Sans CJK SC, fit inside the margin cjkMargin() gave: none starts left of the SVG.
    const cjk = page.locator("#cell-5 .ps-plot-out svg.ps-plot");
    const overflow = await cjk.evaluate((svg) => {
      const left = svg.getBoundingClientRect().left;
      const labels = [...svg.querySelectorAll("g[aria-label='y-axis tick label'] text")];
      return { n: labels.length, font: getComputedStyle(labels[0]).fontFamily, minX: Math.min(...labels.map((t) => t.getBoundingClientRect().left - left)) };
    });
    expect(overflow.n).toBe(3);
    expect(overflow.font).toContain("Noto Sans CJK SC");
    expect(overflow.minX).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: screenshotPath("notebook-page"), fullPage: true });

    // Sorting the table by score puts the highest shown score last, then first.
    const scores = () => page.locator(".ps-table tbody tr td:nth-child(2)").allTextContents();
    await page.locator(".ps-table th", { hasText: "score" }).click();
    const asc = await scores();
    await page.locator(".ps-table th", { hasText: "score" }).click();
    const desc = await scores();
    expect(asc.filter((s) => s !== "NaN").map(Number)).toEqual([...asc.filter((s) => s !== "NaN").map(Number)].sort((a, b) => a - b));
    expect(desc.filter((s) => s !== "NaN").map(Number)).toEqual([...desc.filter((s) => s !== "NaN").map(Number)].sort((a, b) => b - a));

    // Printed, the static SVG replaces the live chart.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".ps-vl-static svg").isVisible()).toBe(true);
    expect(await page.locator(".ps-vl-live svg").isVisible()).toBe(false);
    await page.screenshot({ path: screenshotPath("notebook-print"), fullPage: true });

    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });
});

describe("notebook serve in Chromium", () => {
  let server: NotebookServer | undefined;
  afterAll(async () => {
    await server?.close();
  });

  test("the page re-runs and reloads when the notebook file is edited", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parkscore-e2e-serve-"));
    const file = join(dir, "basic.md");
    cpSync(FIXTURE, file);
    server = await startServer({ dir, data: DEMO, port: 0, debounceMs: 100 });
    const { page, errors } = await openPage();
    await page.goto(server.url);
    await page.click("text=Fixture notebook");
    await page.waitForSelector("h1:text('Fixture notebook')");
    await page.waitForSelector(".ps-vl.ps-vl-ready");
    await page.screenshot({ path: screenshotPath("notebook-live-before"), fullPage: true });

    const reloaded = page.waitForEvent("load", { timeout: 30_000 });
    writeFileSync(file, readFileSync(file, "utf8").replace("title: Fixture notebook", "title: 已编辑 notebook").replace("Some **prose**", "Edited **prose**"));
    await reloaded;
    await page.waitForSelector("h1:text('已编辑 notebook')", { timeout: 30_000 });
    expect(await page.locator(".ps-prose p").first().textContent()).toContain("Edited prose");
    expect(page.url()).toBe(`${server.url}nb/basic.md`);
    await page.screenshot({ path: screenshotPath("notebook-live-after"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("notebook serve in Chromium refuses other sites", () => {
  let server: NotebookServer | undefined;
  let attacker: Server | undefined;
  afterAll(async () => {
    await server?.close();
    await new Promise((ok) => (attacker ? attacker.close(ok) : ok(undefined)));
  });

  test("a rebound host name gets a refusal; another site's page can neither read nor run a notebook", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parkscore-e2e-guard-"));
    cpSync(FIXTURE, join(dir, "basic.md"));
    const runs: string[] = [];
    server = await startServer({ dir, data: DEMO, port: 0, onRun: (name) => runs.push(name) });
    const target = `http://127.0.0.1:${server.port}`;
    const { page, errors } = await openPage();
    // The status of every request to the server, as Chromium received it (an answer a page may not read included).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    const sent = new Map<string, string>();
    const received = new Map<string, number>();
    cdp.on("Network.requestWillBeSent", (e) => sent.set(e.requestId, `${e.request.method} ${e.request.url}`));
    cdp.on("Network.responseReceivedExtraInfo", (e) => received.set(e.requestId, e.statusCode));
    const answers = () =>
      [...sent]
        .filter(([, what]) => what.includes(`:${server!.port}/`) && !what.endsWith("/favicon.ico"))
        .map(([id, what]) => `${what.replace(/^(\w+) http:\/\/[^/]+/, "$1 ")} ${received.get(id)}`)
        .sort();

    // DNS rebinding: a name that resolves to 127.0.0.1 (Chromium sends every *.localhost there) reaches the port with its own Host.
    const rebound = await page.goto(`http://rebound.localhost:${server.port}/nb/basic.md`);
    expect(rebound?.status()).toBe(403);
    expect(await page.textContent("body")).toBe(`refused: this server answers only requests addressed to 127.0.0.1:${server.port} (the Host was "rebound.localhost:${server.port}"); open ${target}/\n`);

    // Another site's page: a read, a form-like POST (no preflight, so it can carry no token header), an image.
    const attack = `<!doctype html><body><img src="${target}/nb/basic.md"><script>
      window.done = (async () => {
        const out = [];
        try { out.push((await fetch("${target}/nb/basic.md")).status); } catch (e) { out.push("read blocked"); }
        try { await fetch("${target}/nb/basic.md", { method: "POST", mode: "no-cors", body: "x" }); out.push("post sent"); } catch (e) { out.push("post blocked"); }
        return out;
      })();
    </script></body>`;
    attacker = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(attack));
    await new Promise<void>((ok) => attacker!.listen(0, "127.0.0.1", ok));
    await page.goto(`http://attacker.localhost:${(attacker.address() as AddressInfo).port}/`);
    expect(await page.evaluate(() => (window as unknown as { done: Promise<unknown[]> }).done)).toEqual(["read blocked", "post sent"]);
    await expect.poll(answers).toEqual(["GET /nb/basic.md 403", "GET /nb/basic.md 403", "GET /nb/basic.md 403", "POST /nb/basic.md 403"]);
    expect(runs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
