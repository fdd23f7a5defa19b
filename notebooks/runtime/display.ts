/**
 * What a displayed value looks like in the page, decided by what it is:
 *   a DOM element (a Plot figure: SVG, or an HTML figure with legends) → its markup;
 *   a Vega-Lite spec object → a live chart (vega-embed in the page) over a static SVG from vega;
 *   an arquero table, Arrow table or array of row objects → a sortable table of its first rows;
 *   html`…` / md`…` → that HTML; a string → preformatted text; anything else → util.inspect.
 */
import { inspect } from "node:util";
import { charts, escapeHtml } from "../../engine/index.js";
import { htmlOf, isHtml } from "./markup.js";
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
  if (isHtml(x)) return { kind: "html", html: `<div class="ps-html">${htmlOf(x)}</div>` };
  if (isElement(x)) return { kind: "plot", html: `<div class="ps-plot-out">${x.outerHTML}</div>` };
  if (isVegaLiteSpec(x)) {
    const spec = withFont(x);
    const svg = await vegaLiteToSvg(spec);
    return {
      kind: "vega-lite",
      html: `<div class="ps-vl"><script type="application/json" class="ps-vl-spec">${scriptJson(spec)}</script><div class="ps-vl-live"></div><div class="ps-vl-static">${svg}</div></div>`,
    };
  }
  const t = tableView(x);
  if (t) return { kind: "table", html: renderTable(t, opts.rows ?? DEFAULT_ROWS) };
  if (typeof x === "string") return { kind: "text", html: `<pre class="ps-text">${escapeHtml(x)}</pre>` };
  const text = inspect(x, { depth: 4, colors: false, maxArrayLength: 100, maxStringLength: 10_000, breakLength: 100, sorted: false, compact: 3 });
  return { kind: "value", html: `<pre class="ps-value">${escapeHtml(text)}</pre>` };
}
