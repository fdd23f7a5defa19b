/**
 * A dot plot (Cleveland, "The Elements of Graphing Data", 1985; Cleveland & McGill 1984: position
 * on a common scale is read most accurately): one row per category, the enterprise's value as a
 * filled dot, the comparison group's median as an open diamond and its interquartile range as a
 * band. A missing comparison (suppressed aggregate) is simply not drawn.
 */
import { html, type Html } from "./html.js";
import { c, svgChart } from "./svg.js";

export interface DotRow {
  label: string;
  value: number;
  median?: number;
  q1?: number;
  q3?: number;
}

export interface DotPlotOptions {
  width?: number;
  /** Axis range (default 0 … the largest value shown, rounded up). */
  min?: number;
  max?: number;
  /** Formats the value printed at the right end of each row. */
  format?: (v: number) => string;
  /** Legend texts (escaped). */
  ownLabel?: string;
  medianLabel?: string;
  rangeLabel?: string;
  title?: string;
}

export function dotPlot(rows: DotRow[], o: DotPlotOptions = {}): Html {
  const w = o.width ?? 520, rowH = 26, labelW = 150, valueW = 60, top = 8, legendH = o.ownLabel ? 22 : 0;
  const h = top + rows.length * rowH + legendH + 4;
  let hi = o.max ?? -Infinity;
  if (o.max === undefined) for (const r of rows) for (const v of [r.value, r.median, r.q3]) if (v !== undefined && Number.isFinite(v) && v > hi) hi = v;
  if (!(hi > 0)) hi = 1;
  if (o.max === undefined) hi = niceCeil(hi);
  const lo = o.min ?? Math.min(0, ...rows.flatMap((r) => [r.value, r.q1 ?? 0, r.median ?? 0].filter(Number.isFinite)));
  const x0 = labelW, x1 = w - valueW;
  const x = (v: number) => x0 + ((Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo || 1)) * (x1 - x0);
  const fmt = o.format ?? ((v: number) => v.toFixed(1));
  const parts: Html[] = [];
  rows.forEach((r, k) => {
    const cy = top + k * rowH + rowH / 2;
    parts.push(html`<text x="${labelW - 8}" y="${c(cy + 4)}" text-anchor="end" font-size="12">${r.label}</text>`);
    parts.push(html`<line x1="${x0}" x2="${x1}" y1="${c(cy)}" y2="${c(cy)}" stroke="#ddd"/>`);
    if (r.q1 !== undefined && r.q3 !== undefined) parts.push(html`<rect x="${c(x(r.q1))}" y="${c(cy - 5)}" width="${c(Math.max(1, x(r.q3) - x(r.q1)))}" height="10" fill="#e3e8f0"/>`);
    if (r.median !== undefined) {
      const m = x(r.median);
      parts.push(html`<path d="M${c(m)} ${c(cy - 6)}L${c(m + 6)} ${c(cy)}L${c(m)} ${c(cy + 6)}L${c(m - 6)} ${c(cy)}Z" fill="#fff" stroke="#555" stroke-width="1.5"/>`);
    }
    if (Number.isFinite(r.value)) parts.push(html`<circle cx="${c(x(r.value))}" cy="${c(cy)}" r="5.5" fill="#d35400"/>`);
    parts.push(html`<text x="${w - 4}" y="${c(cy + 4)}" text-anchor="end" font-size="12">${Number.isFinite(r.value) ? fmt(r.value) : "—"}</text>`);
  });
  if (o.ownLabel) {
    const ly = top + rows.length * rowH + 14;
    parts.push(html`<circle cx="${x0 + 6}" cy="${ly - 4}" r="5" fill="#d35400"/><text x="${x0 + 16}" y="${ly}" font-size="11">${o.ownLabel}</text>`);
    parts.push(html`<path d="M${x0 + 126} ${ly - 10}L${x0 + 132} ${ly - 4}L${x0 + 126} ${ly + 2}L${x0 + 120} ${ly - 4}Z" fill="#fff" stroke="#555" stroke-width="1.5"/><text x="${x0 + 138}" y="${ly}" font-size="11">${o.medianLabel}</text>`);
    if (o.rangeLabel) parts.push(html`<rect x="${x0 + 232}" y="${ly - 9}" width="16" height="10" fill="#e3e8f0"/><text x="${x0 + 254}" y="${ly}" font-size="11">${o.rangeLabel}</text>`);
  }
  return svgChart("dots", w, h, o.title, parts);
}

/** The smallest of 1, 2, 2.5, 5 × 10^k at or above v. */
export function niceCeil(v: number): number {
  const e = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * e >= v - 1e-12) return m * e;
  return 10 * e;
}
