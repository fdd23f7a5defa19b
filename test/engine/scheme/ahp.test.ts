import { describe, expect, it } from "vitest";
import { AhpError, ahpWeights, completeReciprocal, powerIteration, SAATY_RI } from "../../../engine/scheme/ahp.js";
import { expectCloseArray, sum } from "../score/weights/helpers.js";

// Saaty, T. L. (2008). Decision making with the analytic hierarchy process. Int. J. Services
// Sciences 1(1), 83–98: "Which drink is consumed more in the U.S.?" (coffee, wine, tea, beer, sodas,
// milk, water). Published eigenvector .177 .019 .042 .116 .190 .129 .327 (actual consumption .180
// .010 .040 .120 .180 .140 .330); CR 0.022 (the AHPy package reproduces both).
const DRINKS = [
  [1, 9, 5, 2, 1, 1, 1 / 2],
  [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
  [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
  [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [1, 9, 4, 2, 1, 2, 1 / 2],
  [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [2, 9, 9, 3, 2, 3, 1],
];
// Saaty, T. L. (1990). How to make a decision: the analytic hierarchy process. EJOR 48, 9–26,
// Table 2: the criteria for buying a house (size, transportation, neighbourhood, age, yard, modern
// facilities, general condition, financing). Published: priorities .173 .054 .188 .018 .031 .036
// .167 .333, λmax = 9.669, C.I. = 0.238, C.R. = 0.169 — an inconsistent matrix (CR ≥ 0.1).
const HOUSE = [
  [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
  [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
  [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
  [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
  [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
  [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
  [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
  [4, 7, 5, 8, 6, 6, 2, 1],
];

describe("ahpWeights against Saaty's published examples", () => {
  it("reproduces the drinks example (Saaty 2008): eigenvector and CR 0.022", () => {
    const r = ahpWeights(DRINKS);
    expectCloseArray(r.weights, [0.177, 0.019, 0.042, 0.116, 0.19, 0.129, 0.327], 3);
    expect(r.cr).toBeCloseTo(0.022, 3);
    expect(r.ri).toBe(1.32);
    expect(r.solver).toBe("mathjs-eigs");
  });
  it("reproduces the house example (Saaty 1990, Table 2): λmax 9.669, CI 0.238, CR 0.169", () => {
    const r = ahpWeights(HOUSE);
    expectCloseArray(r.weights, [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333], 3);
    expect(r.lambdaMax).toBeCloseTo(9.669, 3);
    expect(r.ci).toBeCloseTo(0.238, 3);
    expect(r.cr).toBeCloseTo(0.169, 3);
    expect(r.cr).toBeGreaterThanOrEqual(0.1); // the caller would refuse it
  });
});

describe("ahpWeights against numpy (test/reference/weights.py, np.linalg.eig)", () => {
  it("matches the drinks matrix", () => {
    const r = ahpWeights(DRINKS);
    expectCloseArray(
      r.weights,
      [0.17745674744571696, 0.0191494760243536, 0.04183118166209786, 0.11641703173485865, 0.18957237532617624, 0.12878054853872248, 0.3267926392680742],
      13,
    );
    expect(r.lambdaMax).toBeCloseTo(7.17662903933035, 12);
    expect(r.ci).toBeCloseTo(0.029438173221724966, 12);
    expect(r.cr).toBeCloseTo(0.02230164638009467, 12);
    expect(r.worst).toMatchObject({ row: 1, column: 6, judgement: 1 / 9 });
    expect(r.worst!.implied).toBeCloseTo(0.05859824770607797, 12);
  });
  it("matches the inconsistent house matrix and reports its worst judgement: neighbourhood vs general condition", () => {
    const r = ahpWeights(HOUSE);
    expectCloseArray(
      r.weights,
      [0.1730174746483477, 0.05397572299903931, 0.1881102988574409, 0.0175079113081957, 0.03104373640390228, 0.03632220215465615, 0.16683367362634788, 0.3331889800020701],
      13,
    );
    expect(r.lambdaMax).toBeCloseTo(9.66888731711815, 12);
    expect(r.ci).toBeCloseTo(0.23841247387402145, 12);
    expect(r.cr).toBeCloseTo(0.16908686090356131, 12);
    // a_37 = 6 (neighbourhood 6 × as important as general condition) while the weights say 1.13.
    expect(r.worst).toMatchObject({ row: 2, column: 6, judgement: 6 });
    expect(r.worst!.implied).toBeCloseTo(1.1275319590381112, 12);
  });
});

describe("power iteration cross-check", () => {
  for (const [name, m] of [["drinks", DRINKS], ["house", HOUSE]] as const)
    it(`agrees with mathjs eigs to 1e-10 on the ${name} matrix`, () => {
      const viaEigs = ahpWeights(m);
      expect(viaEigs.solver).toBe("mathjs-eigs");
      const p = powerIteration(m);
      expect(Math.abs(p.value - viaEigs.lambdaMax)).toBeLessThan(1e-10);
      p.vector.forEach((v, i) => expect(Math.abs(v - viaEigs.weights[i])).toBeLessThan(1e-10));
      expect(p.iterations).toBeLessThan(200);
    });
  it("is used when mathjs eigs does not converge, and matches numpy there", () => {
    // A random 6 × 6 Saaty-scale matrix on which mathjs 15's eigs throws "failed to converge".
    const m = completeReciprocal([
      [1, 9, 6, 1 / 3, 1 / 5, 7],
      [null, 1, 1 / 9, 1 / 6, 1 / 8, 7],
      [null, null, 1, 1 / 9, 9, 7],
      [null, null, null, 1, 7, 1],
      [null, null, null, null, 1, 5],
      [null, null, null, null, null, 1],
    ]);
    const r = ahpWeights(m);
    expect(r.solver).toBe("power-iteration");
    expect(r.note).toMatch(/did not converge/);
    expectCloseArray(r.weights, [0.1960815348631376, 0.04109545425594421, 0.20366588122388402, 0.3622246227491311, 0.1533012749964936, 0.04363123191140934], 13);
    expect(r.lambdaMax).toBeCloseTo(11.448076084126411, 12);
    expect(r.cr).toBeCloseTo(0.8787219490526469, 12);
    expect(r.worst).toMatchObject({ row: 3, column: 5, judgement: 1 });
    expect(r.worst!.implied).toBeCloseTo(8.301957265029943, 11);
  });
});

describe("ahpWeights on consistent and small matrices", () => {
  it("recovers the weights a consistent matrix was built from, with CI = CR = 0", () => {
    // a_ij = w_i / w_j for w = (8, 4, 2, 1)/15: every judgement is exact, λmax = n = 4.
    const r = ahpWeights([
      [1, 2, 4, 8],
      [1 / 2, 1, 2, 4],
      [1 / 4, 1 / 2, 1, 2],
      [1 / 8, 1 / 4, 1 / 2, 1],
    ]);
    expectCloseArray(r.weights, [8 / 15, 4 / 15, 2 / 15, 1 / 15], 14);
    expect(r.lambdaMax).toBeCloseTo(4, 13);
    expect(r.ci).toBeCloseTo(0, 13);
    expect(r.cr).toBeCloseTo(0, 13);
    expect(r.worst!.implied).toBeCloseTo(r.worst!.judgement, 12);
  });
  it("handles n = 2 (always consistent, CR 0) and n = 1 (weight 1, no judgement)", () => {
    const two = ahpWeights([[1, 3], [1 / 3, 1]]);
    expectCloseArray(two.weights, [0.75, 0.25], 14);
    expect(two.lambdaMax).toBeCloseTo(2, 13);
    expect(two.cr).toBe(0);
    const one = ahpWeights([[1]]);
    expect([...one.weights]).toEqual([1]);
    expect(one).toMatchObject({ lambdaMax: 1, ci: 0, ri: 0, cr: 0, worst: null });
  });
  it("weights tied elements equally", () => {
    const r = ahpWeights([[1, 1, 3], [1, 1, 3], [1 / 3, 1 / 3, 1]]);
    expectCloseArray(r.weights, [3 / 7, 3 / 7, 1 / 7], 14);
    expect(sum(r.weights)).toBeCloseTo(1, 15);
  });
  it("uses Saaty's RI for n = 1..10", () => {
    expect(SAATY_RI).toEqual([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]);
  });
});

describe("completeReciprocal", () => {
  it("fills the lower triangle from the upper one and gives the same result as the full matrix", () => {
    const upper = DRINKS.map((row, i) => row.map((v, j) => (j > i ? v : j === i ? 1 : null)));
    const full = completeReciprocal(upper);
    full.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(DRINKS[i][j], 14)));
    expectCloseArray(ahpWeights(full).weights, Array.from(ahpWeights(DRINKS).weights), 14);
  });
  it("refuses a missing upper judgement and a contradicting lower one", () => {
    expect(() => completeReciprocal([[1, null], [null, 1]])).toThrow(/judgement \(0, 1\) above the diagonal is missing/);
    expect(() => completeReciprocal([[1, 3], [3, 1]])).toThrow(/\(0, 1\) = 3 and \(1, 0\) = 3 are not reciprocal/);
  });
});

describe("ahpWeights validation", () => {
  it("refuses more than 10 elements (no RI), naming the limit", () => {
    const eleven = Array.from({ length: 11 }, () => new Array<number>(11).fill(1));
    expect(() => ahpWeights(eleven)).toThrow(AhpError);
    expect(() => ahpWeights(eleven)).toThrow(/11 elements.*only up to 10/);
  });
  it("refuses non-square, non-positive, off-scale, non-reciprocal matrices and a bad diagonal", () => {
    expect(() => ahpWeights([[1, 2], [0.5]])).toThrow(/not square: row 1 has 1 cells, not 2/);
    expect(() => ahpWeights([[1, 0], [0, 1]])).toThrow(/cell \(0, 1\) is 0; judgements are positive/);
    expect(() => ahpWeights([[1, 10], [0.1, 1]])).toThrow(/cell \(0, 1\) is 10, outside Saaty's scale/);
    expect(() => ahpWeights([[1, 3], [0.5, 1]])).toThrow(/\(0, 1\) = 3 and \(1, 0\) = 0.5 are not reciprocal/);
    expect(() => ahpWeights([[2, 1], [1, 1]])).toThrow(/diagonal cell \(0, 0\) is 2/);
    expect(() => ahpWeights([])).toThrow(/empty/);
  });
  it("accepts reciprocals within the 1e-6 relative tolerance (0.333 is not 1/3, 0.3333333 is)", () => {
    expect(() => ahpWeights([[1, 3], [0.3333333, 1]])).not.toThrow();
    expect(ahpWeights([[1, 3], [0.3333333, 1]]).weights[0]).toBeCloseTo(0.75, 6);
    expect(() => ahpWeights([[1, 3], [0.333, 1]])).toThrow(/not reciprocal/);
  });
});
