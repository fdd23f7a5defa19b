import { describe, expect, it } from "vitest";
import { cardHtml } from "../../../engine/report/html/card-page.js";
import { indexHtml } from "../../../engine/report/html/index-page.js";
import { CARD_SCHEME, model } from "./fixtures.js";

/** Every URL in a page, except the SVG namespace (an identifier, never fetched). */
const urls = (html: string) => (html.match(/\b(?:https?|ftp):\/\/[^\s"'<>)]+|\bsrc=|\bhref="(?!enterprises\/|\.\.\/index\.html)[^"]*"/g) ?? []).filter((u) => u !== "http://www.w3.org/2000/svg");

describe("the league table (index.html)", () => {
  const m = model("zh");
  const html = indexHtml(m);

  it("lists the graded enterprises in rank order with movement, grade and distance to the next grade", () => {
    const rows = html.split("<tbody>")[1].split("</tbody>")[0].split("<tr ").slice(1);
    expect(rows.map((r) => r.match(/data-v="([^"]*)"><a href="enterprises\/(\w+)-[0-9a-f]{16}\.html"/)![2])).toEqual(["E5", "E3", "E4", "E2", "E1"]);
    expect(rows[0]).toContain('<span class="new">新进</span>');
    expect(rows[1]).toContain('class="up">▲1<'); // E3: 3 → 2
    expect(rows[4]).toContain('class="down">▼4<'); // E1: 1 → 5
    expect(rows[3]).toContain('data-v="30">30.00 → B<'); // E2: 80 − 50
    expect(rows[0]).toContain('data-park="P2" data-industry="" data-grade="A"');
  });

  it("is self-contained: no external URL, no external resource, styles and script inline", () => {
    expect(urls(html)).toEqual([]);
    expect(html).toContain("<style>");
    expect(html).toContain("<script>(function(){");
    expect(html).toContain("@media print");
  });

  it("has filters hidden until the script shows them, and a complete table without it", () => {
    expect(html).toContain('<div class="filters" id="filters" hidden>');
    expect(html).toContain('<option value="P1">P1</option>');
  });

  it("generates the methodology from the scheme", () => {
    const method = html.split('id="methodology"')[1];
    expect(method).toContain("甲指标");
    expect(method).toContain("基准比值 x ÷ (本期参评企业均值),上限 2");
    expect(method).toContain("60.0%"); // a's weight
    expect(method).toContain("A 0–20%;B 20–60%;C 60–100%");
    expect(method).toContain("数据版本 r1(导入于 2026-01-02T03:04:05.000Z)");
  });
});

describe("an enterprise card", () => {
  const m = model("zh", CARD_SCHEME);
  const row = (id: string) => m.result.ids.indexOf(id);

  it("says what it takes to reach the next grade, in the indicator's unit, rounded so that it does reach it", () => {
    const html = cardHtml(m, row("E1"));
    // the lowest score in B is E4's 80: the card counts from 81, the next whole point that is nobody's score
    expect(html).toContain("距 B 级还差 66.00 分(按 81 分计:B 级最低分向上取整)。");
    expect(html).not.toContain("80.00");
    // a: Δr = 66/60 = 1.1 → r = 1.35 = x/mean' with mean' = (200 − 10 + x)/5 ⇒ x = 1.35 (40 − 2)/(1 − 1.35/5) = 70.2740, rounded up: 70.28
    expect(html).toContain("<li>甲指标: 由 10.00 提高到 70.28 万元/亩</li>");
    // b: Δr = 66/40 = 1.65 → r = 1.65 above the target's cap of 1
    expect(html).toContain("<li>乙指标: 单靠该项无法达到(标准化值上限 1.00)</li>");
    expect(html).toContain("第 5 名 / 共 5 家");
  });

  it("says when one indicator cannot close the gap (above its cap)", () => {
    expect(cardHtml(m, row("E4"))).toContain("甲指标: 单靠该项无法达到(标准化值上限 2.00)");
  });

  it("does not print a park median over fewer than the scheme's minimum group (3 here)", () => {
    const html = cardHtml(m, row("E4")); // park P2 has 2 graded enterprises: E4 and E5
    expect(html).toContain("样本不足 3 家");
    expect(html).not.toMatch(/n = 2/);
    // P2's a median would be (40 + 100)/2 = 70
    expect(html).not.toContain(">70.00<");
    expect(html).not.toContain("五号");
  });

  it("compares with the park median where the park is large enough, rounded to 2 significant digits", () => {
    const html = cardHtml(m, row("E2")); // P1: a = 10, 20, 30 → median 20, E2's own value
    expect(html).toContain('<td class="num">≈20</td></tr>');
    expect(html).toContain("(n = 3)");
  });

  it("withholds every aggregate under the default minimum group of 5, and normalised values under min-max", () => {
    const html = cardHtml(model("zh"), row("E2"));
    expect(html).toContain("样本不足 5 家");
    expect(html).not.toMatch(/<td class="num">≈/); // no park median (the period's median score, over 5, stays)
    expect(html).toContain("本方案有指标以本期最高或最低值为基准");
    expect(html).not.toContain("标准化值</th>");
  });

  it("speaks English with --lang en", () => {
    const html = cardHtml(model("en", CARD_SCHEME), row("E1"));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("66.00 points short of grade B (counting from 81: the lowest score in B, rounded up).");
    expect(html).toContain("<li>Indicator A: from 10.00 to 70.28 万元/亩</li>");
    expect(html).toContain("rank 5 of 5");
  });
});
