/**
 * A card never lets its reader learn another enterprise's figure (engine/report/disclosure.ts).
 *
 * For periods of 1, 2, 3, 4, 5 and 190 enterprises, under a scheme benchmarked on means and under one
 * with a min-max indicator, every card's visible numbers (tags stripped, whole tokens: "12.34" does
 * not match inside "112.345") are compared with every other enterprise's figures — raw values,
 * normalised values, points, category points, scores — formatted as the cards print them. A hit is a
 * leak unless the same string is one of the card's own figures (its own values, points, scores, the
 * targets computed from them): four significant digits collide now and then, and a reader cannot
 * tell a coincidence with their own figure from it. Aggregates are deliberately not in that list:
 * they must never print as another enterprise's figure. Other enterprises' names and ids must not
 * appear at all. Then the demo's 260 cards are checked the same way, and a planted leak is caught.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PeriodScores } from "../../../engine/dynamic/panel.js";
import { cardFacts } from "../../../engine/report/card.js";
import { significant } from "../../../engine/report/disclosure.js";
import { cardHtml, describe as describeImprovement } from "../../../engine/report/html/card-page.js";
import { fmt, fmtScore, fmtValue } from "../../../engine/report/i18n.js";
import { loadReport } from "../../../engine/report/load.js";
import { buildReportModel, type ReportModel } from "../../../engine/report/model.js";
import { splitmix32, Xoshiro128 } from "../../../engine/random.js";
import { scorePeriod } from "../../../engine/score/period.js";
import { ROOT } from "../../cli/helpers.js";
import { frame, scheme } from "../score/fixtures.js";
import { REVISION } from "./fixtures.js";

/** Whole numbers in the visible text: digits with grouping commas and decimals, not inside a longer token. */
export function numbersIn(html: string): Set<string> {
  const text = html.replace(/<style>[\s\S]*?<\/style>/, " ").replace(/<[^>]+>/g, " ");
  return new Set(text.match(/(?<![\w.,])\d[\d,]*(?:\.\d+)?(?![\w]|[.,]\d)/g) ?? []);
}

/** Every figure of enterprise k as a card would print it, were it k's own. */
function figuresOf(m: ReportModel, k: number): string[] {
  const { lang, result, scheme } = m;
  const out: string[] = [];
  for (const ind of scheme.indicators) {
    out.push(fmtValue(result.values.get(ind.id)![k], lang), fmt(result.norm.get(ind.id)![k], 3, lang), fmtScore(result.contrib.get(ind.id)![k], lang));
  }
  out.push(fmtScore(result.score[k], lang));
  for (const c of m.categoryScores) out.push(fmtScore(c[k], lang));
  for (const h of m.history) out.push(fmtScore(h[k], lang));
  return out.filter((s) => s !== "—");
}

/** The card's own figures: enterprise i's, and what the card derives from them alone or with aggregates. */
function ownFigures(m: ReportModel, i: number): Set<string> {
  const out = new Set(figuresOf(m, i));
  const f = cardFacts(m, i);
  if (f.next.kind === "target") {
    out.add(fmtScore(f.next.distance, m.lang));
    for (const x of f.next.improvements ?? []) for (const n of numbersIn(describeImprovement(x, m.lang))) out.add(n);
  }
  for (const g of f.gaps ?? []) out.add(fmtScore(Math.abs(g.gap), m.lang));
  return out;
}

function leaks(m: ReportModel): { leaks: string[]; checks: number } {
  const { result } = m;
  const figures = Array.from({ length: result.n }, (_, k) => figuresOf(m, k));
  const found: string[] = [];
  let checks = 0;
  for (let i = 0; i < result.n; i++) {
    const html = cardHtml(m, i);
    const shown = numbersIn(html);
    const own = ownFigures(m, i);
    for (let k = 0; k < result.n; k++) {
      if (k === i) continue;
      for (const s of figures[k]) {
        checks++;
        if (shown.has(s) && !own.has(s)) found.push(`${result.ids[i]}'s card shows ${s}, a figure of ${result.ids[k]}`);
      }
      if (html.includes(result.ids[k]) || (result.names[k] !== result.names[i] && html.includes(result.names[k]))) found.push(`${result.ids[i]}'s card names ${result.ids[k]}`);
    }
  }
  return { leaks: found, checks };
}

const MEAN_SCHEME = `
id: code
name: name
carry: [park]
categories:
  - { id: money, label: { zh: 效益, en: Money }, weight: 0.7 }
  - { id: people, label: { zh: 人员, en: People }, weight: 0.3 }
indicators:
  - { id: tax, label: { zh: 亩均税收, en: Tax per mu }, unit: 万元/亩, column: tax, category: money, direction: benefit, weight: 0.5,
      normalize: { method: benchmark-ratio, benchmark: mean, factor: 1, cap: 2 } }
  - { id: output, label: { zh: 亩均产值, en: Output per mu }, unit: 万元/亩, column: output, category: money, direction: benefit, weight: 0.5,
      normalize: { method: benchmark-ratio, benchmark: mean, factor: 1, cap: 2 } }
  - { id: staff, label: { zh: 从业人员, en: Staff }, unit: 人, column: staff, category: people, direction: benefit, weight: 1,
      normalize: { method: benchmark-ratio, benchmark: median, factor: 1, cap: 2 } }
aggregation: { method: weighted-sum, scale: 100 }
grading: { method: quotas, quotas: { A: 0.2, B: 0.4, C: 0.3, D: 0.1 } }
`;
const MINMAX_SCHEME = MEAN_SCHEME.replace("normalize: { method: benchmark-ratio, benchmark: median, factor: 1, cap: 2 }", "normalize: minmax");

