import { describe, expect, it } from "vitest";
import { cardFile } from "../../../engine/report/model.js";
import type { Inverse } from "../../../engine/report/invert.js";
import { improvements } from "../../../engine/report/next-grade.js";
import { CARD_SCHEME, model } from "./fixtures.js";

describe("the report model", () => {
  const m = model();
  const row = (id: string) => m.result.ids.indexOf(id);

  it("scores the fixture as computed by hand", () => {
    expect(Array.from(m.result.score)).toEqual([15, 50, 85, 80, 160]);
    expect(m.result.grade).toEqual(["C", "C", "B", "B", "A"]);
    expect(m.order.map((i) => m.result.ids[i])).toEqual(["E5", "E3", "E4", "E2", "E1"]);
  });

  it("gives movement against the previous period: previous rank − rank, new entrants marked", () => {
    // 2024 ranks E1 1, E2 2, E3 3, E4 4; 2025 ranks E1 5, E2 4, E3 2, E4 3, E5 1 (new)
    expect(Array.from(m.rankChange.subarray(0, 4))).toEqual([-4, -2, 1, 1]);
    expect(m.rankChange[4]).toBeNaN();
    expect(Array.from(m.isNew)).toEqual([0, 0, 0, 0, 1]);
    // grades 2024 A B B C → 2025 C C B B: index(prev) − index(now)
    expect(Array.from(m.gradeChange.subarray(0, 4))).toEqual([-2, -1, 0, 1]);
    expect(m.previousGradeCounts).toEqual([1, 2, 1]);
    expect(m.gradeCounts).toEqual([1, 2, 2]);
    expect(m.alerts.filter((a) => a.kind === "grade-fell").map((a) => a.id)).toEqual(["E1", "E2"]);
  });

  it("gives the distance to the next grade: the lowest score holding it minus the score", () => {
    expect(m.boundaries).toEqual(new Map([["C", 15], ["B", 80], ["A", 160]]));
    expect(m.next[row("E2")]).toEqual({ grade: "B", boundary: 80, distance: 30 });
    expect(m.next[row("E1")]).toEqual({ grade: "B", boundary: 80, distance: 65 });
    expect(m.next[row("E3")]).toEqual({ grade: "A", boundary: 160, distance: 75 });
    expect(m.next[row("E5")]).toBeUndefined(); // already A
  });

  it("gives single-indicator improvements in the indicator's unit, inverting the benchmark ratio with its cap", () => {
    const get = (id: string) => Object.fromEntries(improvements(row(id), m.next[row(id)]!.distance, m.result, m.scheme, m.params).map((x) => [x.indicator.id, x]));
    const x = (t: Inverse) => (t.kind === "value" ? t.x : NaN);
    // E2: 30 points via a (weight 0.6, scale 100) is Δr = 30/60 = 0.5 → r = 0.5 + 0.5 = 1: x/mean' = 1 where the
    // mean moves with x: mean' = (200 − 20 + x)/5 ⇒ x = (40 − 20/5)/(1 − 1/5) = 45. Check: a = 10 45 30 40 100, mean 45.
    const e2 = get("E2");
    expect(e2.a.gain).toBeCloseTo(0.5, 12);
    expect(x(e2.a.target)).toBeCloseTo(45, 10);
    // via b (min-max) the value in units would disclose the period's max (E3's and E5's 10): withheld; Δr = 30/40 = 0.75
    expect(e2.b.target).toEqual({ kind: "withheld" });
    expect(e2.b.gain).toBeCloseTo(0.75, 12);
    // E1: 65 points: Δr = 65/60 → r = 0.25 + 1.08333 = 4/3 ⇒ x = (4/3)(40 − 2)/(1 − (4/3)/5) = 69.0909
    // check: mean' = (69.0909 + 20 + 30 + 40 + 100)/5 = 51.818, 69.0909/51.818 = 1.3333
    expect(x(get("E1").a.target)).toBeCloseTo(760 / 11, 10);
    // E3 to A: 75 points: Δr = 1.25 → r = 2 = the cap exactly ⇒ x = 2(40 − 6)/(1 − 2/5) = 113.33; check mean' 56.667, ratio 2
    expect(x(get("E3").a.target)).toBeCloseTo(340 / 3, 10);
    // E4 to A: 80 points: Δr = 1.3333 → r = 2.3333 > cap 2: unreachable by a alone
    expect(get("E4").a.target).toEqual({ kind: "unreachable", limit: 2 });
    // easiest first: the reachable one before the withheld one
    expect(improvements(row("E2"), 30, m.result, m.scheme, m.params).map((x) => x.indicator.id)).toEqual(["a", "b"]);
  });

  it("withholds a park's aggregates under the scheme's minimum group, and rounds them over it", () => {
    // the default minimum group is 5: neither park (3 and 2) is shown
    expect(m.cards.groups.get("P1")!.values.get("a")).toBeUndefined();
    const small = model("zh", CARD_SCHEME); // min_group 3
    const p1 = small.cards.groups.get("P1")!, p2 = small.cards.groups.get("P2")!;
    expect(p1.n).toBe(3);
    // a = 10, 20, 30: quartiles 15, 20, 25, two significant digits, none printed as anyone's figure
    expect(p1.values.get("a")).toEqual({ n: 3, q1: { value: 15, decimals: 0 }, median: { value: 20, decimals: 0 }, q3: { value: 25, decimals: 0 } });
    expect(p2.n).toBe(2);
    expect(p2.values.get("a")).toBeUndefined();
    expect(p2.categories.every((c) => c === undefined)).toBe(true);
  });

  it("names each card file uniquely and portably, whatever the id", () => {
    const uscc = cardFile("91130481MA0096KJ5P");
    expect(uscc).toMatch(/^91130481MA0096KJ5P-[0-9a-f]{16}\.html$/);
    expect(cardFile("../a b")).toMatch(/^ab-[0-9a-f]{16}\.html$/);
    expect(cardFile("甲乙丙")).toMatch(/^[0-9a-f]{16}\.html$/);
    expect(cardFile("x".repeat(300)).length).toBeLessThanOrEqual(24 + 1 + 16 + 5);
    expect(cardFile("CON")).not.toMatch(/^(CON|NUL|COM\d|LPT\d)\./i);
    const ids = ["ab", "AB", "Ab", "a b", "a/b", "CON", "con", "NUL", "COM1", "_2f_", "/", "甲".repeat(40), "甲".repeat(41)];
    expect(new Set(ids.map((id) => cardFile(id).toLowerCase())).size).toBe(ids.length);
  });
});

