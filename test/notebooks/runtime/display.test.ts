import { describe, expect, test } from "vitest";
import * as aq from "arquero";
import { tableFromArrays } from "apache-arrow";
import { plot } from "../../../engine/charts/plot.js";
import * as Plot from "@observablehq/plot";
import { renderValue } from "../../../notebooks/runtime/display.js";
import { html, md } from "../../../notebooks/runtime/markup.js";
import { formatNumber } from "../../../notebooks/runtime/table.js";
import { expectEscaped, HOSTILE } from "../../hostile-value.js";

describe("display kinds", () => {
  test("a Plot figure is inlined as SVG; with a legend it stays an HTML figure", async () => {
    const svg = await renderValue(plot({ marks: [Plot.dot([{ x: 1, y: 2 }], { x: "x", y: "y" })] }));
    expect(svg.kind).toBe("plot");
    expect(svg.html).toMatch(/^<div class="ps-plot-out"><svg class="ps-plot"/);
    expect(svg.html).toContain("<circle");
    const fig = await renderValue(plot({ color: { legend: true }, marks: [Plot.dot([{ x: 1, y: 2, c: "甲" }, { x: 2, y: 1, c: "乙" }], { x: "x", y: "y", fill: "c" })] }));
    expect(fig.html).toMatch(/^<div class="ps-plot-out"><figure class="ps-plot-figure"/);
    expect(fig.html).toContain("ps-plot-swatch");
    expect(fig.html).toContain("甲");
  });

  test("a Vega-Lite spec becomes a live chart holder with its spec and a static SVG", async () => {
    const spec = { data: { values: [{ a: "甲", b: 3 }, { a: "</script>", b: 5 }] }, mark: "bar", encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } } };
    const out = await renderValue(spec);
    expect(out.kind).toBe("vega-lite");
    expect(out.html).toContain('<script type="application/json" class="ps-vl-spec">');
    expect(out.html).toContain('<div class="ps-vl-static"><svg');
    // The spec's text cannot close the script element it sits in.
    expect(out.html.match(/<\/script>/g)).toHaveLength(1);
    const json = /<script type="application\/json" class="ps-vl-spec">(.*?)<\/script>/s.exec(out.html)![1];
    expect(JSON.parse(json).data.values[1].a).toBe("</script>");
    expect(JSON.parse(json).config.font).toContain("Noto Sans CJK SC");
    // Both bars are drawn in the static SVG.
    expect(out.html.match(/aria-roledescription="bar"/g)).toHaveLength(2);
  });

  test("arquero and Arrow tables and arrays of rows become tables with a count, numbers formatted", async () => {
    const t = aq.table({ name: ["<b>甲</b>", "乙", "丙"], score: [83.256789, NaN, 1200], n: [1, 2, 3] });
    const out = await renderValue(t, { rows: 2 });
    expect(out.kind).toBe("table");
    expect(out.html).toContain("arquero table · first 2 of 3 rows · 3 columns");
    expect(out.html).toContain("&lt;b&gt;甲&lt;/b&gt;");
    expect(out.html).not.toContain("<b>");
    expect(out.html).toContain('<td class="ps-num" data-v="83.256789">83.2568</td>');
    expect(out.html).toContain('<td class="ps-num ps-nan" data-v="">NaN</td>');
    expect(out.html).not.toContain("丙");
    const arrow = await renderValue(tableFromArrays({ id: ["a", "b"], v: Float64Array.from([0.5, 0.25]) }));
    expect(arrow.html).toContain("Arrow table · 2 rows · 2 columns");
    expect(arrow.html).toContain('data-v="0.25">0.25</td>');
    const rows = await renderValue([{ a: 1 }, { a: 2, b: "x" }]);
    expect(rows.html).toContain("rows · 2 rows · 2 columns");
    expect(rows.html).toContain('<th class="ps-num" data-type="number" title="sort the rows shown">a</th>');
  });

  test("a value from data is text wherever it shows: a string, an inspected value, a table's header, cell and sort key, html and md interpolations", async () => {
    expectEscaped((await renderValue(HOSTILE)).html);
    expectEscaped((await renderValue({ name: HOSTILE })).html);
    expectEscaped((await renderValue(aq.table({ [HOSTILE]: [HOSTILE] }))).html, 3);
    expectEscaped((await renderValue([{ [HOSTILE]: HOSTILE }])).html, 3);
    expectEscaped((await renderValue(html`<b>${HOSTILE}</b>`)).html);
    expectEscaped((await renderValue(md`**${HOSTILE}**`)).html);
  });

  test("number formatting", () => {
    expect(formatNumber(2024)).toBe("2024");
    expect(formatNumber(83.256789)).toBe("83.2568");
    expect(formatNumber(0.5)).toBe("0.5");
    expect(formatNumber(0.000123456)).toBe("0.0001235");
    expect(formatNumber(-1.5)).toBe("-1.5");
    expect(formatNumber(NaN)).toBe("NaN");
    expect(formatNumber(-Infinity)).toBe("−∞");
  });

  test("plain values are pretty-printed and escaped; strings are text", async () => {
    expect((await renderValue({ a: [1, 2], s: "<x>" })).html).toBe(`<pre class="ps-value">{ a: [ 1, 2 ], s: &#39;&lt;x&gt;&#39; }</pre>`);
    expect((await renderValue("a < b")).html).toBe(`<pre class="ps-text">a &lt; b</pre>`);
    expect((await renderValue(new Float64Array([1.5, 2]))).kind).toBe("value");
  });

  test("html and md templates escape what they interpolate", async () => {
    const name = "<script>x</script>";
    expect((await renderValue(html`<b>${name}</b>`)).html).toBe('<div class="ps-html"><b>&lt;script&gt;x&lt;/script&gt;</b></div>');
    expect((await renderValue(md`Top: **${"*园区* & <i>"}**`)).html).toBe('<div class="ps-html"><p>Top: <strong>*园区* &amp; &lt;i&gt;</strong></p></div>');
    expect((await renderValue(html`<ul>${["a", "<b>"].map((x) => html`<li>${x}</li>`)}</ul>`)).html).toContain("<li>a</li><li>&lt;b&gt;</li>");
  });
});
