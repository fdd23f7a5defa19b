import { describe, expect, it } from "vitest";
import { AggregationError } from "../../../../engine/score/aggregate/errors.js";
import { weightedProduct } from "../../../../engine/score/aggregate/weighted-product.js";
import { expectAll, expectConsistent, input, interleaved, PARK, PARK_W } from "./data.js";

describe("weighted product: published example", () => {
  it("reproduces the WPM of Zavadskas et al. (2012), Elektronika ir Elektrotechnika 122(6), Tables 1–2", () => {
    // Table 1: the normalised 4 × 12 matrix and entropy weights (they add up to 1.0001, as printed).
    // a1's x5 is printed 1.0000 but only 0.1000 reproduces Table 2 (0.5672 vs 0.4912 for a1 with
    // 1.0000; test/reference/aggregations.py prints both), so the example uses 0.1000.
    const rows = [
      [0.8486, 0.6364, 0.7982, 0.6707, 0.1, 0.8534, 0.6622, 0.8618, 0.1432, 0.1585, 1.0, 0.4531],
      [1.0, 1.0, 1.0, 0.7976, 0.7, 0.9005, 0.9324, 0.6788, 1.0, 0.65, 0.727, 0.7346],
      [0.6542, 0.7, 0.9169, 0.8951, 0.6, 0.9791, 0.6216, 0.9479, 0.134, 0.1585, 0.9795, 0.6728],
      [0.3694, 0.4375, 0.9407, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5478, 1.0, 0.3754, 1.0],
    ];
    const w = [0.0627, 0.0508, 0.1114, 0.0874, 0.0625, 0.1183, 0.0784, 0.0984, 0.053, 0.1417, 0.0798, 0.0557];
    const r = weightedProduct(input(rows, w, 1));
    // Table 2, λ = 0 (pure WPM), printed to 4 decimals.
    expectAll(r.raw, [0.4912, 0.8173, 0.5873, 0.8015], 1e-4);
    // numpy, test/reference/aggregations.py
    expectAll(r.raw, [0.49115326556700434, 0.8173152305809954, 0.5872491089345324, 0.8014525368490631], 1e-13);
    expectConsistent(r, new Uint8Array(4).fill(1)); // parts add up even though Σw ≠ 1
  });
});

describe("weighted product: numpy reference (test/reference/aggregations.py, PARK)", () => {
  it("matches S, the scores and the LMDI contributions", () => {
    const r = weightedProduct(input(PARK, PARK_W));
    const S = [
      0.6226099777254251, 0.4809229562166676, 0.44343986466569274, 0.0, 0.5232463699954704, 0.2432779650168383, 0.5618465904055446,
      0.5336101220188967, 0.5459260321593341, 0.2317392776220788, 0.5730991239575778, 0.3379233291579176,
    ];
    expectAll(r.raw, S, 1e-13);
    expectAll(r.score, S.map((s) => 100 * s), 1e-11);
    expectAll([0, 1, 2, 3].map((j) => r.contrib[j][0]), [33.67768063198214, 8.106367202960884, 10.476949937599507, 10.000000000000002], 1e-10);
    expectConsistent(r, new Uint8Array(12).fill(1));
  });
  it("matches on an efficacy scale (60 + 40·r, all values above 1), where the parts approach the log shares", () => {
    const r = weightedProduct(input(PARK.map((row) => row.map((x) => 60 + 40 * x)), PARK_W, 1));
    expectAll(r.raw.subarray(0, 4), [85.90650262392742, 80.981854794325, 83.78735006232203, 78.50565838488613], 1e-10);
    expectAll([0, 1, 2, 3].map((j) => r.contrib[j][0]), [34.95126540535468, 25.071120090973412, 17.003831761507872, 8.880285366091462], 1e-10);
    expectConsistent(r, new Uint8Array(12).fill(1));
  });
});

