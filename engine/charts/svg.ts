/**
 * What the hand-made SVG chart builders share: the chart's <svg> element, coordinates printed with
 * one decimal (deterministic, short), and the grade colours (best = green … worst = red, a fixed ramp
 * so that the same grade has the same colour in every chart, table and spreadsheet). The charts are
 * built with the escaping `html` template: SVG text and attributes escape as HTML's do.
 */
import { html, type Html } from "./html.js";

/** A chart's <svg> element: its class, size in pixels, accessible name (escaped) and content. */
export function svgChart(cls: string, width: number, height: number, label: string | undefined, content: Html | readonly Html[]): Html {
  return html`<svg class="${cls}" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img"${label ? html` aria-label="${label}"` : ""}>${content}</svg>`;
}

/** A coordinate as printed in SVG: one decimal, no "-0". */
export function c(v: number): string {
  const s = (Math.round(v * 10) / 10).toFixed(1);
  return s === "-0.0" ? "0.0" : s;
}

const RAMP = ["#1a9850", "#4575b4", "#f0a030", "#d73027", "#7b3294", "#555555"];
const RAMP_LIGHT = ["#d9f0d3", "#dbe6f4", "#fdebc8", "#f8d3cf", "#e7d4ec", "#e0e0e0"];

/** Colour of the k-th grade (0 = best) of `count`: green for the best, red for the worst, blue/amber between. */
export function gradeColour(k: number, count: number, light = false): string {
  const ramp = light ? RAMP_LIGHT : RAMP;
  if (k < 0) return light ? "#eeeeee" : "#999999";
  if (count <= 1) return ramp[0];
  if (k === count - 1) return ramp[3];
  return ramp[Math.min(k, 2)] ?? ramp[5];
}
