import { describe, expect, test } from "vitest";
import { htmlOf } from "../../../engine/index.js";
import { renderMarkdown } from "../../../notebooks/runtime/markdown.js";
import { expectEscaped, HOSTILE } from "../../hostile-value.js";

/** The page markup of Markdown text. */
const md = (text: string) => htmlOf(renderMarkdown(text).html);

describe("prose Markdown", () => {
  test("headings get unique ids for the table of contents", () => {
    const r = renderMarkdown("## 园区 趋势\n\n### Rank *movement*\n\n## 园区 趋势");
    expect(r.headings).toEqual([
      { level: 2, text: "园区 趋势", id: "园区-趋势" },
      { level: 3, text: "Rank movement", id: "rank-movement" },
      { level: 2, text: "园区 趋势", id: "园区-趋势-1" },
    ]);
    expect(htmlOf(r.html)).toContain('<h3 id="rank-movement">Rank <em>movement</em></h3>');
  });

  test("inline marks, escaping and code spans", () => {
    expect(md("a **b** _c_ `x < y` <i>raw</i> \\*lit\\* ~~d~~")).toBe("<p>a <strong>b</strong> <em>c</em> <code>x &lt; y</code> &lt;i&gt;raw&lt;/i&gt; *lit* <del>d</del></p>");
    expect(md("snake_case_name stays")).toBe("<p>snake_case_name stays</p>");
  });

  test("external links and images reference nothing; local anchors stay links", () => {
    expect(md("[docs](https://example.com/a) and [below](#scores) ![chart](https://x/y.png)")).toBe(
      '<p>docs <span class="ps-url">(https://example.com/a)</span> and <a href="#scores">below</a> <span class="ps-img">[image: chart]</span></p>',
    );
  });

  test("lists, quotes, tables, rules and fenced code", () => {
    expect(md("- one\n- two **2**\n\n1. a\n2. b\n\n> quoted\n\n| park | score |\n|---|--:|\n| 甲 | 1.5 |\n\n---\n\n```sql\nselect <1>\n```")).toBe(
      [
        "<ul><li>one</li><li>two <strong>2</strong></li></ul>",
        "<ol><li>a</li><li>b</li></ol>",
        "<blockquote><p>quoted</p></blockquote>",
        '<table class="ps-md-table"><thead><tr><th>park</th><th style="text-align:right">score</th></tr></thead><tbody><tr><td>甲</td><td style="text-align:right">1.5</td></tr></tbody></table>',
        "<hr>",
        '<pre class="ps-pre"><code class="language-sql">select &lt;1&gt;</code></pre>',
      ].join("\n"),
    );
  });

  test("raw markup in every place of the prose stays text: paragraphs, headings, lists, quotes, tables, code, links, images", () => {
    const tableCell = HOSTILE.replace("|", "\\|");
    const text = [
      HOSTILE,
      `## ${HOSTILE}`,
      `- ${HOSTILE}`,
      `> ${HOSTILE}`,
      `| h |\n|---|\n| ${tableCell} |`,
      "```" + `"><script>\n${HOSTILE}\n` + "```",
      `\`${HOSTILE}\``,
      `[${HOSTILE}](#a"><script>) [x](https://e.com/"><script>) ![${HOSTILE}](a.png)`,
    ].join("\n\n");
    const out = md(text);
    expectEscaped(out, 9); // paragraph, heading, item, quote, table cell, code block, code span, link text, image
    expect(out).toContain('<a href="#a&quot;&gt;&lt;script&gt;">');
    expect(out).toContain('<span class="ps-url">(https://e.com/&quot;&gt;&lt;script&gt;)</span>');
    expect(out).toContain('<code class="language-&quot;&gt;&lt;script&gt;">');
    expect(out).toContain("[image: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;]");
    expect(out).not.toContain("<script");
  });
});
