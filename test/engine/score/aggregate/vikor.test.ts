import { describe, expect, it } from "vitest";
import { AggregationError } from "../../../../engine/score/aggregate/errors.js";
import { makeVikor, vikor } from "../../../../engine/score/aggregate/vikor.js";
import { expectAll, expectConsistent, input, interleaved, minmax, PARK, PARK_W, rowsOf } from "./data.js";

const ALL = (n: number) => new Uint8Array(n).fill(1);

describe("VIKOR: published example", () => {
  // Opricovic & Tzeng (2004), EJOR 156, numerical example, Tables 1–3: A1 (risk 1, altitude 3000 m),
  // A2 (2, 3750), A3 (5, 4500); risk is a cost, altitude a benefit; w = 0.5, 0.5; v = 0.5.
  const f = rowsOf([minmax([1, 2, 5], false), minmax([3000, 3750, 4500], true)]);
  it("gives the paper's S, R and Q (A2 the compromise, Q = 0)", () => {
    const r = vikor(input(f, [0.5, 0.5]));
    expectAll(r.extra!.get("S")!, [0.5, 0.375, 0.5], 1e-15);
    expectAll(r.extra!.get("R")!, [0.5, 0.25, 0.5], 1e-15);
    expectAll(r.raw, [1, 0, 1], 1e-15);
    expectAll(r.score, [0, 100, 0], 1e-13);
    // A2's achievements g = w − term = 0.5 − 0.125, 0.5 − 0.25 → 0.375 : 0.25 of its 100 points
    expectAll([r.contrib[0][1], r.contrib[1][1]], [60, 40], 1e-12);
    expectConsistent(r, ALL(3));
  });
  it("gives the same for the paper's problem φ in other units (risk 6–10, altitude in km)", () => {
    const phi = rowsOf([minmax([6, 7, 10], false), minmax([2.0, 2.75, 3.5], true)]);
    expectAll(vikor(input(phi, [0.5, 0.5])).raw, [1, 0, 1], 1e-15);
  });
});

describe("VIKOR: numpy reference (test/reference/aggregations.py, PARK)", () => {
  it("matches S, R, Q and the contributions", () => {
    const r = vikor(input(PARK, PARK_W));
    expectAll(
      r.extra!.get("S")!,
      [
        0.3532894736842105, 0.45257309941520474, 0.40444444444444444, 0.5232821637426901, 0.4277119883040936, 0.7495614035087721,
        0.33789473684210525, 0.47733187134502925, 0.377938596491228, 0.5543055555555556, 0.40366228070175436, 0.6245467836257309,
      ],
      1e-14,
    );
    expectAll(
      r.extra!.get("R")!,
      [
        0.18749999999999997, 0.2736842105263158, 0.3, 0.2, 0.2736842105263158, 0.3578947368421053, 0.12, 0.2105263157894737, 0.26249999999999996,
        0.4, 0.16875, 0.30315789473684207,
      ],
      1e-14,
    );
    const Q = [
      0.13923377522754246, 0.4137215508406644, 0.4022581758038821, 0.368024058121011, 0.38352586932919347, 0.9248120300751881, 0.0,
      0.3310109788641644, 0.30310055249459666, 0.7628471482349599, 0.16693317935527074, 0.6752280498817891,
    ];
    expectAll(r.raw, Q, 1e-13);
    expectAll(r.score, Q.map((q) => 100 * (1 - q)), 1e-11);
    expectAll([0, 1, 2, 3].map((j) => r.contrib[j][0]), [43.15214603945749, 14.973654571321495, 14.640906691958794, 13.309915174507994], 1e-10);
    expectConsistent(r, ALL(12));
  });
  it("takes v, directly or through the factory", () => {
    const Q = [
      0.17996883656509685, 0.46778180268484976, 0.49849776262518636, 0.33510014915832087, 0.4496643937779672, 0.8947368421052633, 0.0,
      0.32792989558917535, 0.3854317600681865, 0.8577082889409758, 0.1698027647560196, 0.6667909652674192,
    ];
    expectAll(vikor(input(PARK, PARK_W), 0.3).raw, Q, 1e-13);
    expectAll(makeVikor(0.3)(input(PARK, PARK_W)).raw, Q, 1e-13);
    expect(() => makeVikor(1.5)).toThrow(AggregationError);
    expect(() => vikor(input(PARK, PARK_W), -0.1)).toThrow(/between 0 and 1/);
  });
});

describe("VIKOR: degenerate data", () => {
  it("gives a single enterprise, or all-equal enterprises, Q = 0 and the full scale", () => {
    const one = vikor(input([[0.3, 0.7]], [0.5, 0.5]));
    expectAll(one.raw, [0], 0);
    expectAll(one.score, [100], 0);
    expectConsistent(one, ALL(1));
    const same = vikor(input([[0.3, 0.7], [0.3, 0.7], [0.3, 0.7]], [0.5, 0.5]));
    expectAll(same.raw, [0, 0, 0], 0);
    expectConsistent(same, ALL(3));
  });
  it("gives a constant column a term of 0: Q is as without it", () => {
    const withConst = vikor(input(PARK.map((row) => [...row, 0.5]), [0.35, 0.25, 0.2, 0.1, 0.1]));
    const without = vikor(input(PARK, [0.35, 0.25, 0.2, 0.1]));
    expectAll(withConst.raw, [...without.raw], 1e-15);
    expectConsistent(withConst, ALL(12));
  });
  it("gives tied enterprises the same Q, and handles all S equal but R different", () => {
    const tied = vikor(input([[1, 0], [0, 1], [1, 0], [0.5, 0.5]], [0.5, 0.5]));
    expect(tied.raw[0]).toBe(tied.raw[2]);
    // S = 0.5 for everyone (S⁻ = S*: that part is 0); R = 0.5, 0.5, 0.5, 0.25
    expectAll(tied.raw, [0.5, 0.5, 0.5, 0], 1e-15);
    expectConsistent(tied, ALL(4));
  });
  it("leaves rows outside the population NaN (Q, score, parts, S and R) and the others unchanged", () => {
    const base = input(PARK, PARK_W);
    const { input: masked, inside } = interleaved(base);
    const r = vikor(masked), plain = vikor(base);
    expectConsistent(r, masked.pop);
    for (let k = 0; k < 12; k++) expect(r.raw[inside(k)]).toBe(plain.raw[k]);
  });
});
