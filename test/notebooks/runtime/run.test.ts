import { describe, expect, test } from "vitest";
import { join } from "node:path";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { datasetManifest } from "../../../notebooks/runtime/manifest.js";
import { runNotebook } from "../../../notebooks/runtime/run.js";
import { externalReferences } from "./self-contained.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const DEMO = join(ROOT, "datasets", "demo");

describe("runNotebook", () => {
  test("runs the fixture on the demo data: every kind of output, one self-contained page", async () => {
    const run = await runNotebook(join(FIXTURES, "basic.md"), { data: DEMO, timings: false });
    expect(run.ok).toBe(true);
    expect(run.results.map((r) => r.outputs.map((o) => o.kind))).toEqual([["value"], ["table", "value"], ["plot"], ["vega-lite"], ["plot"]]);
    const { html } = run;
    expect(externalReferences(html)).toEqual([]);
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain("<title>Fixture notebook</title>");
    // Table of contents, folded code, params, dataset manifest hash.
    expect(html).toContain('<nav class="ps-toc" aria-label="contents"><strong>Contents</strong><ol><li class="ps-toc-1"><a href="#setup">Setup</a></li><li class="ps-toc-2"><a href="#scores">Scores</a></li>');
    expect(html.match(/<details class="ps-code">/g)).toHaveLength(5);
    expect(html).toContain("<code>period = 2024</code>");
    expect(html).toContain(`<code class="ps-manifest-hash">${datasetManifest(DEMO).hash}</code>`);
    expect(html).toContain("all 5 cells ran");
    // vega, vega-lite and vega-embed are inlined once; no run times when timings are off.
    expect(html.split("/* vega/build/vega.min.js */")).toHaveLength(2);
    expect(html).not.toContain("ps-time");
    expect(html).not.toContain("run time");
  });

  test("the same notebook, data and params give the same bytes; with timings only the times differ", async () => {
    const file = join(FIXTURES, "basic.md");
    const a = await runNotebook(file, { data: DEMO, timings: false });
    const b = await runNotebook(file, { data: DEMO, timings: false });
    expect(b.html).toBe(a.html);
    const strip = (s: string) => s.replace(/<span class="ps-time">[^<]*<\/span>/g, "").replace(/<tr><th>run time<\/th><td>[^<]*<\/td><\/tr>/, "");
    const t = await runNotebook(file, { data: DEMO });
    expect(t.html).toContain('<span class="ps-time">');
    expect(strip(t.html)).toBe(a.html);
  });

  test("a zoomable Vega chart (clip path) renders to the same bytes twice in one process", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parkscore-nb-"));
    const file = join(dir, "zoom.md");
    writeFileSync(file, "# Zoom\n\n```ts\n({ data: { values: [{ x: 1, y: 2 }, { x: 2, y: 3 }] }, mark: 'point', params: [{ name: 'z', select: 'interval', bind: 'scales' }], encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } })\n```\n");
    const a = await runNotebook(file, { timings: false });
    const b = await runNotebook(file, { timings: false });
    expect(a.html).toMatch(/clip-path="url\(#clip1\)"/);
    expect(b.html).toBe(a.html);
  });

  test("params set for a run change the results and are shown as set", async () => {
    const file = join(FIXTURES, "basic.md");
    const run = await runNotebook(file, { data: DEMO, params: { period: "2019", top: "2" }, timings: false });
    expect(run.params).toMatchObject({ period: 2019, top: 2 });
    expect(run.html).toContain("<code>period = 2019</code> (set for this run)");
    expect(run.html).toContain("arquero table · 2 rows");
  });

  test("a failing cell: its error and line on the page, later cells not run, ok false", async () => {
    const run = await runNotebook(join(FIXTURES, "failing.md"), { timings: false });
    expect(run.ok).toBe(false);
    expect(run.results.map((r) => r.status)).toEqual(["ok", "error", "not-run"]);
    expect(run.failed?.error).toMatchObject({ name: "TypeError", cellLine: 2, fileLine: 16 });
    expect(run.html).toContain("line 2 of this cell (failing.md:16)");
    expect(run.html).toContain('<details class="ps-code" open>');
    expect(run.html).toContain('<span class="ps-ln ps-ln-bad" data-n="2">');
    expect(run.html).toContain("not run: an earlier cell failed");
    expect(run.html).toContain('<li class="ps-toc-bad"><a href="#cell-2">⚠ cell 2 failed</a></li>');
    expect(run.html).toContain("dataset</th><td>none");
    expect(run.html).not.toContain("should not run</pre>");
  });

  test("two charts on a page share one copy of the vega libraries; Plot ids are renumbered per page", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parkscore-nb-"));
    const file = join(dir, "two.md");
    const spec = `({ data: { values: [{ a: 1, b: 2 }] }, mark: "point", encoding: { x: { field: "a", type: "quantitative" } } })`;
    const clipped = `Plot.plot({ marks: [Plot.dot([{ x: 1, y: 1 }], { x: "x", y: "y", clip: true })] })`;
    writeFileSync(file, ["```js", spec, "```", "```js", spec, "```", "```js", clipped, "```", "```js", clipped, "```"].join("\n"));
    const a = await runNotebook(file, { timings: false });
    expect(a.ok).toBe(true);
    expect(a.html.split("/* vega-embed/build/vega-embed.min.js */")).toHaveLength(2);
    expect(a.html.match(/class="ps-vl"/g)).toHaveLength(2);
    const ids = [...a.html.matchAll(/id="(plot-clip-\d+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(["plot-clip-1", "plot-clip-2"]);
    // Plot's own counters keep growing in this process; the page does not change.
    expect((await runNotebook(file, { timings: false })).html).toBe(a.html);
  });

  test("the self-containedness check finds what it must", () => {
    expect(externalReferences('<img src="https://x/a.png"><a href="http://x">x</a><link rel=stylesheet href=a.css><div style="background:url(http://x)"></div>')).toHaveLength(4);
    expect(externalReferences('<script src="vega.js"></script>')).toHaveLength(2);
    expect(externalReferences('<svg xmlns="http://www.w3.org/2000/svg"></svg><a href="#x">x</a><script>var u = "https://cdn"</script>')).toEqual([]);
  });
});
