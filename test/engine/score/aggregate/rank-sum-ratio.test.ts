import { describe, expect, it } from "vitest";
import { rankSumRatio } from "../../../../engine/score/aggregate/rank-sum-ratio.js";
import { expectAll, expectConsistent, input, interleaved, MCH_ROWS, PARK, PARK_W } from "./data.js";

const ALL = (n: number) => new Uint8Array(n).fill(1);

describe("rank-sum ratio: published example", () => {
  it("ranks each indicator (best = n) and gives the example's RSR = ΣR/(mn)", () => {
    const r = rankSumRatio(input(MCH_ROWS, [1 / 3, 1 / 3, 1 / 3]));
    // the example's rank table: X1 high-better, X2 and X3 low-better
    const R = [
      [10, 7, 9, 3, 2, 5, 6, 8, 4, 1],
      [2, 3, 7, 4, 8, 6, 5, 9, 10, 1],
      [6, 2, 7, 5, 8, 9, 4, 10, 3, 1],
    ];
    for (let j = 0; j < 3; j++) expectAll(r.contrib[j], R[j].map((x) => (100 * x) / 3 / 10), 1e-12);
    const rsr = [18, 12, 23, 12, 18, 20, 15, 27, 17, 3].map((s) => s / 30);
    expectAll(r.extra!.get("RSR")!, rsr, 1e-15);
    expectAll(r.extra!.get("WRSR")!, rsr, 1e-15); // equal weights: WRSR = RSR
    expectAll(r.raw, rsr, 1e-15);
    expectConsistent(r, ALL(10));
  });
});

describe("rank-sum ratio: numpy reference (test/reference/aggregations.py, PARK)", () => {
  it("matches the mid-ranks, RSR, WRSR and contributions", () => {
    const r = rankSumRatio(input(PARK, PARK_W));
    // column 0 has a tie (0.35 twice → 4.5)
    expectAll(r.contrib[0], [10.0, 4.5, 12.0, 7.0, 4.5, 2.0, 9.0, 6.0, 11.0, 1.0, 8.0, 3.0].map((x) => (100 * 0.4 * x) / 12), 1e-12);
    expectAll(
      r.extra!.get("RSR")!,
      [
        0.6770833333333334, 0.5104166666666666, 0.6041666666666666, 0.4375, 0.59375, 0.375, 0.5520833333333334, 0.5416666666666666,
        0.6666666666666666, 0.5416666666666666, 0.5833333333333334, 0.4166666666666667,
      ],
      1e-15,
    );
    const wrsr = [
      0.6416666666666667, 0.5625, 0.6333333333333334, 0.4916666666666667, 0.5916666666666667, 0.27499999999999997, 0.6791666666666667,
      0.5333333333333333, 0.6583333333333333, 0.4416666666666667, 0.6166666666666667, 0.375,
    ];
    expectAll(r.extra!.get("WRSR")!, wrsr, 1e-15);
    expectAll(r.raw, wrsr, 1e-15);
    expectAll(r.score, wrsr.map((x) => 100 * x), 1e-12);
    expectAll([0, 1, 2, 3].map((j) => r.contrib[j][0]), [33.333333333333336, 10.0, 10.833333333333334, 10.0], 1e-12);
    expectConsistent(r, ALL(12));
  });
});

describe("rank-sum ratio: degenerate data", () => {
  it("gives tied values their average rank and a constant column (n + 1)/2 to everyone", () => {
    const r = rankSumRatio(input([[0.5, 0.2], [0.5, 0.9], [0.5, 0.2], [0.5, 0.4]], [0.5, 0.5], 1));
    expectAll(r.contrib[0], [1.25, 1.25, 1.25, 1.25].map((x) => x / 4), 1e-15); // 0.5 · 2.5 / 4
    expectAll(r.contrib[1], [1.5, 4, 1.5, 3].map((x) => (0.5 * x) / 4), 1e-15);
    expect(r.score[0]).toBe(r.score[2]);
    expectConsistent(r, ALL(4));
  });
  it("gives a single enterprise RSR = 1 and all-equal enterprises (n + 1)/(2n)", () => {
    expectAll(rankSumRatio(input([[0.2, 0.3]], [0.5, 0.5])).score, [100], 1e-13);
    const same = rankSumRatio(input([[0.2, 0.3], [0.2, 0.3], [0.2, 0.3], [0.2, 0.3]], [0.5, 0.5]));
    expectAll(same.raw, [0.625, 0.625, 0.625, 0.625], 1e-15);
    expectConsistent(same, ALL(4));
  });
  it("ranks within the population only; rows outside it are NaN", () => {
    const base = input(PARK, PARK_W);
    const { input: masked, inside } = interleaved(base);
    const r = rankSumRatio(masked), plain = rankSumRatio(base);
    expectConsistent(r, masked.pop);
    for (let k = 0; k < 12; k++) expect(r.score[inside(k)]).toBe(plain.score[k]);
  });
});
