/**
 * Observable Plot on the server. `plot()` is Plot.plot with what a static page needs: the shared
 * jsdom document, a fixed className (so two runs give the same markup) and a font stack that has a
 * CJK face, so Chinese labels render. Plot sizes its margins from an estimate of text width that
 * takes CJK characters for Latin ones (about half their real width); `cjkMargin()` gives a margin
 * that fits such labels, to pass as marginLeft (or marginBottom for rotated ticks).
 */
import * as Plot from "@observablehq/plot";
import { serverDocument } from "./dom.js";
import { FONT_STACK } from "./font.js";

export { FONT_STACK };

/** The className given to every figure: Plot's default is fixed too, this one names parkscore. */
export const PLOT_CLASS = "ps-plot";

type PlotOptions = NonNullable<Parameters<typeof Plot.plot>[0]>;
type LegendOptions = NonNullable<Parameters<typeof Plot.legend>[0]>;

function withDefaults<T>(options: T): T {
  const o = options as { document?: Document; className?: string; style?: unknown };
  const style = o.style;
  const font = `font-family: ${FONT_STACK};`;
  return {
    ...options,
    document: o.document ?? serverDocument(),
    className: o.className ?? PLOT_CLASS,
    style: style === undefined ? font : typeof style === "string" ? `${font} ${style}` : { fontFamily: FONT_STACK, ...(style as object) },
  };
}

/** Plot.plot for a page built in Node: an SVG element, or an HTML figure when there is a legend or title. */
export function plot(options: PlotOptions = {}): ReturnType<typeof Plot.plot> {
  return Plot.plot(withDefaults(options));
}

/** Plot.legend with the same defaults as `plot()`. */
export function legend(options: LegendOptions = {}): ReturnType<typeof Plot.legend> {
  return Plot.legend(withDefaults(options));
}

/**
 * `mark.plot()` calls Plot's own `plot` and would have no document in Node; this makes it use the
 * same defaults. Done once, only where there is no browser `window` (a page's own Plot is untouched).
 */
const MarkProto = (Plot.Mark as unknown as { prototype: { plot: (o?: { marks?: unknown[] } & PlotOptions) => unknown } }).prototype;
if (typeof (globalThis as { window?: unknown }).window === "undefined") {
  MarkProto.plot = function (this: unknown, { marks = [], ...options }: { marks?: unknown[] } & PlotOptions = {}) {
    return plot({ ...options, marks: [...marks, this] as Plot.Markish[] });
  };
}

/** Plot with `plot`, `legend` and `mark.plot()` working server-side: the `Plot` a notebook sees. */
export const ServerPlot: typeof Plot = { ...Plot, plot, legend } as typeof Plot;

/** True for East Asian wide and full-width characters, which take about one em. */
function isWide(c: number): boolean {
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd);
}

/**
 * Estimated rendered width in pixels of a label: 1 em per wide (CJK) character, 0.6 em per other
 * character (a generous average for proportional Latin faces, digits are ~0.55 em).
 */
export function textWidth(label: string, fontSize = 10): number {
  let em = 0;
  for (const ch of label) em += isWide(ch.codePointAt(0)!) ? 1 : 0.6;
  return em * fontSize;
}

/**
 * A margin (px) wide enough for the longest tick label, plus Plot's tick (6 px) and padding (3 px)
 * and a little air. Use as `marginLeft: cjkMargin(names)` for a y axis of Chinese names.
 */
export function cjkMargin(labels: Iterable<unknown>, { fontSize = 10, min = 40, extra = 12 }: { fontSize?: number; min?: number; extra?: number } = {}): number {
  let widest = 0;
  for (const l of labels) widest = Math.max(widest, textWidth(String(l ?? ""), fontSize));
  return Math.max(min, Math.ceil(widest + 6 + 3 + extra));
}
