import { describe, expect, it } from "vitest";
import { html, htmlOf, isHtml, joinHtml, trusted } from "../../../engine/charts/html.js";
import { htmlPage } from "../../../engine/charts/page.js";

describe("html tagged template", () => {
  it("escapes the five characters that can end text or an attribute value", () => {
    expect(htmlOf(html`<p title="${`a"b'c`}">${"<b>x & y</b>"}</p>`)).toBe('<p title="a&quot;b&#39;c">&lt;b&gt;x &amp; y&lt;/b&gt;</p>');
  });

  it("keeps the template's own markup and prints numbers as given", () => {
    expect(htmlOf(html`<td data-v="${-0.25}">${3}${1e21}${NaN}</td>`)).toBe('<td data-v="-0.25">31e+21NaN</td>');
  });

  it("prints nothing for null and undefined", () => {
    expect(htmlOf(html`<i>${null}${undefined}</i>`)).toBe("<i></i>");
  });

  it("inserts Html values as they are, so nesting escapes once", () => {
    const inner = html`<b>${"a<b"}</b>`;
    const outer = html`<p>${inner}</p>`;
    expect(htmlOf(outer)).toBe("<p><b>a&lt;b</b></p>");
    expect(htmlOf(html`<div>${outer}</div>`)).toBe("<div><p><b>a&lt;b</b></p></div>");
  });

  it("never escapes twice: an escaped string is text, an Html value is markup", () => {
    expect(htmlOf(html`${"&amp;"}`)).toBe("&amp;amp;");
    expect(htmlOf(html`${html`${"&"}`}`)).toBe("&amp;");
  });

  it("joins arrays without a separator, escaping strings and keeping Html", () => {
    const items = ["<x>", html`<li>${"&"}</li>`, 7, [html`<br>`, "'"]];
    expect(htmlOf(html`<ul>${items}</ul>`)).toBe("<ul>&lt;x&gt;<li>&amp;</li>7<br>&#39;</ul>");
    expect(htmlOf(joinHtml([html`<a>`, html`<b>`], "\n"))).toBe("<a>\n<b>");
  });

  it("tells Html from strings, and trusted markup is taken as is", () => {
    expect(isHtml(html`x`)).toBe(true);
    expect(isHtml("x")).toBe(false);
    expect(isHtml({ toString: () => "<b>" })).toBe(false);
    expect(htmlOf(html`${trusted("<svg></svg>")}`)).toBe("<svg></svg>");
    expect(String(html`<i>${"<"}</i>`)).toBe("<i>&lt;</i>");
  });
});

describe("page shell", () => {
  it("escapes the title and the language, puts the page's CSS between the base and print styles, scripts last", () => {
    const page = htmlPage({ lang: 'en"', title: "<T & T>", css: ".own{}", body: html`<main>${"<x>"}</main>`, head: [html`<meta name="g" content="${"a<b"}">`], scripts: ["var a=1;"] });
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en&quot;">\n<head>\n')).toBe(true);
    expect(page).toContain('<meta name="g" content="a&lt;b">\n<title>&lt;T &amp; T&gt;</title>\n<style>*{box-sizing:border-box}');
    const style = page.slice(page.indexOf("<style>"), page.indexOf("</style>"));
    expect(style.indexOf("body{margin:0")).toBeLessThan(style.indexOf(".own{}"));
    expect(style.indexOf(".own{}")).toBeLessThan(style.indexOf("@media print"));
    expect(page.endsWith("<body>\n<main>&lt;x&gt;</main>\n<script>var a=1;</script>\n</body>\n</html>\n")).toBe(true);
  });
});
