/**
 * A card shows its own raw figures and only aggregates of the others. Proved two ways:
 *
 * 1. On every card of the demo (2025, 190 cards): every other enterprise's raw indicator value, as
 *    the card formats it, is looked for among the numbers printed on the card (its visible text,
 *    tags stripped, whole numbers only — "12.34" does not match inside "112.345"). A hit is allowed
 *    only when the same string is also one of the card's legitimate figures, computed here from the
 *    model (its own values, normalised values, points, scores, category points, and the park's
 *    medians, the period medians, the grade boundary and the improvement targets): four significant
 *    digits collide now and then — another firm's 亩均税收 of "18.75" is indistinguishable from a park
 *    median of "18.75" that the card is entitled to print. Any other hit is a leak. Other
 *    enterprises' names and ids must not appear at all.
 * 2. A sentinel: one enterprise given distinctive figures, which no other card may print.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cardHtml } from "../../../engine/report/html/card-page.js";
import { describe as describeImprovement } from "../../../engine/report/html/card-page.js";
import { fmt, fmtScore, fmtValue } from "../../../engine/report/i18n.js";
import { loadReport } from "../../../engine/report/load.js";
import { groupOf, type ReportModel } from "../../../engine/report/model.js";
import { improvements } from "../../../engine/report/next-grade.js";
import { importPeriod, initDataset } from "../../../engine/store/dataset.js";
import { ROOT, tempDir } from "../../cli/helpers.js";

const DEMO = join(ROOT, "datasets", "demo");

/** Whole numbers in the visible text: digits with grouping commas and decimals, not inside a longer token. */
export function numbersIn(html: string): Set<string> {
  const text = html.replace(/<style>[\s\S]*?<\/style>/, " ").replace(/<[^>]+>/g, " ");
  return new Set(text.match(/(?<![\w.,])\d[\d,]*(?:\.\d+)?(?![\w]|[.,]\d)/g) ?? []);
}

/** The figures card i may print, from the model: its own and aggregates. */
function legitimate(m: ReportModel, i: number): Set<string> {
  const { lang, result, scheme } = m;
  const out = new Set<string>();
  const g = groupOf(m, i);
  for (const ind of scheme.indicators) {
    out.add(fmtValue(result.values.get(ind.id)![i], lang));
    out.add(fmt(result.norm.get(ind.id)![i], 3, lang));
    out.add(fmtScore(result.contrib.get(ind.id)![i], lang));
    const med = g.values.get(ind.id);
    if (med) out.add(fmtValue(med.median, lang));
    const c = g.contrib.get(ind.id);
    if (c) out.add(fmtScore(Math.abs(result.contrib.get(ind.id)![i] - c.median), lang));
  }
  out.add(fmtScore(result.score[i], lang));
  m.categoryScores.forEach((c) => out.add(fmt(c[i], 1, lang)));
  for (const h of m.history) out.add(fmtScore(h[i], lang));
  for (const v of m.medianHistory) out.add(fmtScore(v, lang));
  const nx = m.next[i];
  if (nx) {
    out.add(fmtScore(nx.distance, lang));
    out.add(fmtScore(nx.boundary, lang));
    for (const x of improvements(i, nx.distance, result, scheme, m.params)) for (const n of numbersIn(describeImprovement(x, lang))) out.add(n);
  }
  return out;
}

describe("confidentiality of the enterprise cards", { timeout: 60_000 }, async () => {
  const m = await loadReport(DEMO, "2025", { lang: "zh" });
  const { result, scheme } = m;

  it("no card prints another enterprise's raw value unless it is also a figure the card is entitled to", () => {
    const formatted = scheme.indicators.map((ind) => Array.from(result.values.get(ind.id)!, (v) => (Number.isFinite(v) ? fmtValue(v, "zh") : "")));
    let checks = 0, coincidences = 0;
    const leaks: string[] = [];
    for (let i = 0; i < result.n; i++) {
      const html = cardHtml(m, i);
      const shown = numbersIn(html);
      const allowed = legitimate(m, i);
      for (let k = 0; k < result.n; k++) {
        if (k === i) continue;
        for (let j = 0; j < formatted.length; j++) {
          const s = formatted[j][k];
          if (!s) continue;
          checks++;
          if (!shown.has(s)) continue;
          if (allowed.has(s)) coincidences++;
          else leaks.push(`${result.ids[i]}'s card shows ${s} = ${result.ids[k]}'s ${scheme.indicators[j].id}`);
        }
        if (html.includes(result.ids[k]) || (result.names[k] !== result.names[i] && html.includes(result.names[k]))) leaks.push(`${result.ids[i]}'s card names ${result.ids[k]}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(checks).toBeGreaterThan(190 * 189 * 5);
    // the coincidences are rare: the search has teeth (a leak would not hide among them)
    expect(coincidences / checks).toBeLessThan(0.03); // measured 1.3 %
  });

  it("the checker finds a leak when one is planted", () => {
    const i = 0, k = 1;
    const planted = cardHtml(m, i).replace("</article>", `<p>${fmtValue(result.values.get("tax_per_mu")![k], "zh")}</p></article>`);
    const s = fmtValue(result.values.get("tax_per_mu")![k], "zh");
    expect(numbersIn(planted).has(s)).toBe(true);
    expect(legitimate(m, i).has(s)).toBe(false);
  });

  it("a sentinel enterprise's distinctive figures appear on its own card only", async () => {
    const dir = join(tempDir(), "ds");
    initDataset(dir);
    copyFileSync(join(DEMO, "scheme.yaml"), join(dir, "scheme.yaml"));
    const csv = readFileSync(join(DEMO, "source", "2025.csv"), "utf8").split("\n");
    const header = csv[0].split(",");
    const cells = csv[1].split(",");
    // 税收 98,765.4321 万元 on the enterprise's own land: a 亩均税收 no one else has
    cells[header.indexOf("税收(万元)")] = "98765.4321";
    cells[header.indexOf("研发经费(万元)")] = "7777.77";
    csv[1] = cells.join(",");
    const file = join(tempDir(), "2025.csv");
    writeFileSync(file, csv.join("\n"));
    await importPeriod(dir, "2025", file);
    const s = await loadReport(dir, "2025", { lang: "zh" });
    const sentinel = s.result.ids.indexOf(cells[header.indexOf("企业代码")]);
    expect(sentinel).toBe(0);
    const mine = s.scheme.indicators.map((ind) => fmtValue(s.result.values.get(ind.id)![sentinel], "zh"));
    const own = numbersIn(cardHtml(s, sentinel));
    expect(own.has(mine[0])).toBe(true);
    for (let i = 1; i < s.result.n; i++) {
      const html = cardHtml(s, i);
      const shown = numbersIn(html);
      for (const v of [mine[0], mine[3]]) expect(shown.has(v), `card ${s.result.ids[i]} shows ${v}`).toBe(false);
      expect(html).not.toContain(s.result.names[sentinel]);
    }
  });
});