describe("weighted product: degenerate data", () => {
  it("gives a product of 0 for a zero, with parts that add up to 0 (zero-value limit)", () => {
    const r = weightedProduct(input(PARK, PARK_W));
    expect(r.score[3]).toBe(0);
    // row 3 is 0 on indicator 2 (w = 0.2): the others keep 100·w, the zero takes 100·(0.2 − 1)
    expectAll([0, 1, 2, 3].map((j) => r.contrib[j][3]), [40, 30, -80, 10], 1e-12);
  });
  it("ignores a zero on an indicator with weight 0 (r⁰ = 1)", () => {
    const r = weightedProduct(input([[0.25, 0], [1, 0.5]], [1, 0]));
    expectAll(r.raw, [0.25, 1], 0);
    expect(r.contrib[1][0]).toBe(0);
    expectConsistent(r, new Uint8Array(2).fill(1));
  });
  it("throws an AggregationError naming the indicator for a negative value", () => {
    expect(() => weightedProduct(input([[0.5, 0.2], [0.4, -0.1]], [0.5, 0.5]))).toThrow(AggregationError);
    expect(() => weightedProduct(input([[0.5, 0.2], [0.4, -0.1]], [0.5, 0.5]))).toThrow(/indicator 1 .*negative.*non-negative/);
  });
  it("gives the indicator and row as fields, which a caller names its own way", () => {
    let error: AggregationError | undefined;
    try {
      weightedProduct(input([[0.5, 0.2], [0.4, -0.1]], [0.5, 0.5]));
    } catch (e) {
      error = e as AggregationError;
    }
    expect(error).toMatchObject({ indicator: 1, row: 1 });
    expect(error!.message).toContain("(-0.1 at row 1)");
    const named = error!.named({ indicator: (j) => ["tax", "energy"][j], row: (i) => `for E${i}` });
    expect(named).toMatch(/^weighted product: indicator energy has a negative normalised value \(-0\.1 for E1\); the geometric mean/);
  });
  it("stays finite at S = 1 with values either side of 1, where a share of the log would divide by 0", () => {
    const r = weightedProduct(input([[2, 0.5]], [0.5, 0.5]));
    expect(r.raw[0]).toBe(1);
    expectAll([r.contrib[0][0], r.contrib[1][0]], [50 * (1 + Math.LN2), 50 * (1 - Math.LN2)], 1e-12);
    expectConsistent(r, new Uint8Array(1).fill(1));
  });
  it("splits by weight × value when all of an enterprise's values are equal (the weighted-sum terms)", () => {
    const r = weightedProduct(input([[0.6, 0.6, 0.6], [1, 1, 1]], [0.5, 0.3, 0.2]));
    expectAll(r.raw, [0.6, 1], 1e-15);
    expectAll([0, 1, 2].map((j) => r.contrib[j][0]), [30, 18, 12], 1e-12);
    expectAll([0, 1, 2].map((j) => r.contrib[j][1]), [50, 30, 20], 1e-12);
  });
  it("handles a single enterprise, a constant column and all-equal enterprises", () => {
    expectConsistent(weightedProduct(input([[0.3, 0.9]], [0.5, 0.5])), new Uint8Array(1).fill(1));
    const constant = weightedProduct(input([[1, 0.2], [1, 0.8], [1, 0.5]], [0.5, 0.5]));
    expectAll(constant.raw, [Math.sqrt(0.2), Math.sqrt(0.8), Math.sqrt(0.5)], 1e-15);
    expectConsistent(constant, new Uint8Array(3).fill(1));
    const same = weightedProduct(input([[0.4, 0.7], [0.4, 0.7]], [0.5, 0.5]));
    expect(same.score[0]).toBe(same.score[1]);
    expectConsistent(same, new Uint8Array(2).fill(1));
  });
  it("leaves rows outside the population NaN and the others unchanged", () => {
    const base = input(PARK, PARK_W);
    const { input: masked, inside } = interleaved(base);
    const r = weightedProduct(masked), plain = weightedProduct(base);
    expectConsistent(r, masked.pop);
    for (let k = 0; k < 12; k++) expect(r.score[inside(k)]).toBe(plain.score[k]);
  });
});
