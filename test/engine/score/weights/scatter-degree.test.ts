import { describe, expect, it } from "vitest";
import { WeightError } from "../../../../engine/score/weights/errors.js";
import { periodScores, scatterDegree } from "../../../../engine/score/weights/scatter-degree.js";
import { PARK_CUBE as PARK } from "./helpers.js";

const N = NaN;
const cube = (periods: number[][][]) => periods.map((p) => p.map((c) => Float64Array.from(c)));

const MIXED = cube([
  [[12, 30, 8, 20, 5], [110, 260, 90, 150, 60], [0.9, 0.4, 1.1, 0.6, 1.3]],
  [[14, 28, 7, 22, 6], [120, 250, 85, 170, 65], [0.8, 0.5, 1.2, 0.5, 1.4]],
]);

describe("scatter degree against numpy (test/reference/scatter_degree.py, np.linalg.eigh)", () => {
  it("PARK: pooled z-scores (n − 1), H, eigenvalues, weights", () => {
    const r = scatterDegree(PARK);
    [16.125, 142.1875, 2.306666666666666].forEach((v, j) => expect(r.mean[j]).toBeCloseTo(v, 13));
    [8.69386757049665, 66.58249895180164, 0.9414780679234924].forEach((v, j) => expect(r.sd[j]).toBeCloseTo(v, 13));
    const H = [
      [15.000000000000004, 14.75422975075531, 13.405683391936646],
      [14.75422975075531, 15.0, 12.943886765394588],
      [13.405683391936646, 12.943886765394588, 14.0],
    ];
    H.forEach((row, a) => row.forEach((v, b) => expect(r.H[a][b]).toBeCloseTo(v, 12)));
    // Diagonal = values − 1 per indicator (z-scores with divisor N − 1): 16, 16 and 15 values.
    expect(r.H[2][2]).toBeCloseTo(14, 12);
    [42.10655694441051, 1.6993813650678673, 0.19406169052163513].forEach((v, i) => expect(r.eigenvalues[i]).toBeCloseTo(v, 11));
    expect(r.eigenvalue).toBeCloseTo(42.10655694441051, 11);
    [0.3421775084561286, 0.33865655811088535, 0.31916593343298605].forEach((v, j) => expect(r.weights[j]).toBeCloseTo(v, 13));
    expect(r.weights.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 15);
    expect(r.solver).toBe("mathjs-eigs");
    expect(r.note).toBeUndefined();
  });

  it("PARK: period scores on the standardised data, NaN where the enterprise is absent", () => {
    const r = scatterDegree(PARK);
    const y = periodScores(PARK, r.weights);
    const expected = [
      [-0.39612915537426024, 1.5498714020124802, -0.9603931706105487, 0.3594931869704706, -1.3327582909134037, N],
      [-0.16484792340991328, 1.3524906871506646, -0.6500172883375773, 0.6077366005057072, -1.2340679334824958, -0.1200076124898653],
      [-0.00682569953976353, 1.1944684632805147, N, 0.9631395392376725, -1.4314486483443112, 0.2692958433446314],
    ];
    expected.forEach((row, k) =>
      row.forEach((v, i) => {
        if (Number.isNaN(v)) expect(y[k][i]).toBeNaN();
        else expect(y[k][i]).toBeCloseTo(v, 12);
      }),
    );
    // E3 in 2022 lacks indicator 2: it counts as the mean (z = 0), by hand from the z-scores.
    const z = [0, 1].map((j) => (PARK[1][j][2] - r.mean[j]) / r.sd[j]);
    expect(PARK[1][2][2]).toBeNaN();
    expect(y[1][2]).toBeCloseTo(r.weights[0] * z[0] + r.weights[1] * z[1], 14);
  });

  it("MIXED: a negatively correlated indicator keeps its negative weight and is reported", () => {
    const r = scatterDegree(MIXED);
    [0.9906509808993657, 0.9746531247325095, -0.9653041056318752].forEach((v, j) => expect(r.weights[j]).toBeCloseTo(v, 12));
    expect(r.eigenvalue).toBeCloseTo(26.105628888366287, 11);
    expect(r.note).toMatch(/indicator 2 has a negative weight/);
    expect(r.note).toMatch(/higher is better/);
    expect(r.note).toMatch(/Σ\|w\| = 2\.93061/); // 0.990651 + 0.974653 + 0.965304 = 2.930608
  });
});

describe("scatter degree by hand", () => {
  it("two indicators, balanced, positively correlated: equal weights (equal diagonal ⇒ eigenvectors (1, ±1))", () => {
    const r = scatterDegree(cube([[[1, 2, 3, 4], [2, 1, 4, 3]], [[2, 3, 5, 4], [1, 3, 6, 4]]]));
    expect(r.weights[0]).toBeCloseTo(0.5, 14);
    expect(r.weights[1]).toBeCloseTo(0.5, 14);
    // H = 7·R (8 values, divisor 7): λmax = 7(1 + r).
    expect(r.H[0][0]).toBeCloseTo(7, 13);
    expect(r.eigenvalue).toBeCloseTo(r.H[0][0] + r.H[0][1], 12);
  });

  it("a single indicator gets weight 1; weights do not change when an indicator is rescaled or shifted", () => {
    expect(Array.from(scatterDegree(cube([[[3, 1, 2]], [[5, 4, N]]])).weights)).toEqual([1]);
    const moved = PARK.map((p) => p.map((c, j) => c.map((v) => (j === 1 ? 1000 * v - 7 : v))));
    const a = scatterDegree(PARK).weights, b = scatterDegree(moved).weights;
    for (let j = 0; j < 3; j++) expect(b[j]).toBeCloseTo(a[j], 12);
  });

  it("a constant indicator gets weight 0 and a note", () => {
    const r = scatterDegree(cube([[[1, 2, 3, 4], [2, 1, 4, 3], [5, 5, 5, 5]], [[2, 3, 5, 4], [1, 3, 6, 4], [5, 5, 5, 5]]]));
    expect(r.weights[2]).toBe(0);
    expect(r.weights[0]).toBeCloseTo(0.5, 14);
    expect(r.note).toMatch(/indicator 2 is constant/);
  });

  it("has no answer when the largest eigenvalue is repeated, the vector sums to 0, or an indicator has < 2 values", () => {
    // Uncorrelated, equal variance: H = 3·I.
    expect(() => scatterDegree(cube([[[1, -1, 1, -1], [1, 1, -1, -1]]]))).toThrow(/largest eigenvalue of H is repeated/);
    // Perfectly opposed: H = [[3, −3], [−3, 3]], leading vector (1, −1).
    expect(() => scatterDegree(cube([[[1, 2, 3, 4], [4, 3, 2, 1]]]))).toThrow(/sum to 0/);
    expect(() => scatterDegree(cube([[[1, 2, 3], [N, 2, N]], [[1, 2, 4], [N, N, N]]]))).toThrow(/indicator 1 has 1 value/);
    expect(() => scatterDegree(cube([[[1, 2, 3], [5, 5, 5]], [[1, 2, 4]]]))).toThrow(WeightError);
    expect(() => scatterDegree(cube([[[1, 1, 1]], [[1, 1, 1]]]))).toThrow(/every indicator is constant/);
    expect(() => periodScores(PARK, [0.5, 0.5])).toThrow(/2 weights for 3 indicators/);
  });
});