/** n enterprises with values of several magnitudes (whole staff counts among them), one missing value, and a previous period. */
function period(n: number, schemeYaml: string, seed: number): ReportModel {
  const gen = new Xoshiro128(splitmix32(seed));
  const rng = { next: () => gen.u32() / 2 ** 32 };
  const ids = Array.from({ length: n }, (_, i) => `91${String(100000 + i)}TEST${String(i).padStart(4, "0")}`);
  const names = ids.map((_, i) => `企业${String.fromCharCode(0x4e00 + 97 * i)}${String.fromCharCode(0x4e00 + 31 * i + 7)}`);
  // parks of 3 and 4 (too small to compare with), the rest together
  const park = ids.map((_, i) => (n >= 20 ? (i < 3 ? "P1" : i < 7 ? "P2" : "P3") : "P1"));
  const tax = ids.map(() => 2 + 40 * rng.next());
  const output = ids.map(() => 150 + 4000 * rng.next());
  const staff = ids.map((_, i) => (n > 5 && i === 5 ? NaN : Math.round(5 + 300 * rng.next())));
  const s = scheme(schemeYaml);
  const f = frame({ code: ids, name: names, park }, { tax, output, staff });
  const before: PeriodScores = {
    period: "2024",
    ids,
    names,
    status: ids.map(() => "graded"),
    score: Float64Array.from(ids, () => 40 + 80 * rng.next()),
    rank: Int32Array.from(ids, (_, i) => i + 1),
    grade: ids.map(() => "B"),
  };
  return buildReportModel({ period: "2025", scheme: s, revision: REVISION, result: scorePeriod(f, s), history: [before] }, { lang: "zh" });
}

describe("no card lets its reader learn another enterprise's figure", () => {
  for (const [what, yaml] of [["mean and median benchmarks", MEAN_SCHEME], ["a min-max indicator", MINMAX_SCHEME]] as const)
    for (const n of [1, 2, 3, 4, 5, 190])
      it(`${n} enterprise${n > 1 ? "s" : ""}, ${what}`, () => {
        const m = period(n, yaml, 1000 + n);
        const { leaks: found, checks } = leaks(m);
        expect(found).toEqual([]);
        if (n > 1) expect(checks).toBeGreaterThan(n * (n - 1) * 10);
      });

  it("prints no score, point or normalised value under 5 graded enterprises, and prints them from 5 on", () => {
    for (const n of [2, 3, 4]) {
      const f = cardFacts(period(n, MEAN_SCHEME, 7), 0);
      expect(f.score).toBeUndefined();
      expect(f.indicators.every((x) => x.norm === undefined && x.contrib === undefined && x.median === undefined)).toBe(true);
      expect(f.categories).toBeUndefined();
      expect(f.next.kind === "target").toBe(false);
    }
    const f = cardFacts(period(5, MEAN_SCHEME, 7), 0);
    expect(f.score).toBeDefined();
    expect(f.indicators.every((x) => x.norm !== undefined)).toBe(true);
  });

  it("withholds normalised values and points when an indicator is anchored on the period's extreme, and says why", () => {
    const m = period(190, MINMAX_SCHEME, 3);
    const f = cardFacts(m, 10);
    expect(f.scope).toMatchObject({ score: true, norm: false, points: false, why: ["extreme"] });
    expect(f.indicators.every((x) => x.norm === undefined && x.contrib === undefined)).toBe(true);
    expect(cardHtml(m, 10)).toContain("本方案有指标以本期最高或最低值为基准");
  });

  it("prints the park median only for a park of at least 5, rounded to 2 significant digits", () => {
    const m = period(190, MEAN_SCHEME, 5);
    expect(cardFacts(m, 1).indicators.every((x) => x.median === undefined)).toBe(true); // P1: 3
    expect(cardFacts(m, 4).indicators.every((x) => x.median === undefined)).toBe(true); // P2: 4
    const big = cardFacts(m, 50);
    expect(big.groupN).toBe(183);
    for (const x of big.indicators) expect(x.median!.value).toBe(significant(x.median!.value, 2).value);
  });

  it("shows a grade's threshold above the lowest score in it, never that score", () => {
    const m = period(190, MEAN_SCHEME, 11);
    const { result } = m;
    const lowestA = Math.min(...Array.from(result.score).filter((_, i) => result.grade[i] === "A"));
    const b = result.grade.indexOf("B");
    const f = cardFacts(m, b);
    expect(f.next.kind).toBe("target");
    if (f.next.kind !== "target") return;
    expect(f.next.threshold.value).toBeGreaterThan(lowestA);
    expect(f.next.threshold.value).toBeLessThanOrEqual(Math.floor(lowestA) + 2);
    expect(cardHtml(m, b)).not.toContain(fmtScore(lowestA, "zh"));
  });
});

describe("the demo's cards", { timeout: 60_000 }, async () => {
  const m = await loadReport(join(ROOT, "datasets", "demo"), "2025", { lang: "zh" });

  it("print no other enterprise's figure", () => {
    const { leaks: found, checks } = leaks(m);
    expect(found).toEqual([]);
    expect(checks).toBeGreaterThan(190 * 189 * 20);
  });

  it("the checker finds a leak when one is planted", () => {
    const other = fmtValue(m.result.values.get("tax_per_mu")![1], "zh");
    const planted = cardHtml(m, 0).replace("</article>", `<p>${other}</p></article>`);
    expect(numbersIn(planted).has(other)).toBe(true);
    expect(ownFigures(m, 0).has(other)).toBe(false);
  });
});
