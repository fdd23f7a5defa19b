/**
 * A radar (spider) chart, shown only beside the dot plot as the issue asks: radar charts distort
 * comparisons (the area depends on axis order), so the axis order is fixed — the scheme's order,
 * the first axis at the top, clockwise — and the same for every enterprise. The enterprise is the
 * filled polygon; the comparison (median) the dashed one, drawn only when every axis has one.
 */
import { html, type Html } from "./html.js";
import { c, svgChart } from "./svg.js";

export interface RadarAxis {
  label: string;
  value: number;
  median?: number;
}

export interface RadarOptions {
  size?: number;
  /** The value at the outer ring (default: the largest value shown, at least 1). */
  max?: number;
  title?: string;
}

export function radar(axes: RadarAxis[], o: RadarOptions = {}): Html {
  // Room on both sides for the axis labels (CJK labels of 4–6 characters).
  const size = o.size ?? 260, margin = 70, r = size / 2 - 40, cx = size / 2 + margin, cy = size / 2, w = size + 2 * margin;
  let max = o.max ?? 1;
  if (o.max === undefined) for (const a of axes) for (const v of [a.value, a.median]) if (v !== undefined && Number.isFinite(v) && v > max) max = v;
  const n = axes.length;
  const angle = (k: number) => -Math.PI / 2 + (2 * Math.PI * k) / n;
  const pt = (k: number, v: number) => {
    const t = Math.max(0, Math.min(1, (Number.isFinite(v) ? v : 0) / max));
    return `${c(cx + r * t * Math.cos(angle(k)))},${c(cy + r * t * Math.sin(angle(k)))}`;
  };
  const parts: Html[] = [];
  if (n >= 3) {
    for (const ring of [0.25, 0.5, 0.75, 1]) parts.push(html`<polygon points="${axes.map((_, k) => pt(k, ring * max)).join(" ")}" fill="none" stroke="#e0e0e0"/>`);
    axes.forEach((a, k) => {
      const ex = cx + r * Math.cos(angle(k)), ey = cy + r * Math.sin(angle(k));
      parts.push(html`<line x1="${c(cx)}" y1="${c(cy)}" x2="${c(ex)}" y2="${c(ey)}" stroke="#e0e0e0"/>`);
      const lx = cx + (r + 10) * Math.cos(angle(k)), ly = cy + (r + 10) * Math.sin(angle(k));
      const anchor = Math.abs(lx - cx) < 1 ? "middle" : lx > cx ? "start" : "end";
      parts.push(html`<text x="${c(lx)}" y="${c(ly + (ly > cy + 1 ? 10 : ly < cy - 1 ? -2 : 4))}" text-anchor="${anchor}" font-size="11">${a.label}</text>`);
    });
    if (axes.every((a) => a.median !== undefined && Number.isFinite(a.median)))
      parts.push(html`<polygon points="${axes.map((a, k) => pt(k, a.median!)).join(" ")}" fill="none" stroke="#555" stroke-width="1.5" stroke-dasharray="4 3"/>`);
    parts.push(html`<polygon points="${axes.map((a, k) => pt(k, a.value)).join(" ")}" fill="#d35400" fill-opacity="0.25" stroke="#d35400" stroke-width="1.5"/>`);
  }
  return svgChart("radar", w, size, o.title, parts);
}
