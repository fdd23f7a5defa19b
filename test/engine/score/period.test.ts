import { Float64, Table, tableToIPC, Utf8, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { readArrow } from "../../../engine/data/arrow.js";
import { ParkscoreError } from "../../../engine/errors.js";
import type { TextColumns } from "../../../engine/data/text.js";
import { schemeColumns } from "../../../engine/scheme/columns.js";
import { scorePeriod } from "../../../engine/score/period.js";
import { resultTable } from "../../../engine/score/table.js";
import { FIVE, frame, MINIMAL, scheme } from "./fixtures.js";

describe("scoring a period with the smallest scheme", () => {
  const r = scorePeriod(FIVE, scheme(MINIMAL));
  it("scores 100 × Σ w·minmax, as by hand", () => {
    expect([...r.score]).toEqual([68, 68, 60, 56, 0]);
  });
  it("ties mathematically equal scores despite binary rounding (0.6·⅔ + 0.4·0.7 = 0.6 + 0.4·0.2)", () => {
    expect([...r.rank]).toEqual([1, 1, 3, 4, 5]);
    expect(r.grade.slice(0, 2)).toEqual(["A", "A"]);
  });
  it("derives the formula indicator and keeps its values", () => {
    expect([...r.values.get("tax_per_mu")!]).toEqual([10, 15, 5, 10, 0]);
  });
  it("reports final weights summing to 1", () => {
    expect(r.weights.map((w) => w.weight)).toEqual([0.6, 0.4]);
  });
  it("has contributions that add up to the score", () => {
    for (let i = 0; i < 5; i++) expect(r.contrib.get("tax_per_mu")![i] + r.contrib.get("energy_per_output")![i]).toBeCloseTo(r.score[i], 9);
  });
  it("publishes the columns in the documented order", () => {
    expect(resultTable(r).map((c) => c.name)).toEqual([
      "id", "name", "status", "score", "raw", "rank", "grade", "vetoed", "reasons",
      "norm.tax_per_mu", "norm.energy_per_output", "contrib.tax_per_mu", "contrib.energy_per_output",
      "value.tax_per_mu", "value.energy_per_output",
    ]);
  });
});

const RULES = `
id: code
name: name
carry: [park]
derive:
  - { id: land_mu, formula: land_m2 / 666.67 }
indicators:
  - { id: tax_per_mu, formula: tax / land_mu, direction: benefit, weight: 1, missing: worst }
  - { id: rd, column: rd, direction: benefit, weight: 1, missing: mean-score }
  - { id: emission, column: emission, direction: cost, weight: 2, missing: exclude }
eligible: { when: land_mu >= 3, reason: { zh: 用地不足3亩, en: under 3 mu } }
rules:
  veto:
    - { when: accidents > 0, reason: { zh: 重大安全事故, en: serious accident } }
  adjust:
    - { when: high_tech == 1, points: 4, reason: { zh: 高新技术企业, en: high-tech } }
    - { when: patents >= 2, points: 3, reason: patents }
  cap: 5
grading: { method: bands, bands: { A: 70, B: 40, C: 0 } }
`;

// 666.67 m² ≈ 1 亩. Row 3 is on under 3 亩, row 5 has no emission figure.
const DATA = frame(
  { code: ["a", "b", "c", "d", "e", "f"], name: ["A", "B", "C", "D", "E", "F"], park: ["东山", "广耀", "东山", "广耀", "东山", "广耀"] },
  {
    land_m2: [6666.7, 6666.7, 1333.34, 6666.7, 6666.7, 6666.7],
    tax: [100, 50, 80, NaN, 0, 20],
    rd: [0.1, NaN, 0.2, 0.3, 0.5, 0.2],
    emission: [1, 2, 3, 4, NaN, 5],
    accidents: [0, 0, 0, 1, 0, 0],
    high_tech: [1, 0, 0, 0, 1, 1],
    patents: [5, 0, 0, 0, 0, 2],
  },
);

describe("eligibility, missing values and rules", () => {
  const s = scheme(RULES);
  const r = scorePeriod(DATA, s);
  it("lists the ineligible as not-graded with the scheme's reason, never drops them", () => {
    expect(r.status).toEqual(["graded", "graded", "not-graded", "graded", "excluded", "graded"]);
    expect(r.reasons[2].map((x) => x.label.en)).toEqual(["under 3 mu"]);
    expect(r.score[2]).toBeNaN();
    expect(r.rank[2]).toBe(0);
    expect(r.grade[2]).toBe("");
  });
  it("excludes an enterprise missing an `exclude` indicator, with the reason", () => {
    expect(r.reasons[4][0].kind).toBe("excluded");
  });
  it("normalises over the graded population and fills missing values by policy", () => {
    // graded: a, b, d, f. tax per mu: 10, 5, missing, 2 → minmax 1, 3/8, worst (0), 0
    const tax = r.norm.get("tax_per_mu")!;
    expect(tax[0]).toBeCloseTo(1, 12);
    expect(tax[1]).toBeCloseTo(3 / 8, 12);
    expect(tax[3]).toBe(0);
    // rd: 0.1, missing, 0.3, 0.2 → 0, mean-score (0 + 1 + 0.5)/3 = 0.5, 1, 0.5
    const rd = r.norm.get("rd")!;
    expect(rd[1]).toBeCloseTo(0.5, 12);
    expect(r.reasons[1].map((x) => x.kind)).toEqual(["missing"]);
    expect(r.warnings.some((w) => w.code === "score.missing" && w.message.includes("have no rd"))).toBe(true);
  });
  it("adds bonus points within the cap and records each", () => {
    // a: weights ¼ ¼ ½; tax 1, rd 0, emission (5−1)/4 = 1 → 75, +4 +3 capped at +5 → 80
    expect(r.score[0]).toBeCloseTo(80, 9);
    expect(r.reasons[0].map((x) => x.points)).toEqual([4, 3]);
    expect(r.grade[0]).toBe("A");
  });
  it("forces a vetoed enterprise into the veto grade and ranks it after all others", () => {
    expect(r.vetoed[3]).toBe(1);
    expect(r.grade[3]).toBe("C");
    expect(r.rank[3]).toBe(4);
    expect(r.reasons[3].some((x) => x.kind === "veto" && x.label.zh === "重大安全事故")).toBe(true);
  });
  it("carries text columns", () => {
    expect(r.carry.get("park")).toEqual(["东山", "广耀", "东山", "广耀", "东山", "广耀"]);
  });
});

describe("formula problems", () => {
  it("turns a division by zero into a missing value and warns with the rows", () => {
    const f = frame({ code: ["x", "y", "z"], name: ["X", "Y", "Z"] }, { tax: [1, 2, 3], land_mu: [1, 0, 2], energy_per_output: [1, 2, 3] });
    const r = scorePeriod(f, scheme(MINIMAL));
    expect(r.values.get("tax_per_mu")![1]).toBeNaN();
    const w = r.warnings.find((x) => x.code === "formula.missing")!;
    expect(w.message).toMatch(/division by zero in 1 row\(s\) \(rows 3\)/);
    expect(Number.isFinite(r.score[1])).toBe(true); // scored as worst, not NaN
  });
  it("refuses a negative divisor, naming the formula, the column and the rows", () => {
    const f = frame({ code: ["x", "y", "z", "w"], name: ["X", "Y", "Z", "W"] }, { tax: [1, 2, 3, 4], land_mu: [1, -2, 2, -0.5], energy_per_output: [1, 2, 3, 4] });
    const e = errorOf(() => scorePeriod(f, scheme(MINIMAL)));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatchObject({ code: "formula.negative-divisor", path: "indicators[0].formula", column: "land_mu" });
    expect(e.problems[0].message).toBe(`"tax / land_mu" divides by land_mu, which is negative in 2 row(s) (rows 3, 5), which would turn the ratio's sign`);
    expect(e.problems[0].fix).toMatch(/correct those values/);
  });
  it("refuses an indicator no enterprise reported, naming it and its column", () => {
    const f = frame({ code: ["x", "y"], name: ["X", "Y"] }, { tax: [1, 2], land_mu: [1, 2], energy_per_output: [NaN, NaN] });
    const e = errorOf(() => scorePeriod(f, scheme(MINIMAL)));
    expect(e.problems[0]).toMatchObject({ code: "score.no-values", path: "indicators[1]" });
    expect(e.problems[0].message).toBe('no enterprise has a value for the indicator energy_per_output: column "energy_per_output" is empty in every row');
  });
  it("still scores an indicator some enterprises reported (missing values by the scheme's policy)", () => {
    const f = frame({ code: ["x", "y"], name: ["X", "Y"] }, { tax: [1, 2], land_mu: [1, 2], energy_per_output: [NaN, 3] });
    expect(scorePeriod(f, scheme(MINIMAL)).warnings.map((w) => w.code)).toContain("score.missing");
  });
});

function errorOf(f: () => unknown): ParkscoreError {
  try {
    f();
  } catch (e) {
    if (e instanceof ParkscoreError) return e;
    throw e;
  }
  throw new Error("expected a ParkscoreError");
}

describe("TOPSIS normalisation", () => {
  it("uses vector normalisation by default, as the original method (numpy: test/reference/topsis_five.py)", () => {
    const r = scorePeriod(FIVE, scheme(MINIMAL.replace("{ method: weighted-sum }", "{ method: topsis }")));
    [0.6734790150189592, 0.709867189820581, 0.4787342369839946, 0.6057947877615426, 0].forEach((c, i) => expect(r.raw[i]).toBeCloseTo(c, 14));
  });
  it("uses the indicators' own normalisation with normalize: indicators", () => {
    const r = scorePeriod(FIVE, scheme(MINIMAL.replace("{ method: weighted-sum }", "{ method: topsis, normalize: indicators }")));
    [0.676731838286113, 0.654169893312894, 0.527864045000421, 0.579655211286321, 0].forEach((c, i) => expect(r.raw[i]).toBeCloseTo(c, 14));
  });
});

describe("outlier treatment in the pipeline", () => {
  it("winsorises before normalising, records every change, and keeps the reported value", () => {
    // COINr's documented example: winsorise(c(1:10, 30, 100)) replaces 100 by 30, then 30 by 10.
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
    const f = frame({ code: x.map((_, i) => `e${i}`), name: x.map((_, i) => `n${i}`) }, { x });
    const s = scheme(`
id: code
name: name
indicators: [{ id: x, direction: benefit, weight: 1 }]
outliers: { method: winsorize }
grading: { method: bands, bands: { A: 50, B: 0 } }
`);
    const r = scorePeriod(f, s);
    expect(r.treated.map((t) => [t.id, t.from, t.to])).toEqual(expect.arrayContaining([["e11", 100, expect.any(Number)]]));
    expect(r.values.get("x")![11]).toBe(100);
    expect(r.norm.get("x")![11]).toBe(1);
    expect(r.norm.get("x")![10]).toBe(1); // tied with the treated maximum
    expect(r.warnings.some((w) => w.code === "score.outliers")).toBe(true);
  });
});

describe("degenerate data under every method", () => {
  const methods = ["weighted-sum", "topsis", "weighted-product", "vikor", "grey-relational", "rank-sum-ratio"];
  const weightings = ["expert", "equal", "{ method: entropy }", "{ method: critic }", "{ method: stddev }"];
  const yaml = (m: string, w: string) => `
id: code
name: name
indicators:
  - { id: x, direction: benefit, weight: 0.5 }
  - { id: flat, direction: cost, weight: 0.5 }
weighting: ${w}
aggregation: { method: ${m} }
grading: { method: quotas, quotas: { A: 0.5, B: 0.5 } }
`;
  const cases = {
    "a single enterprise": frame({ code: ["a"], name: ["A"] }, { x: [3], flat: [1] }),
    "ties and a constant column": frame({ code: ["a", "b", "c"], name: ["A", "B", "C"] }, { x: [2, 2, 5], flat: [1, 1, 1] }),
    "zeros": frame({ code: ["a", "b", "c"], name: ["A", "B", "C"] }, { x: [0, 0, 4], flat: [0, 0, 0] }),
  };
  for (const [what, f] of Object.entries(cases))
    for (const m of methods)
      for (const w of weightings)
        it(`${what}: ${m} with ${w} gives finite scores and ranks`, () => {
          const r = scorePeriod(f, scheme(yaml(m, w)));
          for (let i = 0; i < r.n; i++) {
            expect(Number.isFinite(r.score[i])).toBe(true);
            expect(r.rank[i]).toBeGreaterThan(0);
          }
          const sum = r.weights.reduce((a, x) => a + x.weight, 0);
          expect(sum).toBeCloseTo(1, 12);
        });
});

describe("text of a period read from Arrow", () => {
  it("stays undecoded through scoring; the carried columns decode once, when first read", () => {
    const park = ["高新区", "钢厂片区", "高新区", "", "钢厂片区"];
    const table = new Table({
      code: vectorFromArray(FIVE.texts.get("code")!, new Utf8()),
      name: vectorFromArray(FIVE.texts.get("name")!, new Utf8()),
      park: vectorFromArray(park, new Utf8()),
      ...Object.fromEntries([...FIVE.numbers].map(([k, v]) => [k, vectorFromArray(Array.from(v), new Float64())])),
    });
    const s = scheme(MINIMAL + "carry: [park]\n");
    const f = readArrow(tableToIPC(table), "p.arrow", schemeColumns(s));
    const texts = f.texts as TextColumns;
    const r = scorePeriod(f, s);
    expect([...r.score]).toEqual([68, 68, 60, 56, 0]);
    for (const c of ["code", "name", "park"]) expect(texts.utf8(c)).toBeDefined();
    expect(r.carry.get("park")).toEqual(park);
    expect(texts.utf8("park")).toBeUndefined(); // decoded in the frame: the result and the frame share it
    expect(r.carry.get("park")).toBe(texts.get("park"));
  });
});

describe("a method's refusal names the indicator and the enterprise", () => {
  it("a weighted product over z-scores (negative) names the indicator by id and the row by enterprise and source line", () => {
    const s = scheme(MINIMAL.replace(/normalize: minmax/g, "normalize: zscore").replace("method: weighted-sum", "method: weighted-product"));
    // z-scores of tax per mu 10, 15, 5, 10, 0: E3 (row 4) is the first below 0 on the first indicator with weight.
    expect(() => scorePeriod(FIVE, s)).toThrow(/^scheme\.yaml: aggregation: weighted product: indicator tax_per_mu has a negative normalised value \(-?[\d.e-]+ for E3 \(test\.csv row 4\)\)/);
  });
});
