import { describe, expect, it } from "vitest";
import { ParkscoreError } from "../../../engine/errors.js";
import { parseScheme } from "../../../engine/scheme/load.js";
import { MINIMAL } from "../score/fixtures.js";

function problems(yaml: string): string[] {
  try {
    parseScheme(yaml, "s.yaml");
  } catch (e) {
    if (e instanceof ParkscoreError) return e.problems.map((p) => `${p.line}: ${p.path}: ${p.message}`);
    throw e;
  }
  return [];
}

describe("loading a scheme", () => {
  it("accepts the smallest scheme exactly as written and fills the defaults", () => {
    const { scheme, warnings } = parseScheme(MINIMAL, "s.yaml");
    expect(warnings).toEqual([]);
    expect(scheme.indicators.map((i) => [i.id, i.direction, i.weight, i.normalize.method, i.missing])).toEqual([
      ["tax_per_mu", "benefit", 0.6, "minmax", "worst"],
      ["energy_per_output", "cost", 0.4, "minmax", "worst"],
    ]);
    expect(scheme.indicators[0].label).toEqual({ zh: "亩均税收", en: "Tax per mu" });
    expect(scheme.indicators[1].label).toEqual({ zh: "energy_per_output", en: "energy_per_output" });
    expect(scheme.weighting.method).toBe("expert");
    expect(scheme.aggregation).toMatchObject({ method: "weighted-sum", scale: 100 });
    expect(scheme.grading).toMatchObject({ method: "quotas", grades: ["A", "B", "C", "D"], quotas: [0.2, 0.4, 0.35, 0.05], veto: "D" });
  });
  it("accepts JSON too", () => {
    const json = JSON.stringify({ id: "id", name: "n", indicators: [{ id: "x", direction: "cost" }], grading: { method: "bands", bands: { A: 50, B: 0 } } });
    const { scheme } = parseScheme(json, "s.json");
    expect(scheme.weighting.method).toBe("equal");
    expect(scheme.indicators[0].column).toBe("x");
  });
  it("reports every problem at once with its path and line", () => {
    const bad = [
      "id: code",
      "name: name",
      "indicators:",
      "  - { id: a, column: a, direction: benefit, weight: 0.6 }",
      "  - { id: b, column: b, direction: costs, weight: 0.4 }",
      "  - id: c",
      "    column: c",
      "    direction: benefit",
      "    wieght: 3",
      "grading: { method: quotas, quotas: { A: 0.5, B: 0.5 } }",
    ].join("\n");
    expect(problems(bad)).toEqual([
      '5: indicators[1].direction: expected "benefit" or "cost"',
      '6: indicators[2]: Unrecognized key: "wieght"',
    ]);
  });
  it("checks meaning after shape: formulas, categories, weights, quotas, veto grades", () => {
    const bad = `
id: code
name: name
categories: [{ id: out, weight: 1 }]
indicators:
  - { id: a, formula: "x +", direction: benefit, category: out, weight: 1 }
  - { id: b, column: b, direction: benefit, category: nope, weight: 1 }
  - { id: a, column: c, direction: benefit, category: out }
rules:
  veto: [{ when: x > 1, grade: E }]
grading: { method: quotas, quotas: { A: 0.5, B: 0.4 } }
`;
    const p = problems(bad);
    expect(p).toContainEqual(expect.stringMatching(/^6: indicators\[0\]\.formula: cannot parse formula "x \+"/));
    expect(p).toContainEqual('7: indicators[1].category: unknown category "nope"; defined: out');
    expect(p).toContainEqual('8: indicators[2].id: "a" is already used by indicators[0]');
    expect(p).toContainEqual("8: indicators[2].weight: expert weighting needs a weight on every indicator");
    expect(p).toContainEqual("11: grading.quotas: the quotas add up to 0.9, not 1");
    expect(p).toContainEqual('10: rules.veto[0].grade: unknown grade "E"; the grades are A, B');
  });
  it("reports YAML syntax errors with their line", () => {
    expect(problems("id: code\nname: [unclosed\n")[0]).toMatch(/^\d+: undefined: not valid YAML/);
  });
  it("rejects bands that do not decrease", () => {
    expect(problems("id: i\nname: n\nindicators: [{ id: x, direction: cost }]\ngrading: { method: bands, bands: { A: 10, B: 20 } }")).toEqual([
      "4: grading.bands.B: band thresholds must decrease from the best grade to the worst (A: 10, B: 20)",
    ]);
  });
});

describe("schemes that would silently mislead", () => {
  it("refuses expert weights that are all 0, at the first indicator, instead of taking them as equal", () => {
    expect(problems(MINIMAL.replace("weight: 0.6", "weight: 0").replace("weight: 0.4", "weight: 0"))).toEqual([
      "6: indicators[0].weight: the weights of the 2 indicators are all 0 (tax_per_mu, energy_per_output)",
    ]);
  });
  it("refuses all-0 weights within one category, and all-0 category weights", () => {
    const s = `
id: code
name: name
categories: [{ id: out, weight: 0 }, { id: green, weight: 0 }]
indicators:
  - { id: a, column: a, category: out, direction: benefit, weight: 0 }
  - { id: b, column: b, category: out, direction: benefit, weight: 0 }
  - { id: c, column: c, category: green, direction: cost, weight: 1 }
grading: { method: quotas, quotas: { A: 0.5, B: 0.5 } }
`;
    expect(problems(s)).toEqual([
      "6: indicators[0].weight: the weights of the 2 indicators of category out are all 0 (a, b)",
      "4: categories: the weights of the categories are all 0",
    ]);
  });
  it("accepts a single 0 weight (that indicator is left out)", () => {
    expect(problems(MINIMAL.replace("weight: 0.4", "weight: 0"))).toEqual([]);
  });
  it("bounds YAML aliases: a billion-laughs scheme is a scheme error naming the file", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let k = 1; k < 9; k++) levels.push(`${String.fromCharCode(97 + k)}: &${String.fromCharCode(97 + k)} [${Array(9).fill(`*${String.fromCharCode(96 + k)}`).join(", ")}]`);
    const e = (() => {
      try {
        parseScheme([...levels, "id: code", "indicators: *i"].join("\n"), "bomb.yaml");
      } catch (x) {
        return x as ParkscoreError;
      }
    })();
    expect(e).toBeInstanceOf(ParkscoreError);
    expect(e!.problems[0]).toMatchObject({ code: "scheme.aliases", file: "bomb.yaml" });
  });
  it("accepts a few aliases, as a scheme may use them", () => {
    const s = MINIMAL.replace("label: { zh: 亩均税收", "label: &l { zh: 亩均税收").replace("{ id: energy_per_output,", "{ id: energy_per_output, label: *l,");
    expect(parseScheme(s, "s.yaml").scheme.indicators[1].label).toEqual({ zh: "亩均税收", en: "Tax per mu" });
  });
});
