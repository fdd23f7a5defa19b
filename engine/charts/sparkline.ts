/**
 * A sparkline (Tufte, "Beautiful Evidence", 2006): a word-sized line of a series, gaps left open
 * (a period without a value breaks the line), the last value marked. Plain SVG text: the league
 * table draws one per enterprise, 10,000 well within a second.
 */
import { html, type Html } from "./html.js";
import { c, svgChart } from "./svg.js";

export interface SparklineOptions {
  width?: number;
  height?: number;
  /** The value range drawn (default: the series' own range). */
  min?: number;
  max?: number;
  /** The smallest value range drawn, centred on the series (so that noise is not blown up to full height). */
  minSpan?: number;
  /** Accessible name (escaped). */
  label?: string;
  stroke?: string;
}

export function sparkline(values: ArrayLike<number>, o: SparklineOptions = {}): Html {
  const w = o.width ?? 80, h = o.height ?? 20, pad = 2.5;
  let lo = o.min ?? Infinity, hi = o.max ?? -Infinity;
  if (o.min === undefined || o.max === undefined)
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      if (!Number.isFinite(v)) continue;
      if (o.min === undefined && v < lo) lo = v;
      if (o.max === undefined && v > hi) hi = v;
    }
  if (o.minSpan !== undefined && hi >= lo && hi - lo < o.minSpan) {
    const mid = (hi + lo) / 2;
    lo = mid - o.minSpan / 2;
    hi = mid + o.minSpan / 2;
  }
  if (!(hi >= lo)) return svgChart("spark", w, h, o.label, []);
  const span = hi > lo ? hi - lo : 1;
  const p = values.length;
  const x = (k: number) => (p > 1 ? pad + (k * (w - 2 * pad)) / (p - 1) : w / 2);
  const y = (v: number) => (hi > lo ? h - pad - ((v - lo) / span) * (h - 2 * pad) : h / 2);
  let d = "";
  let pen = false;
  let last = -1;
  for (let k = 0; k < p; k++) {
    const v = values[k];
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${c(x(k))} ${c(y(v))}`;
    pen = true;
    last = k;
  }
  const stroke = o.stroke ?? "#4575b4";
  const parts: Html[] = [];
  if (d.includes("L")) parts.push(html`<path d="${d}" fill="none" stroke="${stroke}" stroke-width="1.5"/>`);
  if (last >= 0) parts.push(html`<circle cx="${c(x(last))}" cy="${c(y(values[last]))}" r="2" fill="${stroke}"/>`);
  return svgChart("spark", w, h, o.label, parts);
}
