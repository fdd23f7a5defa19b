import { describe, expect, it } from "vitest";
import { ParkscoreError } from "../../../engine/errors.js";
import { parseScheme } from "../../../engine/scheme/load.js";
import { Random } from "../../../engine/sensitivity/sample.js";
import { drawScheme, factorsOf, normalizeChoice, perturbWeights, uncertaintyFor } from "../../../engine/sensitivity/uncertainty.js";
import type { IndicatorWeight } from "../../../engine/score/weights/types.js";
import { SCHEME, withUncertainty } from "./fixtures.js";

const problems = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ParkscoreError) return e.problems;
    throw e;
  }
  throw new Error("expected an error");
};

describe("the scheme's uncertainty: section", () => {
  it("resolves with its defaults: both weight levels, outliers: true meaning the scheme's treatment or none", () => {
    const s = withUncertainty(`uncertainty:
  weights: { noise: 0.25 }
  normalize: [scheme, rank]
  outliers: true
  parameters:
    - { name: benchmark-factor, range: [0.8, 1.2], indicators: [tax] }
`);
    expect(s.uncertainty).toEqual({
      weights: { mode: "uniform", noise: 0.25, levels: ["categories", "indicators"] },
      normalize: ["scheme", "rank"],
      outliers: ["scheme", "none"],
      parameters: [{ name: "benchmark-factor", range: [0.8, 1.2], indicators: ["tax"] }],
    });
    expect(factorsOf(s.uncertainty!).map((f) => f.name)).toEqual(["weights", "normalize", "outliers", "parameter:benchmark-factor(tax)"]);
  });
  it("reports every problem with its path and line", () => {
    const p = problems(() =>
      parseScheme(SCHEME + `uncertainty:
  weights: { noise: 0.2, dirichlet: 5 }
  normalize: [minmax, fancy]
  parameters:
    - { name: vikor-v, range: [0.2, 1.5] }
    - { name: benchmark-cap, range: [2, 1], indicators: [nope] }
`, "s.yaml"),
    );
    expect(p.map((x) => x.path)).toEqual(["uncertainty.normalize[1]"]);
    expect(p[0].message).toMatch(/"minmax".*"benchmark-ratio"/);
    expect(p[0].line).toBe(SCHEME.split("\n").length + 2);
    const q = problems(() =>
      parseScheme(SCHEME + `uncertainty:
  weights: { noise: 0.2, dirichlet: 5 }
  parameters:
    - { name: vikor-v, range: [0.2, 1.5] }
    - { name: benchmark-cap, range: [2, 1], indicators: [nope] }
`, "s.yaml"),
    );
    expect(q.map((x) => x.path)).toEqual(["uncertainty.weights", "uncertainty.parameters[0].range", "uncertainty.parameters[1].range", "uncertainty.parameters[1].indicators"]);
    expect(q[3].message).toBe('unknown indicator "nope"');
  });
});

describe("flags", () => {
  const s = withUncertainty("uncertainty: { weights: { dirichlet: 40 }, aggregation: [weighted-sum, topsis] }");
  it("replace only their part of the scheme's section", () => {
    const u = uncertaintyFor(s, { normalize: "rank, zscore", parameter: ["rules-cap=2:6"] });
    expect(u.weights).toEqual({ mode: "dirichlet", concentration: 40, levels: ["categories", "indicators"] });
    expect(u.aggregation).toEqual(["weighted-sum", "topsis"]);
    expect(u.normalize).toEqual(["rank", "zscore"]);
    expect(u.parameters).toEqual([{ name: "rules-cap", range: [2, 6] }]);
    expect(uncertaintyFor(s, { weightNoise: 0.1, weightLevels: "indicators" }).weights).toEqual({ mode: "uniform", noise: 0.1, levels: ["indicators"] });
    expect(uncertaintyFor(s, { outliers: true }).outliers).toEqual(["scheme", "none"]);
  });
  it("are checked like the scheme, naming the flag", () => {
    const p = problems(() => uncertaintyFor(s, { aggregation: "topsis,median", parameter: ["speed=1:2"] }));
    expect(p.map((x) => x.path)).toEqual(["uncertainty.aggregation[1] (scheme or --aggregation)", "uncertainty.parameters[0].name (scheme or --parameter)"]);
    expect(problems(() => uncertaintyFor(s, { parameter: ["rules-cap=1"] }))[0].path).toMatch(/--parameter/);
  });
});

describe("one sample of the assumptions", () => {
  it("applies a normalisation choice to every indicator, keeping a log transform and a benchmark-ratio's own benchmark", () => {
    const s = withUncertainty("uncertainty: { normalize: [zscore] }");
    const d = drawScheme(s, s.uncertainty!, (f) => new Random(1, 0, 0, f));
    expect(d.scheme.indicators.map((i) => i.normalize.method)).toEqual(["zscore", "zscore", "zscore", "zscore"]);
    expect(d.drawn).toEqual({ normalize: "zscore" });
    const ind = { ...s.indicators[0], normalize: { method: "benchmark-ratio" as const, benchmark: 12, factor: 2, transform: "log" as const } };
    expect(normalizeChoice("benchmark-ratio", ind)).toBe(ind.normalize);
    expect(normalizeChoice("rank", ind)).toEqual({ method: "rank", transform: "log" });
    expect(normalizeChoice("scheme", ind)).toBe(ind.normalize);
  });
  it("leaves the scheme itself untouched", () => {
    const s = withUncertainty("uncertainty: { normalize: [rank], missing: [zero], parameters: [{ name: rules-cap, range: [1, 2] }] }");
    const before = JSON.stringify(s);
    const d = drawScheme(s, s.uncertainty!, (f) => new Random(1, 0, 0, f));
    expect(d.scheme.rules.cap).toBeGreaterThanOrEqual(1);
    expect(d.scheme.indicators.every((i) => i.missing === "zero")).toBe(true);
    expect(JSON.stringify(s)).toBe(before);
  });
  it("perturbs weights level by level, each level summing to 1", () => {
    const w: IndicatorWeight[] = [
      { indicator: "a", category: "x", categoryWeight: 0.6, localWeight: 0.5, weight: 0.3 },
      { indicator: "b", category: "x", categoryWeight: 0.6, localWeight: 0.5, weight: 0.3 },
      { indicator: "c", category: "y", categoryWeight: 0.4, localWeight: 1, weight: 0.4 },
    ];
    const r = new Random(3);
    for (let k = 0; k < 50; k++) {
      const p = perturbWeights(w, { mode: "uniform", noise: 0.5, levels: ["categories", "indicators"] }, r);
      expect(p[0].categoryWeight).toBe(p[1].categoryWeight);
      expect(p[0].categoryWeight + p[2].categoryWeight).toBeCloseTo(1, 12);
      expect(p[0].localWeight + p[1].localWeight).toBeCloseTo(1, 12);
      expect(p[2].localWeight).toBe(1);
      expect(p.reduce((a, x) => a + x.weight, 0)).toBeCloseTo(1, 12);
      p.forEach((x) => expect(x.weight).toBeCloseTo(x.categoryWeight * x.localWeight, 15));
    }
    const onlyIndicators = perturbWeights(w, { mode: "dirichlet", concentration: 5, levels: ["indicators"] }, r);
    expect(onlyIndicators.map((x) => x.categoryWeight)).toEqual([0.6, 0.6, 0.4]);
    expect(onlyIndicators[0].localWeight).not.toBe(0.5);
  });
});
