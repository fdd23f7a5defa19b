/**
 * The report's pages in the shared page shell (engine/charts/page.ts): the report's own CSS, readable
 * on screen and printed on A4, and a Content-Security-Policy that allows only inline style and script.
 */
import { html, trusted, type Html } from "../../charts/html.js";
import { htmlPage } from "../../charts/page.js";
import { gradeColour } from "../../charts/svg.js";
import type { Lang } from "../../scheme/types.js";

/** Grade badge classes g0 (best) … g5, the same colours as the charts (4 grades: green, blue, amber, red). */
function gradeCss(count: number): string {
  let s = "";
  for (let k = 0; k < Math.max(count, 1); k++) s += `.g${k}{background:${gradeColour(k, count)};color:#fff}.c${k}{background:${gradeColour(k, count, true)}}`;
  return s;
}

export function css(gradeCount: number): string {
  return `body{font-size:14px;line-height:1.45;background:#f6f7f9}
main{max-width:1280px;margin:0 auto;padding:16px 20px 40px;background:#fff}
h1{font-size:22px;margin:4px 0}h2{font-size:17px;margin:24px 0 8px;border-bottom:2px solid #e5e7eb;padding-bottom:4px}
.meta{color:#555;font-size:12px}.note{color:#666;font-size:12px}
.tiles{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}.tile{border:1px solid #e2e5ea;border-radius:6px;padding:8px 12px;min-width:120px}
.tile .k{font-size:12px;color:#555}.tile .v{font-size:22px;font-weight:600}.tile .d{font-size:12px;color:#555}
table{border-collapse:collapse;width:100%}th,td{padding:4px 6px;border-bottom:1px solid #eceef1;text-align:left;vertical-align:middle}
th{background:#f1f3f6;font-weight:600;font-size:12px}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}td.num{white-space:nowrap}
th button{all:unset;cursor:pointer}th button::after{content:" \\2195";color:#aaa}th[aria-sort=ascending] button::after{content:" \\25B2";color:#333}th[aria-sort=descending] button::after{content:" \\25BC";color:#333}
.grade{display:inline-block;min-width:22px;text-align:center;border-radius:4px;padding:0 5px;font-weight:700}
.chip{display:inline-block;min-width:44px;text-align:right;border-radius:3px;padding:0 4px;font-size:12px;font-variant-numeric:tabular-nums}
.chip.q1{background:#f8d3cf}.chip.q2{background:#fdebc8}.chip.q3{background:#dbe6f4}.chip.q4{background:#d9f0d3}
.up{color:#1a7f37}.down{color:#c0392b}.same{color:#888}.new{color:#6f42c1;font-size:12px}
.id{color:#888;font-size:11px}a{color:#1f4e99;text-decoration:none}a:hover{text-decoration:underline}
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:8px 0;padding:8px;background:#f1f3f6;border-radius:6px}
.filters label{font-size:12px}.filters select,.filters input{font:inherit;font-size:13px;margin-left:4px}
.grid{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
.method td.src{font-size:12px;color:#555;max-width:360px}dl.method dt{font-weight:600;margin-top:8px}dl.method dd{margin:2px 0 0 0}code{font-size:12px;background:#f3f3f3;padding:0 3px}
ul.plain{margin:4px 0;padding-left:18px}.pos{color:#1a7f37}.neg{color:#c0392b}
.confidential{font-size:12px;color:#666;border-left:3px solid #ccc;padding-left:8px}
${gradeCss(gradeCount)}
@media print{body{font-size:11px}main{max-width:none;padding:0}#league{font-size:9px}#league th,#league td{padding:2px 3px}#league .spark{width:56px}#league .chip,#league .id{font-size:9px}.filters,.noprint{display:none!important}th button::after{content:""}
a{color:inherit}.tile,section.keep{break-inside:avoid}
.grade,.chip,.g0,.g1,.g2,.g3,.c0,.c1,.c2,.c3,.tile{-webkit-print-color-adjust:exact;print-color-adjust:exact}}`;
}

const CSP = trusted(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'unsafe-inline'">`);

export function page(lang: Lang, title: string, gradeCount: number, body: Html, script = ""): string {
  return htmlPage({
    lang: lang === "zh" ? "zh-CN" : "en",
    title,
    css: css(gradeCount),
    head: [CSP],
    body: html`<main>\n${body}\n</main>`,
    scripts: script ? [script] : [],
  });
}
