import { describe, expect, it } from "vitest";
import { rankSumRatio } from "../../../engine/score/aggregate/rank-sum-ratio.js";
import { inverseNormalCdf, rsrProbitGrades } from "../../../engine/score/grade-rsr.js";
import { expectAll, input, MCH_ROWS, PARK, PARK_W } from "./aggregate/data.js";

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe("inverse normal CDF (Wichura AS241)", () => {
  it("matches 40-digit quantiles from mpmath to 1e-12 (test/reference/aggregations.py)", () => {
    const cases: [number, number][] = [
      [0.5, 0],
      [0.975, 1.9599639845400538],
      [0.025, -1.9599639845400543],
      [0.9, 1.2815515655446006],
      [0.25, -0.6744897501960817],
      [0.001, -3.0902323061678136],
      [1e-10, -6.361340902404057],
      [1e-20, -9.262340089798407],
      [0.999999, 4.753424308817087],
      [0.15865525393145707, -0.9999999999999999],
    ];
    for (const [p, z] of cases) expect(Math.abs(inverseNormalCdf(p) - z), `p = ${p}`).toBeLessThan(1e-12 * Math.max(1, Math.abs(z)));
  });
  it("is ±∞ at 0 and 1 and NaN outside [0, 1]", () => {
    expect(inverseNormalCdf(0)).toBe(-Infinity);
    expect(inverseNormalCdf(1)).toBe(Infinity);
    expect(inverseNormalCdf(1.5)).toBeNaN();
    expect(inverseNormalCdf(NaN)).toBeNaN();
  });
});

describe("RSR Probit grading: published example (孙振球《医学统计学》, 10 regions)", () => {
  const rsr = rankSumRatio(input(MCH_ROWS, [1 / 3, 1 / 3, 1 / 3])).extra!.get("RSR")!;
  it("builds the RSR distribution table: f, Σf, R̄, p (last 1 − 1/4n) and Probit", () => {
    const out: string[] = new Array(10).fill("");
    const fit = rsrProbitGrades(rsr, all(10), ["好", "中", "差"], out);
    const t = fit.table;
    expectAll(t.value, [3, 12, 15, 17, 18, 20, 23, 27].map((s) => s / 30), 1e-15);
    expect([...t.count]).toEqual([1, 2, 1, 1, 2, 1, 1, 1]);
    expect([...t.cumulative]).toEqual([1, 3, 4, 5, 7, 8, 9, 10]);
    expect([...t.meanRank]).toEqual([1, 2.5, 4, 5, 6.5, 8, 9, 10]);
    expectAll(t.p, [0.1, 0.25, 0.4, 0.5, 0.65, 0.8, 0.9, 0.975], 1e-15);
    // the normal table's Probits to 4 decimals, then mpmath (test/reference/aggregations.py)
    expectAll(t.probit, [3.7184, 4.3255, 4.7467, 5.0, 5.3853, 5.8416, 6.2816, 6.96], 5e-5);
    expectAll(
      t.probit,
      [3.7184484344553996, 4.325510249803918, 4.7466528968642, 5.0, 5.385320466407568, 5.841621233572915, 6.281551565544601, 6.959963984540054],
      1e-12,
    );
  });
  it("fits RSR = a + b·Probit and grades by Probit < 4, 4–6, ≥ 6: 辛 and 丙 好, 癸 差", () => {
    const out: string[] = new Array(10).fill("");
    const fit = rsrProbitGrades(rsr, all(10), ["好", "中", "差"], out);
    // numpy polyfit over the table (test/reference/aggregations.py)
    expect(fit.a).toBeCloseTo(-0.6085499874917605, 12);
    expect(fit.b).toBeCloseTo(0.2216896907349714, 12);
    expect(fit.r2).toBeCloseTo(0.9379089071541014, 12);
    expect(fit.thresholds).toEqual([4, 6]);
    expectAll(fit.cutpoints, [0.27820877544812517, 0.7215881569180679], 1e-12);
    //        甲    乙    丙    丁    戊    己    庚    辛    壬    癸
    expect(out).toEqual(["中", "中", "好", "中", "中", "中", "中", "好", "中", "差"]);
  });
});