describe("the report model under other schemes", () => {
  it("takes a grade's boundary from the scheme's bands", async () => {
    const { buildReportModel } = await import("../../../engine/report/model.js");
    const { scorePeriod } = await import("../../../engine/score/period.js");
    const { scheme } = await import("../score/fixtures.js");
    const { FRAME, REVISION } = await import("./fixtures.js");
    const bands = scheme(`
id: code
name: name
indicators:
  - { id: a, column: a, direction: benefit, weight: 1, normalize: { method: benchmark-ratio, benchmark: 40, factor: 1 } }
aggregation: { method: weighted-sum, scale: 100 }
grading: { method: bands, bands: { A: 100, B: 50, C: 0 } }
`);
    // scores 25, 50, 75, 100, 250: C, B, B, A, A
    const m = buildReportModel({ period: "2025", scheme: bands, revision: REVISION, result: scorePeriod(FRAME, bands), history: [] });
    expect(m.result.grade).toEqual(["C", "B", "B", "A", "A"]);
    expect(m.next[0]).toEqual({ grade: "B", boundary: 50, distance: 25 });
    expect(m.next[2]).toEqual({ grade: "A", boundary: 100, distance: 25 });
    // E1 to B: Δr = 25/100 → r = 0.5 → x = 20 (a numeric benchmark, 40, does not move)
    expect(improvements(0, 25, m.result, m.scheme, m.params)[0].target).toEqual({ kind: "value", x: 20 });
    // no park carried: one group of everyone, no park filter
    expect(m.parks).toEqual([]);
    expect(m.cards.everyone.n).toBe(5);
  });

  it("computes no single-indicator improvement when the aggregation is not a weighted sum", async () => {
    const { buildReportModel } = await import("../../../engine/report/model.js");
    const { scorePeriod } = await import("../../../engine/score/period.js");
    const { SCHEME_YAML, FRAME, REVISION } = await import("./fixtures.js");
    const { scheme } = await import("../score/fixtures.js");
    const { cardHtml } = await import("../../../engine/report/html/card-page.js");
    const topsis = scheme(SCHEME_YAML.replace("aggregation: { method: weighted-sum, scale: 100 }", "aggregation: { method: topsis, scale: 100 }"));
    const m = buildReportModel({ period: "2025", scheme: topsis, revision: REVISION, result: scorePeriod(FRAME, topsis), history: [] });
    const i = m.order[m.order.length - 1];
    expect(m.next[i]).toBeDefined();
    expect(improvements(i, m.next[i]!.distance, m.result, m.scheme, m.params)).toEqual([]);
    expect(cardHtml(m, i)).toContain("该汇总方法下单项指标的作用不是固定分值");
  });
});
