/** The scheme's weighting section end to end: levels, objective methods, AHP, combinations. */
import { describe, expect, it } from "vitest";
import { ParkscoreError } from "../../../engine/errors.js";
import { parseScheme } from "../../../engine/scheme/load.js";
import { scorePeriod } from "../../../engine/score/period.js";
import { frame } from "./fixtures.js";

// test/reference/hierarchical.py holds the same data and the numpy computations.
const DATA = frame(
  { code: ["1", "2", "3", "4", "5", "6"], name: ["甲", "乙", "丙", "丁", "戊", "己"] },
  { a: [10, 12, 8, 15, 9, 11], b: [3, 2, 4, 1, 5, 2.5], c: [0.5, 0.7, 0.2, 0.9, 0.4, 0.6], d: [20, 25, 30, 10, 15, 40] },
);

const FLAT = (weighting: string) => `
id: code
name: name
indicators:
  - { id: a, direction: benefit, weight: 0.4 }
  - { id: b, direction: benefit, weight: 0.3 }
  - { id: c, direction: benefit, weight: 0.2 }
  - { id: d, direction: benefit, weight: 0.1 }
weighting: ${weighting}
grading: { method: quotas, quotas: { A: 0.5, B: 0.5 } }
`;

const weightsOf = (yaml: string) => scorePeriod(DATA, parseScheme(yaml, "s.yaml").scheme).weights.map((w) => w.weight);
const close = (got: number[], want: number[]) => want.forEach((w, j) => expect(got[j]).toBeCloseTo(w, 14));

describe("objective weights through the scheme", () => {
  it("entropy over all indicators matches numpy", () => {
    close(weightsOf(FLAT("{ method: entropy }")), [0.28926301519777514, 0.23341348164559822, 0.21296997787489924, 0.2643535252817274]);
  });
  it("CRITIC matches numpy", () => {
    close(weightsOf(FLAT("{ method: critic }")), [0.22218161887807228, 0.31725294840572577, 0.21273558188738068, 0.24782985082882128]);
  });
  it("combines expert and entropy multiplicatively and linearly", () => {
    close(weightsOf(FLAT("{ method: combined, combine: multiplicative, of: [expert, entropy] }")), [0.45417586169991975, 0.27486430235374076, 0.16719355419740017, 0.1037662817489392]);
    close(weightsOf(FLAT("{ method: combined, combine: linear, mu: 0.5, of: [expert, entropy] }")), [0.3446315075988876, 0.2667067408227991, 0.20648498893744963, 0.1821767626408637]);
  });
  it("shows each combined weighting's weights", () => {
    const r = scorePeriod(DATA, parseScheme(FLAT("{ method: combined, combine: linear, of: [expert, entropy] }"), "s.yaml").scheme);
    expect(r.weights[0].components).toEqual({ expert: expect.closeTo(0.4, 14), entropy: expect.closeTo(0.28926301519777514, 14) });
  });
});

const HIER = (weighting: string) => `
id: code
name: name
categories:
  - { id: out, weight: 0.7 }
  - { id: green, weight: 0.3 }
indicators:
  - { id: a, direction: benefit, category: out }
  - { id: b, direction: benefit, category: out }
  - { id: c, direction: benefit, category: green }
  - { id: d, direction: benefit, category: green }
weighting: ${weighting}
grading: { method: quotas, quotas: { A: 0.5, B: 0.5 } }
`;

describe("hierarchical weights", () => {
  it("runs entropy inside each category under the expert category weights", () => {
    const r = scorePeriod(DATA, parseScheme(HIER("{ method: entropy }"), "s.yaml").scheme);
    close(r.weights.map((w) => w.weight), [0.38739853783614747, 0.3126014621638525, 0.13385260298298132, 0.1661473970170187]);
    expect(r.weights.map((w) => w.categoryWeight)).toEqual([0.7, 0.7, 0.3, 0.3]);
    expect(r.weightingNotes.map((n) => n.level)).toEqual(["indicators of category out", "indicators of category green"]);
  });
  it("weights categories by AHP: two categories judged 3:1 give 0.75 / 0.25", () => {
    const r = scorePeriod(DATA, parseScheme(HIER('{ method: equal, categories: ahp, judgements: { categories: [[1, 3], ["1/3", 1]] } }'), "s.yaml").scheme);
    close(r.weights.map((w) => w.weight), [0.375, 0.375, 0.125, 0.125]);
  });
});

describe("AHP in the scheme", () => {
  // Saaty (1990), EJOR 48:9–26, buying a house: λmax 9.669, CR 0.169 (see test/engine/scheme/ahp.test.ts).
  const house = [
    [1, 5, 3, 7, 6, 6, "1/3", "1/4"],
    ["1/5", 1, "1/3", 5, 3, 3, "1/5", "1/7"],
    ["1/3", 3, 1, 6, 3, 4, 6, "1/5"],
    ["1/7", "1/5", "1/6", 1, "1/3", "1/4", "1/7", "1/8"],
    ["1/6", "1/3", "1/3", 3, 1, "1/2", "1/5", "1/6"],
    ["1/6", "1/3", "1/4", 4, 2, 1, "1/5", "1/6"],
    [3, 5, "1/6", 7, 5, 5, 1, "1/2"],
    [4, 7, 5, 8, 6, 6, 2, 1],
  ];
  const scheme = (accept: boolean) => `
id: code
name: name
indicators: [${"abcdefgh".split("").map((x) => `{ id: ${x}, direction: benefit }`).join(", ")}]
weighting: { method: ahp, judgements: { indicators: ${JSON.stringify(house)} }${accept ? ", accept_inconsistent: true" : ""} }
grading: { method: quotas, quotas: { A: 1 } }
`;
  it("rejects an inconsistent matrix, naming CR and the most inconsistent judgement", () => {
    try {
      parseScheme(scheme(false), "s.yaml");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ParkscoreError);
      const p = (e as ParkscoreError).problems[0];
      expect(p.path).toBe("weighting.judgements.indicators");
      expect(p.message).toMatch(/CR = 0\.16\d\d .*row 3, column 7: 6,/);
    }
  });
  it("accepts it when told to, with a warning", () => {
    const { warnings } = parseScheme(scheme(true), "s.yaml");
    expect(warnings[0].message).toMatch(/accepted/);
  });
});
