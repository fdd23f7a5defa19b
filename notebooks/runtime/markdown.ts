/**
 * The Markdown of a notebook's prose, rendered to HTML: ATX headings (with ids for the table of
 * contents), paragraphs, emphasis, code spans and fenced code, lists, block quotes, GFM tables,
 * rules, and links. All text is escaped; raw HTML is shown as text, not interpreted. A page must
 * reference nothing outside itself, so links to http(s) addresses are shown as text with their
 * address, and images are shown by their description (relative links to anchors stay links).
 */
import { html, htmlOf, joinHtml, trusted, type Html } from "../../engine/index.js";

export interface Heading {
  level: number;
  text: string;
  id: string;
}

export interface Rendered {
  html: Html;
  headings: Heading[];
}

/** Makes heading ids unique within one page. */
export class Slugger {
  private seen = new Map<string, number>();
  slug(text: string): string {
    const base =
      text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s-]/gu, "")
        .trim()
        .replace(/\s+/g, "-") || "section";
    const n = this.seen.get(base) ?? 0;
    this.seen.set(base, n + 1);
    return n === 0 ? base : `${base}-${n}`;
  }
}

export function renderMarkdown(text: string, slugger = new Slugger()): Rendered {
  const headings: Heading[] = [];
  return { html: blocks(text.split(/\r?\n/), slugger, headings), headings };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;
const HR = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^( {0,3})([-*+]|\d{1,9}[.)])\s+(.*)$/;
const TABLE_SEP = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;

function blocks(lines: string[], slugger: Slugger, headings: Heading[]): Html {
  const out: Html[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === "") {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const close = new RegExp(`^ {0,3}${fence[1][0] === "`" ? "`" : "~"}{${fence[1].length},}\\s*$`);
      let j = i + 1;
      while (j < lines.length && !close.test(lines[j])) j++;
      const lang = fence[2] ? html` class="language-${fence[2]}"` : "";
      out.push(html`<pre class="ps-pre"><code${lang}>${lines.slice(i + 1, j).join("\n")}</code></pre>`);
      i = j + 1;
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      const level = h[1].length;
      const text = plain(h[2]);
      const id = slugger.slug(text);
      headings.push({ level, text, id });
      out.push(html`<h${level} id="${id}">${inline(h[2])}</h${level}>`);
      i++;
      continue;
    }
    if (HR.test(line)) {
      out.push(html`<hr>`);
      i++;
      continue;
    }
    if (/^ {0,3}>/.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && lines[i].trim() !== "" && (/^ {0,3}>/.test(lines[i]) || quoted.length)) {
        if (!/^ {0,3}>/.test(lines[i]) && (HEADING.test(lines[i]) || FENCE.test(lines[i]))) break;
        quoted.push(lines[i].replace(/^ {0,3}> ?/, ""));
        i++;
      }
      out.push(html`<blockquote>${blocks(quoted, slugger, headings)}</blockquote>`);
      continue;
    }
    if (line.includes("|") && i + 1 < lines.length && TABLE_SEP.test(lines[i + 1]) && lines[i + 1].includes("-")) {
      const rows: string[] = [line];
      let j = i + 2;
      while (j < lines.length && lines[j].trim() !== "" && lines[j].includes("|")) rows.push(lines[j++]);
      out.push(table(rows, lines[i + 1]));
      i = j;
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      const ordered = /\d/.test(bullet[2]);
      const items: string[][] = [];
      let j = i;
      while (j < lines.length) {
        const b = BULLET.exec(lines[j]);
        if (b && /\d/.test(b[2]) === ordered && b[1].length <= bullet[1].length + 1) {
          items.push([b[3]]);
          j++;
        } else if (lines[j].trim() === "") {
          if (j + 1 < lines.length && (/^\s{2,}\S/.test(lines[j + 1]) || (BULLET.exec(lines[j + 1]) && /\d/.test(BULLET.exec(lines[j + 1])![2]) === ordered))) {
            items[items.length - 1].push("");
            j++;
          } else break;
        } else if (/^\s{2,}\S/.test(lines[j]) || !(HEADING.test(lines[j]) || FENCE.test(lines[j]) || HR.test(lines[j]))) {
          items[items.length - 1].push(lines[j].replace(/^ {2,4}/, ""));
          j++;
        } else break;
      }
      const start = ordered && parseInt(bullet[2], 10) !== 1 ? html` start="${parseInt(bullet[2], 10)}"` : "";
      const lis = items.map((it) => {
        const inner = blocks(it, slugger, headings);
        const m = htmlOf(inner);
        const tight = !it.includes("") && m.startsWith("<p>") && m.indexOf("<p>", 1) < 0;
        // a tight item is its paragraph's content: taking away the <p> tags leaves markup markup
        return html`<li>${tight ? trusted(m.replace(/^<p>/, "").replace(/<\/p>/, "")) : inner}</li>`;
      });
      out.push(ordered ? html`<ol${start}>${lis}</ol>` : html`<ul>${lis}</ul>`);
      i = j;
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i].trim() !== "" && !(FENCE.test(lines[i]) || HEADING.test(lines[i]) || HR.test(lines[i]) || /^ {0,3}>/.test(lines[i]) || (para.length && BULLET.test(lines[i])))) {
      para.push(lines[i].trim());
      i++;
    }
    out.push(html`<p>${inline(para.join("\n"))}</p>`);
  }
  return joinHtml(out, "\n");
}

