/**
 * Vega-Lite charts for static pages. A spec is compiled here to a static SVG with vega's headless
 * `View.toSVG()` (for printing, and for readers without scripts), and the page makes it interactive
 * with vega + vega-lite + vega-embed read from node_modules and inlined into the page (never a CDN).
 * Data must be inline (`data.values`): the loader refuses every URL and file, so a chart can neither
 * reach the network when it is rendered nor when it is opened.
 */
import { readFileSync } from "node:fs";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { ParkscoreError } from "../errors.js";
import { installedFile } from "../store/provenance.js";
import { FONT_STACK } from "./font.js";

export type VegaLiteSpec = TopLevelSpec;

const COMPOSITIONS = ["layer", "hconcat", "vconcat", "concat"];

/** True for a plain Vega-Lite spec object: by its `$schema`, else a mark with encoding or data, or a composition. */
export function isVegaLiteSpec(x: unknown): x is VegaLiteSpec {
  if (typeof x !== "object" || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  if (proto !== Object.prototype && proto !== null) return false;
  const schema = (x as { $schema?: unknown }).$schema;
  if (typeof schema === "string") return /vega-lite/.test(schema);
  const o = x as Record<string, unknown>;
  if ("mark" in o) return "encoding" in o || "data" in o;
  if (COMPOSITIONS.some((k) => Array.isArray(o[k]))) return true;
  return ("facet" in o || "repeat" in o) && "spec" in o;
}

/** The spec with parkscore's font stack (CJK included) unless the spec sets its own font. */
export function withFont(spec: VegaLiteSpec): VegaLiteSpec {
  const config = (spec as { config?: Record<string, unknown> }).config ?? {};
  return { ...spec, config: { font: FONT_STACK, ...config } } as VegaLiteSpec;
}

/** Every `url` under a `data` entry: such data would be fetched, which a self-contained page must not. */
function dataUrls(x: unknown, underData = false, out: string[] = []): string[] {
  if (Array.isArray(x)) for (const v of x) dataUrls(v, underData, out);
  else if (typeof x === "object" && x !== null) {
    for (const [k, v] of Object.entries(x)) {
      if (underData && k === "url" && typeof v === "string") out.push(v);
      else if (k !== "values") dataUrls(v, k === "data" || (underData && k === "datasets"), out);
    }
  }
  return out;
}

/** Throws a clear error when a spec would load data from a URL or file. */
export function checkInlineData(spec: VegaLiteSpec): void {
  const urls = dataUrls(spec);
  if (urls.length) {
    throw new ParkscoreError({
      code: "chart.data-url",
      message: `a Vega-Lite chart loads its data from "${urls[0]}", which a self-contained page cannot do`,
      fix: "put the rows in the spec: data: {values: rows}",
    });
  }
}

/** A loader that loads nothing: charts render only from inline data. */
function noLoader(): vega.Loader {
  const loader = vega.loader();
  const refuse = async (uri: string): Promise<string> => {
    throw new Error(`parkscore charts do not load data (${uri}); use data: {values: rows}`);
  };
  return Object.assign(loader, { load: refuse, sanitize: refuse, http: refuse, file: refuse }) as vega.Loader;
}

/** The static SVG of a Vega-Lite spec, rendered headless (no canvas, no network). */
export async function vegaLiteToSvg(spec: VegaLiteSpec): Promise<string> {
  checkInlineData(spec);
  const vg = compile(withFont(spec)).spec;
  const view = new vega.View(vega.parse(vg), { renderer: "none", loader: noLoader() });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function browserFile(pkg: string, rel: string): string {
  const file = installedFile(pkg, rel);
  if (file === undefined) throw new Error(`cannot find ${pkg}/${rel} in node_modules`);
  return file;
}

/** The browser builds inlined into a page, in load order (vega-embed brings vega-tooltip). */
export const VEGA_BROWSER_FILES: readonly [string, string][] = [
  ["vega", "build/vega.min.js"],
  ["vega-lite", "build/vega-lite.min.js"],
  ["vega-embed", "build/vega-embed.min.js"],
];

/** Script text made safe to put between <script> tags: `</script` and `<!--` cannot end or confuse it. */
export function inlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

let browserJs: string | undefined;

/** vega, vega-lite and vega-embed as one script, read once per process from node_modules. */
export function vegaBrowserScript(): string {
  browserJs ??= VEGA_BROWSER_FILES.map(([pkg, rel]) => `/* ${pkg}/${rel} */\n${readFileSync(browserFile(pkg, rel), "utf8")}`).join("\n;\n");
  return inlineScript(browserJs);
}
