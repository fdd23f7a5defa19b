import { describe, expect, it } from "vitest";
import { criticWeights } from "../../../../engine/score/weights/critic.js";
import { WeightError } from "../../../../engine/score/weights/errors.js";
import { all, columns, expectCloseArray, sum, withOutsiders } from "./helpers.js";

// Tuş, A. & Aytaç Adalı, E. (2019). The new combination with CRITIC and WASPAS methods for the time
// and attendance software selection problem. Opsearch 56(2), 528–538: 5 software packages × 6
// criteria. Published CRITIC weights: 0.157, 0.249, 0.168, 0.121, 0.154, 0.151 — reproduced with
// min-max (x − min)/(max − min) applied to every column, including the price (column 0).
const TA = [
  [5000, 3, 3, 4, 3, 2],
  [680, 5, 3, 2, 2, 1],
  [2000, 3, 2, 3, 4, 3],
  [600, 4, 3, 1, 2, 2],
  [800, 2, 4, 3, 3, 4],
];
const minmaxRows = (rows: number[][]) => {
  const cols = columns(rows);
  const lo = cols.map((c) => Math.min(...c)), hi = cols.map((c) => Math.max(...c));
  return rows.map((r) => r.map((v, j) => (v - lo[j]) / (hi[j] - lo[j])));
};
const TAN = minmaxRows(TA);

// numpy, test/reference/weights.py ("critic Tus-Aytac Adali 2019").
const TA_WEIGHTS = [0.157003432041533, 0.24948924316364143, 0.1676752491926968, 0.1211002224302237, 0.1540992915859476, 0.1506325615859576];

describe("criticWeights against a published example", () => {
  it("reproduces Tuş & Aytaç Adalı (2019): 0.157, 0.249, 0.168, 0.121, 0.154, 0.151", () => {
    const r = criticWeights(columns(TAN), all(5));
    expectCloseArray(r.weights, [0.157, 0.249, 0.168, 0.121, 0.154, 0.151], 3);
  });
});

describe("criticWeights against numpy (test/reference/weights.py)", () => {
  it("matches weights, σ (sample, n − 1), C and the correlations", () => {
    const r = criticWeights(columns(TAN), all(5));
    expectCloseArray(r.weights, TA_WEIGHTS, 13);
    expectCloseArray(r.sd, [0.4247799624851972, 0.380058475033046, 0.3535533905932738, 0.380058475033046, 0.4183300132670378, 0.3800584750330461], 13);
    expectCloseArray(r.information, [1.8702983072378163, 2.9720325415533915, 1.9974259839607884, 1.4426024837307685, 1.835702827970679, 1.7944055189480543], 12);
    expectCloseArray(r.correlation[0], [1, -0.29000140382875417, -0.22699670534328448, 0.7921073942765972, 0.40543714887789084, -0.08352791242964118], 13);
    expect(r.correlation[3][0]).toBe(r.correlation[0][3]);
  });
  it("ignores rows outside the population", () => {
    const { cols, pop } = withOutsiders(TAN);
    expectCloseArray(criticWeights(cols, pop).weights, TA_WEIGHTS, 13);
  });
  it("gives a constant column σ = 0, correlations 0 and C = 0; the others see it as uncorrelated", () => {
    const r = criticWeights(columns(TAN.map((row) => [...row, 0.5])), all(5));
    expectCloseArray(
      r.weights,
      [0.1610659632450016, 0.23524590668385842, 0.16498903872998683, 0.12791225766247263, 0.15818544210417534, 0.15260139157450514, 0],
      13,
    );
    expect(r.sd[6]).toBe(0);
    expect(r.information[6]).toBe(0);
    expect([...r.correlation[6]]).toEqual([0, 0, 0, 0, 0, 0, 1]);
  });
  it("gives duplicated columns (a tie, r = 1) equal weights", () => {
    const r = criticWeights(columns(TAN.map((row) => [...row, row[1]])), all(5));
    expectCloseArray(
      r.weights,
      [0.13476847064849864, 0.16562960271362043, 0.13712841986384117, 0.11460992145873607, 0.14150123149344798, 0.14073275110823524, 0.16562960271362043],
      13,
    );
    expect(r.weights[6]).toBe(r.weights[1]);
    expect(r.correlation[1][6]).toBe(1);
  });
});

describe("criticWeights by hand", () => {
  it("computes C_j = σ_j Σ_k (1 − r_jk) on a 3 × 3 example", () => {
    // a = (0, ½, 1), b = (1, ½, 0), c = (0, 1, 0). Sample σ: σ_a = σ_b = √(½/2) = ½, σ_c = √((2/3)/2) = 1/√3.
    // r_ab = −1; r_ac = r_bc = 0 (deviations (−½, 0, ½) · (−⅓, ⅔, −⅓) = 0).
    // C_a = C_b = ½ · (0 + 2 + 1) = 3/2; C_c = (1/√3) · (1 + 1 + 0) = 2/√3. w = C / (3 + 2/√3).
    const r = criticWeights(columns([[0, 1, 0], [0.5, 0.5, 1], [1, 0, 0]]), all(3));
    const t = 3 + 2 / Math.sqrt(3);
    expectCloseArray(r.information, [1.5, 1.5, 2 / Math.sqrt(3)], 15);
    expectCloseArray(r.weights, [1.5 / t, 1.5 / t, 2 / Math.sqrt(3) / t], 15);
    expectCloseArray(r.weights, [0.3610368511866682, 0.3610368511866682, 0.2779262976266637], 15); // numpy
    expect(r.correlation[0][1]).toBe(-1);
  });
  it("gives equal weights, with a note, when every column is constant or there is one enterprise", () => {
    const constant = criticWeights(columns([[1, 0.2], [1, 0.2], [1, 0.2]]), all(3));
    expectCloseArray(constant.weights, [0.5, 0.5], 15);
    expect(constant.note).toMatch(/equal/);
    const single = criticWeights(columns([[0.3, 0.9, 0.1]]), all(1));
    expectCloseArray(single.weights, [1 / 3, 1 / 3, 1 / 3], 15);
    expect([...single.sd]).toEqual([0, 0, 0]);
    expect(sum(single.weights)).toBeCloseTo(1, 15);
  });
  it("refuses columns that do not match the mask", () => {
    expect(() => criticWeights([new Float64Array(3), new Float64Array(4)], all(3))).toThrow(WeightError);
    expect(() => criticWeights([new Float64Array(3), new Float64Array(4)], all(3))).toThrow(/indicator 1 has 4 values but the population mask has 3 rows/);
    expect(() => criticWeights([], all(3))).toThrow(/no indicators/);
  });
});