function cells(row: string): string[] {
  const t = row.trim().replace(/^\|/, "").replace(/(?<!\\)\|$/, "");
  return t.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, "|"));
}

function table(rows: string[], sep: string): Html {
  const aligns = cells(sep).map((c) => (c.startsWith(":") && c.endsWith(":") ? "center" : c.endsWith(":") ? "right" : c.startsWith(":") ? "left" : ""));
  const cell = (tag: string, c: string, j: number) => html`<${tag}${aligns[j] ? html` style="text-align:${aligns[j]}"` : ""}>${inline(c)}</${tag}>`;
  const head = cells(rows[0]);
  const body = rows.slice(1).map((r) => {
    const cs = cells(r);
    return html`<tr>${head.map((_, j) => cell("td", cs[j] ?? "", j))}</tr>`;
  });
  return html`<table class="ps-md-table"><thead><tr>${head.map((c, j) => cell("th", c, j))}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Heading text without Markdown marks, for the table of contents. */
export function plain(s: string): string {
  return s
    .replace(/\\(.)/g, "$1")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|\*|_|~~)(.+?)\1/g, "$2");
}

/** Inline Markdown: code spans first (taken literally), then escapes, links, emphasis. */
export function inline(s: string): Html {
  const parts = s.split(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/);
  const out: Html[] = [];
  for (let k = 0; k < parts.length; k += 3) {
    out.push(span(parts[k]));
    if (k + 2 < parts.length) out.push(html`<code>${parts[k + 2].replace(/^ (.*) $/, "$1")}</code>`);
  }
  return html`${out}`;
}

/** Escapes, images and links become kept markup; the rest is escaped, and its emphasis marks become tags. */
function span(s: string): Html {
  const kept: Html[] = [];
  const keep = (h: Html) => `\u0000${kept.push(h) - 1}\u0000`;
  let t = s.replace(/\\([\\`*_{}[\]()#+\-.!|~<>&])/g, (_, c: string) => keep(html`${c}`));
  t = t.replace(/!\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g, (_, alt: string) => keep(html`<span class="ps-img">[image: ${alt}]</span>`));
  t = t.replace(/\[([^\]]+)\]\(([^)\s]*)(?:\s+"([^"]*)")?\)/g, (_, text: string, url: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) return keep(html`${span(text)} <span class="ps-url">(${url})</span>`);
    return keep(html`<a href="${url}">${span(text)}</a>`);
  });
  // from here t is markup: the text escaped, then the emphasis marks (which escaping leaves alone) turned into tags
  t = htmlOf(html`${t}`);
  t = t.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "<strong>$2</strong>");
  t = t.replace(/(^|[^\w*])\*(?=\S)([\s\S]*?\S)\*(?!\*)/g, "$1<em>$2</em>").replace(/(^|[^\w])_(?=\S)([\s\S]*?\S)_(?!\w)/g, "$1<em>$2</em>");
  t = t.replace(/~~(?=\S)([\s\S]*?\S)~~/g, "<del>$1</del>");
  t = t.replace(/ {2,}\n/g, "<br>\n");
  return trusted(t.replace(/\u0000(\d+)\u0000/g, (_, n: string) => htmlOf(kept[Number(n)])));
}
