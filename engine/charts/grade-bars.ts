/**
 * The grade distribution as horizontal bars: one bar per grade (best first) in the grade's colour,
 * its count printed; the previous period's count, when given, as an outlined bar beneath, so the
 * change reads at a glance.
 */
import { html, type Html } from "./html.js";
import { c, gradeColour, svgChart } from "./svg.js";

export interface GradeBar {
  grade: string;
  /** Shown after the grade (its label), escaped. */
  label?: string;
  count: number;
  previous?: number;
}

export interface GradeBarsOptions {
  width?: number;
  currentLabel?: string;
  previousLabel?: string;
  title?: string;
}

export function gradeBars(bars: GradeBar[], o: GradeBarsOptions = {}): Html {
  const w = o.width ?? 520, labelW = 150, countW = 70, barH = 16, gap = 12;
  const hasPrev = bars.some((b) => b.previous !== undefined);
  const rowH = barH + (hasPrev ? 8 : 0) + gap;
  const legendH = hasPrev ? 20 : 0;
  const h = bars.length * rowH + legendH + 4;
  const max = Math.max(1, ...bars.map((b) => Math.max(b.count, b.previous ?? 0)));
  const x = (v: number) => ((w - labelW - countW) * v) / max;
  const parts: Html[] = [];
  bars.forEach((b, k) => {
    const y = 4 + k * rowH;
    parts.push(html`<text x="${labelW - 8}" y="${c(y + 12)}" text-anchor="end" font-size="12"><tspan font-weight="bold">${b.grade}</tspan>${b.label ? ` ${b.label}` : ""}</text>`);
    parts.push(html`<rect x="${labelW}" y="${y}" width="${c(x(b.count))}" height="${barH}" fill="${gradeColour(k, bars.length)}"/>`);
    parts.push(html`<text x="${c(labelW + x(b.count) + 4)}" y="${c(y + 12)}" font-size="12">${b.count}</text>`);
    if (b.previous !== undefined) parts.push(html`<rect x="${labelW}" y="${y + barH + 2}" width="${c(x(b.previous))}" height="5" fill="none" stroke="${gradeColour(k, bars.length)}"/>`);
  });
  if (hasPrev) {
    const y = bars.length * rowH + 8;
    parts.push(html`<rect x="${labelW}" y="${y}" width="14" height="10" fill="#888"/><text x="${labelW + 20}" y="${y + 9}" font-size="11">${o.currentLabel}</text>`);
    parts.push(html`<rect x="${labelW + 120}" y="${y + 3}" width="14" height="5" fill="none" stroke="#888"/><text x="${labelW + 140}" y="${y + 9}" font-size="11">${o.previousLabel}</text>`);
  }
  return svgChart("bars", w, h, o.title, parts);
}
