/**
 * `html` and `md` tagged templates for cells that write their own text: interpolated values are
 * escaped (they usually come from data) unless they are themselves `html`/`md` results, so a park
 * named `<b>` prints as text. The result displays as HTML.
 */
import { escapeHtml } from "../../engine/index.js";
import { renderMarkdown } from "./markdown.js";

const HTML = Symbol.for("parkscore.html");

/** Trusted HTML (the notebook author's), shown as is. */
export interface Html {
  readonly [HTML]: string;
  toString(): string;
}

export function trusted(markup: string): Html {
  return { [HTML]: markup, toString: () => markup };
}

export function isHtml(x: unknown): x is Html {
  return typeof x === "object" && x !== null && typeof (x as Html)[HTML] === "string";
}

export function htmlOf(x: Html): string {
  return x[HTML];
}

function interpolate(strings: TemplateStringsArray, values: unknown[], escape: (v: unknown) => string): string {
  let out = strings[0];
  values.forEach((v, i) => {
    out += (isHtml(v) ? htmlOf(v) : Array.isArray(v) ? v.map((x) => (isHtml(x) ? htmlOf(x) : escape(x))).join("") : escape(v)) + strings[i + 1];
  });
  return out;
}

/** html`<b>${name}</b>`: the template is trusted, `name` is escaped. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return trusted(interpolate(strings, values, escapeHtml));
}

/** md`Top park: **${name}**`: Markdown; interpolated values are escaped and taken literally. */
export function md(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const marker = (v: unknown) => String(v ?? "").replace(/[\\`*_[\]#|~<>&!]/g, (c) => `\\${c}`);
  return trusted(renderMarkdown(interpolate(strings, values, marker)).html);
}
