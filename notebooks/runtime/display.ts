/**
 * What a displayed value looks like in the page, decided by what it is:
 *   a DOM element (a Plot figure: SVG, or an HTML figure with legends) → its markup;
 *   a Vega-Lite spec object → a live chart (vega-embed in the page) over a static SVG from vega;
 *   an arquero table, Arrow table or array of row objects → a sortable table of its first rows;
 *   html`…` / md`…` → that HTML; a string → preformatted text; anything else → util.inspect.
 */
import { inspect } from "node:util";
import { charts, html, htmlOf, isHtml, trusted } from "../../engine/index.js";
import { DEFAULT_ROWS, renderTable, tableView } from "./table.js";
import type { Output } from "./types.js";

const { isElement, isVegaLiteSpec, vegaLiteToSvg, withFont } = await charts();

export interface DisplayOptions {
  /** Table rows shown (default 100). */
  rows?: number;
}

/** JSON safe inside a <script type="application/json"> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

export async function renderValue(x: unknown, opts: DisplayOptions = {}): Promise<Output> {
  if (isHtml(x)) return { kind: "html", html: htmlOf(html`<div class="ps-html">${x}</div>`) };
  // what the DOM serialises and vega draws is markup; the spec's JSON is made safe for a script element
  if (isElement(x)) return { kind: "plot", html: htmlOf(html`<div class="ps-plot-out">${trusted(x.outerHTML)}</div>`) };
  if (isVegaLiteSpec(x)) {
    const spec = withFont(x);
    const svg = await vegaLiteToSvg(spec);
    return {
      kind: "vega-lite",
      html: htmlOf(html`<div class="ps-vl"><script type="application/json" class="ps-vl-spec">${trusted(scriptJson(spec))}</script><div class="ps-vl-live"></div><div class="ps-vl-static">${trusted(svg)}</div></div>`),
    };
  }
  const t = tableView(x);
  if (t) return { kind: "table", html: htmlOf(renderTable(t, opts.rows ?? DEFAULT_ROWS)) };
  if (typeof x === "string") return { kind: "text", html: htmlOf(html`<pre class="ps-text">${x}</pre>`) };
  const text = inspect(x, { depth: 4, colors: false, maxArrayLength: 100, maxStringLength: 10_000, breakLength: 100, sorted: false, compact: 3 });
  return { kind: "value", html: htmlOf(html`<pre class="ps-value">${text}</pre>`) };
}
