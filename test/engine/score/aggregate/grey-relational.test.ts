import { describe, expect, it } from "vitest";
import { AggregationError } from "../../../../engine/score/aggregate/errors.js";
import { greyRelational, makeGreyRelational } from "../../../../engine/score/aggregate/grey-relational.js";
import { expectAll, expectConsistent, input, interleaved, minmax, PARK, PARK_W, rowsOf } from "./data.js";

const ALL = (n: number) => new Uint8Array(n).fill(1);

describe("grey relational analysis: published example", () => {
  // 司守奎、孙玺菁《数学建模算法与应用》(国防工业出版社), ch. 14, supplier selection, program
  // ex14_5.m: 6 suppliers × 9 indicators; indicators 2–4 (price, distance, after-sales) are costs,
  // the others benefits; standard 0–1 transformation, reference = best of each indicator, ρ = 0.5,
  // equal weights. The relational degrees and coefficients below are the program's output as
  // printed (6 and 8 decimals) in a published run of it (a Jupyter reproduction of the example).
  const raw = [
    [0.83, 0.9, 0.99, 0.92, 0.87, 0.95],
    [326, 295, 340, 287, 310, 303],
    [21, 38, 25, 19, 27, 10],
    [3.2, 2.4, 2.2, 2.0, 0.9, 1.7],
    [0.2, 0.25, 0.12, 0.33, 0.2, 0.09],
    [0.15, 0.2, 0.14, 0.09, 0.15, 0.17],
    [250, 180, 300, 200, 150, 175],
    [0.23, 0.15, 0.27, 0.3, 0.18, 0.26],
    [0.87, 0.95, 0.99, 0.89, 0.82, 0.94],
  ];
  const rows = rowsOf(raw.map((x, j) => minmax(x, !(j >= 1 && j <= 3))));
  it("gives the book's relational degrees (supplier 4 first, then 3, 6, 2, 5, 1)", () => {
    const r = greyRelational(input(rows, new Array(9).fill(1 / 9), 1));
    expectAll(r.raw, [0.462992, 0.555994, 0.649074, 0.652723, 0.493562, 0.613015], 5e-7);
    // numpy, test/reference/aggregations.py
    expectAll(r.raw, [0.46299242986663935, 0.5559942769728997, 0.6490736285124805, 0.6527227019980644, 0.4935620015189907, 0.6130150408567572], 1e-14);
    // coefficients ξ = contrib/w: price row (indicator 2) and supply capacity (indicator 7)
    expectAll([0, 1, 2, 3, 4, 5].map((i) => 9 * r.contrib[1][i]), [0.40458015, 0.76811594, 0.33333333, 1.0, 0.53535354, 0.62352941], 5e-9);
    expectAll([0, 1, 2, 3, 4, 5].map((i) => 9 * r.contrib[6][i]), [0.6, 0.38461538, 1.0, 0.42857143, 0.33333333, 0.375], 5e-9);
    expectConsistent(r, ALL(6));
  });
});

describe("grey relational analysis: numpy reference (test/reference/aggregations.py, PARK)", () => {
  it("matches the degrees and contributions, ρ = 0.5 and 0.3", () => {
    const r = greyRelational(input(PARK, PARK_W));
    const degree = [
      0.6493808049535603, 0.6176377398345362, 0.6959401709401709, 0.5365079365079365, 0.613015607580825, 0.44143486143486144,
      0.6830336330336331, 0.5375816993464052, 0.6636904761904763, 0.5885239198582527, 0.630452876376989, 0.484332029715347,
    ];
    expectAll(r.raw, degree, 1e-14);
    expectAll(r.score, degree.map((d) => 100 * d), 1e-12);
    expectAll([0, 1, 2, 3].map((j) => r.contrib[j][0]), [29.41176470588235, 15.0, 10.526315789473683, 10.0], 1e-12);
    expectConsistent(r, ALL(12));
    const rho = [
      0.5425, 0.5335885167464114, 0.6246753246753246, 0.41651289886584003, 0.5063157894736843, 0.3281573498964803, 0.5985632183908046,
      0.41167582417582416, 0.56, 0.5020150375939849, 0.5303896103896104, 0.3659748180208538,
    ];
    expectAll(greyRelational(input(PARK, PARK_W), 0.3).raw, rho, 1e-14);
    expectAll(makeGreyRelational(0.3)(input(PARK, PARK_W)).raw, rho, 1e-14);
  });
  it("rejects ρ outside (0, 1]", () => {
    expect(() => makeGreyRelational(0)).toThrow(AggregationError);
    expect(() => greyRelational(input(PARK, PARK_W), 1.2)).toThrow(/rho/);
  });
});

describe("grey relational analysis: degenerate data", () => {
  it("gives ξ = 1 and degree 1 when everyone is at the reference (Δmax = 0): all equal, or one enterprise", () => {
    const same = greyRelational(input([[0.4, 0.9], [0.4, 0.9], [0.4, 0.9]], [0.3, 0.7]));
    expectAll(same.raw, [1, 1, 1], 1e-15);
    expectAll([same.contrib[0][0], same.contrib[1][0]], [30, 70], 1e-13);
    expectConsistent(same, ALL(3));
    expectAll(greyRelational(input([[0.2, 0.5]], [0.5, 0.5])).score, [100], 1e-13);
  });
  it("gives a constant column ξ = 1 and ties the same degree", () => {
    const r = greyRelational(input([[0.5, 0], [0.5, 1], [0.5, 0], [0.5, 0.5]], [0.5, 0.5]));
    expectAll([0, 1, 2, 3].map((i) => r.contrib[0][i]), [50, 50, 50, 50], 1e-13);
    // Δmax = 1: ξ = 0.5/(Δ + 0.5) → 1/3, 1, 1/3, 1/2 on the second indicator
    expectAll(r.raw, [0.5 + 0.5 / 3, 1, 0.5 + 0.5 / 3, 0.75], 1e-15);
    expectConsistent(r, ALL(4));
  });
  it("leaves rows outside the population NaN and the others unchanged", () => {
    const base = input(PARK, PARK_W);
    const { input: masked, inside } = interleaved(base);
    const r = greyRelational(masked), plain = greyRelational(base);
    expectConsistent(r, masked.pop);
    for (let k = 0; k < 12; k++) expect(r.score[inside(k)]).toBe(plain.score[k]);
  });
});