describe("RSR Probit grading: numpy reference (PARK's WRSR, 3, 4 and 5 grades)", () => {
  const wrsr = rankSumRatio(input(PARK, PARK_W)).raw;
  const letters = ["A", "B", "C", "D", "E"];
  // numpy's levels (0 = worst) for the distinct WRSR values in ascending order
  const levels: Record<number, number[]> = {
    3: [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2],
    4: [0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3],
    5: [1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4],
  };
  const cutpoints: Record<number, number[]> = {
    3: [0.40568562659614693, 0.6381842748719677],
    4: [0.40568562659614693, 0.5219349507340573, 0.6381842748719677],
    5: [0.3475609645271917, 0.46381028866510216, 0.5800596128030125, 0.696308936940923],
  };
  for (const g of [3, 4, 5]) {
    it(`${g} grades`, () => {
      const grades = letters.slice(0, g);
      const out: string[] = new Array(12).fill("");
      const fit = rsrProbitGrades(wrsr, all(12), grades, out);
      expect(fit.a).toBeCloseTo(-0.059311669955494827, 12);
      expect(fit.b).toBeCloseTo(0.11624932413791043, 12);
      expect(fit.r2).toBeCloseTo(0.8593249536583726, 12);
      expectAll(fit.cutpoints, cutpoints[g], 1e-12);
      const order = [...wrsr.keys()].sort((x, y) => wrsr[x] - wrsr[y]); // WRSR values are distinct here
      order.forEach((row, k) => expect(out[row]).toBe(grades[g - 1 - levels[g][k]]));
    });
  }
});

describe("RSR Probit grading: degenerate data", () => {
  it("gives equal values the same grade", () => {
    const v = Float64Array.from([0.2, 0.5, 0.5, 0.5, 0.8, 0.3, 0.5, 0.9]);
    const out: string[] = new Array(8).fill("");
    rsrProbitGrades(v, all(8), ["A", "B", "C", "D"], out);
    expect(new Set([out[1], out[2], out[3], out[6]]).size).toBe(1);
  });
  it("gives everyone the best grade when all values are equal (b = 0, r² NaN), also for one enterprise", () => {
    const out: string[] = new Array(4).fill("");
    const fit = rsrProbitGrades(Float64Array.from([0.625, 0.625, 0.625, 0.625]), all(4), ["A", "B", "C"], out);
    expect(fit.b).toBe(0);
    expect(fit.a).toBe(0.625);
    expect(fit.r2).toBeNaN();
    expectAll(fit.table.p, [1 - 1 / 16], 0);
    expect(out).toEqual(["A", "A", "A", "A"]);
    const one: string[] = [""];
    rsrProbitGrades(Float64Array.from([1]), all(1), ["A", "B", "C", "D", "E"], one);
    expect(one).toEqual(["A"]);
  });
  it("grades only the given rows", () => {
    const out: string[] = ["-", "-", "-", "-"];
    rsrProbitGrades(Float64Array.from([0.1, NaN, 0.9, 0.5]), Int32Array.from([0, 2, 3]), ["A", "B", "C"], out);
    // n = 3: p = 1/3, 2/3, 1 − 1/12 → Probit 4.57, 5.43, 6.38 (no Probit below 4 with three values)
    expect(out).toEqual(["B", "-", "A", "B"]);
  });
  it("needs 3, 4 or 5 grades and finite values", () => {
    expect(() => rsrProbitGrades(Float64Array.from([0.5]), all(1), ["A", "B"], [""])).toThrow(/3, 4 or 5/);
    expect(() => rsrProbitGrades(Float64Array.from([0.5, NaN]), all(2), ["A", "B", "C"], ["", ""])).toThrow(/row 1/);
  });
});
