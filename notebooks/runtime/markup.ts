/**
 * `html` and `md` tagged templates for cells that write their own text: interpolated values are
 * escaped (they usually come from data) unless they are themselves `html`/`md` results, so a park
 * named `<b>` prints as text. The result displays as HTML. `html` is the engine's page template.
 */
import { interpolate, type Html } from "../../engine/index.js";
import { renderMarkdown } from "./markdown.js";

export { html, htmlOf, isHtml, trusted, type Html } from "../../engine/index.js";

/** md`Top park: **${name}**`: Markdown; interpolated values are escaped and taken literally. */
export function md(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const marker = (v: unknown) => String(v ?? "").replace(/[\\`*_[\]#|~<>&!]/g, (c) => `\\${c}`);
  return renderMarkdown(interpolate(strings, values, marker)).html;
}
