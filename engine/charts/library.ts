/**
 * The charts a notebook or a page draws on the server: Observable Plot with a DOM and CJK fonts, and
 * Vega-Lite rendered to SVG or inlined for the browser. Reached through `charts()` in engine/index.ts,
 * which loads this module (and Plot, vega, vega-lite with it) only when a chart is first needed.
 */
export { ServerPlot, cjkMargin, textWidth, PLOT_CLASS } from "./plot.js";
export { isElement } from "./dom.js";
export { isVegaLiteSpec, withFont, vegaLiteToSvg, inlineScript, vegaBrowserScript, type VegaLiteSpec } from "./vega.js";
