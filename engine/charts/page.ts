/**
 * The one page shell of every HTML page parkscore writes (report, admission screening, notebook):
 * a self-contained document (inline CSS and scripts, no external URL, no web fonts — the system's
 * CJK fonts) with the shared base and print styles; each kind of page adds its own CSS between them.
 */
import { html, htmlOf, trusted, type Html } from "./html.js";

/** The base every page starts from; a page's own CSS comes after it and may override it. */
export const BASE_CSS = `*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#222}`;

/** Printing on A4: white paper, rows kept whole, table headers repeated, a heading kept with what follows. */
export const PRINT_CSS = `@media print{body{background:#fff}tr{break-inside:avoid}thead{display:table-header-group}h2{break-after:avoid}@page{size:A4;margin:12mm}}`;

export interface PageSpec {
  /** The lang attribute ("zh-CN", "en"). */
  lang: string;
  title: string;
  /** The page's own CSS, between the base and the print styles. */
  css: string;
  body: Html;
  /** Extra head elements (a Content-Security-Policy, a generator), one a line before the title. */
  head?: readonly Html[];
  /** Inline scripts at the end of the body, in order (each already safe inside a script element). */
  scripts?: readonly string[];
}

export function htmlPage(p: PageSpec): string {
  return htmlOf(html`<!DOCTYPE html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${(p.head ?? []).map((h) => html`${h}\n`)}<title>${p.title}</title>
<style>${trusted(`${BASE_CSS}\n${p.css}\n${PRINT_CSS}`)}</style>
</head>
<body>
${p.body}${(p.scripts ?? []).map((s) => trusted(`\n<script>${s}</script>`))}
</body>
</html>
`);
}
