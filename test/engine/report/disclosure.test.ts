import { describe, expect, it } from "vitest";
import { addPrinted, cardScope, maskedSummary, maskThreshold, maskValue, significant } from "../../../engine/report/disclosure.js";
import type { NormParams } from "../../../engine/report/invert.js";
import { scheme } from "../score/fixtures.js";

const rules = { minGroup: 5, digits: 2 };

describe("disclosure control for the cards", () => {
  it("rounds to significant digits, carrying the decimals that print them", () => {
    expect(significant(18.93, 2)).toEqual({ value: 19, decimals: 0 });
    expect(significant(0.0567, 2)).toEqual({ value: 0.057, decimals: 3 });
    expect(significant(32_415, 2)).toEqual({ value: 32_000, decimals: 0 });
    expect(significant(9.96, 2)).toEqual({ value: 10, decimals: 1 });
    expect(significant(-4.25, 2)).toEqual({ value: -4.3, decimals: 1 });
    expect(significant(0, 2)).toEqual({ value: 0, decimals: 0 });
  });

  it("never prints an aggregate as the text of anyone's figure: one digit coarser, else withheld", () => {
    const none = new Set<string>();
    expect(maskValue(18.93, 2, none)).toEqual({ value: 19, decimals: 0 });
    // someone's value of 1,900 prints as "1,900": a median of 1,912 cannot print so
    const printed = addPrinted(new Set(), [1900.2], () => 0);
    expect(maskValue(1912, 2, printed)).toEqual({ value: 2000, decimals: 0 });
    addPrinted(printed, [2000], () => 0);
    expect(maskValue(1912, 2, printed)).toBeUndefined();
    // the same number at other decimals prints as other text ("19.00" is not "19")
    expect(maskValue(18.93, 2, addPrinted(new Set(), [19], () => 2))).toEqual({ value: 19, decimals: 0 });
  });

  it("summarises only groups of at least min_group (type-7 quartiles, then masked)", () => {
    const x = [4.1, 9.8, 12.6, 18.93, 22.0, 30.5, 41.2];
    // h = 6q: q1 = x[1.5] = 11.2, median = x[3] = 18.93, q3 = x[4.5] = 26.25
    expect(maskedSummary(x, [0, 1, 2, 3, 4, 5, 6], rules, new Set())).toEqual({ n: 7, q1: { value: 11, decimals: 0 }, median: { value: 19, decimals: 0 }, q3: { value: 26, decimals: 0 } });
    expect(maskedSummary(x, [0, 1, 2, 3], rules, new Set())).toBeUndefined();
    expect(maskedSummary([1, 2, 3, 4, NaN], [0, 1, 2, 3, 4], rules, new Set())).toBeUndefined();
  });

  it("puts a threshold at the next 1 % of the scale strictly above the lowest score, skipping anyone's score", () => {
    const scores = addPrinted(new Set(), [126.13, 127, 80], () => 2);
    expect(maskThreshold(126.13, 100, scores)).toEqual({ value: 128, decimals: 0 }); // 127 is someone's score
    expect(maskThreshold(80, 100, scores)).toEqual({ value: 81, decimals: 0 }); // strictly above
    expect(maskThreshold(0.6213, 1, new Set())).toEqual({ value: 0.63, decimals: 2 });
    expect(maskThreshold(62.1, 1000, new Set())).toEqual({ value: 70, decimals: 0 });
  });

  it("decides what relative figures a period's cards may print", () => {
    const p = (count: number): NormParams => ({ count, mean: 1, sd: 1, min: 0, max: 2, sum: count, sumSq: count });
    const yaml = (a: string, agg = "weighted-sum") => `
id: code
name: name
indicators:
  - { id: a, column: a, direction: benefit, weight: 0.5, normalize: ${a} }
  - { id: b, column: b, direction: benefit, weight: 0.5, normalize: { method: benchmark-ratio, benchmark: mean } }
aggregation: { method: ${agg} }
grading: { method: quotas, quotas: { A: 0.5, B: 0.5 } }
`;
    const params = (n: number) => new Map([["a", p(n)], ["b", p(n)]]);
    expect(cardScope(scheme(yaml("zscore")), 10, params(10))).toEqual({ score: true, norm: true, points: true, why: [] });
    expect(cardScope(scheme(yaml("zscore")), 4, params(4))).toEqual({ score: false, norm: false, points: false, why: ["small"] });
    // b reported by only 4 of 10: its mean benchmark is a group of 4
    expect(cardScope(scheme(yaml("zscore")), 10, new Map([["a", p(10)], ["b", p(4)]]))).toMatchObject({ score: true, norm: false, why: ["small"] });
    expect(cardScope(scheme(yaml("minmax")), 10, params(10))).toEqual({ score: true, norm: false, points: false, why: ["extreme"] });
    // a fixed target needs no population
    expect(cardScope(scheme(yaml("{ method: target, floor: 0, target: 10 }")), 10, new Map([["a", p(1)], ["b", p(10)]]))).toMatchObject({ norm: true });
    expect(cardScope(scheme(yaml("zscore", "topsis")), 10, params(10))).toEqual({ score: true, norm: true, points: false, why: ["ideal"] });
  });

  it("refuses a minimum group under 3 in the scheme", () => {
    expect(() => scheme(`
id: code
name: name
indicators: [{ id: a, column: a, direction: benefit, weight: 1 }]
grading: { method: quotas, quotas: { A: 1 } }
disclosure: { min_group: 2 }
`)).toThrow(/min_group is at least 3/);
  });
});
