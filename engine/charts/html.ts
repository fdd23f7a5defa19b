/**
 * HTML built with a tagged template that escapes by default: in html`<td>${name}</td>` every
 * interpolated value is escaped unless it is itself an Html value (built by this template, or markup
 * declared trusted, such as an SVG chart). Arrays are joined without a separator; null and undefined
 * print nothing. No page depends on remembering to escape: the escaping lives here and nowhere else.
 */

/** The five characters that can end text or an attribute value: one escaping for both. */
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const HTML = Symbol.for("parkscore.html");

/** Markup that is already safe to insert as is. */
export interface Html {
  readonly [HTML]: string;
  toString(): string;
}

/** Declares markup safe: only for text built by this program (charts, fixed strings), never for data. */
export function trusted(markup: string): Html {
  return { [HTML]: markup, toString: () => markup };
}

export function isHtml(x: unknown): x is Html {
  return typeof x === "object" && x !== null && typeof (x as Html)[HTML] === "string";
}

export function htmlOf(x: Html): string {
  return x[HTML];
}

/** An interpolated value as markup: Html as is, arrays joined, everything else escaped. */
function part(v: unknown, escape: (v: unknown) => string): string {
  if (isHtml(v)) return v[HTML];
  if (Array.isArray(v)) {
    let s = "";
    for (const x of v) s += part(x, escape);
    return s;
  }
  return escape(v);
}

/** Joins a template's strings with its values, each value made markup by `escape` unless it is Html. */
export function interpolate(strings: readonly string[], values: readonly unknown[], escape: (v: unknown) => string = escapeHtml): string {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += part(values[i], escape) + strings[i + 1];
  return out;
}

/** html`<b>${name}</b>`: the template is trusted, `name` is escaped. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return trusted(interpolate(strings, values));
}

/** Html values joined by a separator (itself markup). */
export function joinHtml(parts: readonly Html[], separator: string): Html {
  return trusted(parts.map(htmlOf).join(separator));
}
