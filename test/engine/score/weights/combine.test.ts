import { describe, expect, it } from "vitest";
import { combineWeights } from "../../../../engine/score/weights/combine.js";
import { WeightError } from "../../../../engine/score/weights/errors.js";
import { expectCloseArray, sum } from "./helpers.js";

// No published worked example with full numbers was found for the game-theory combination; these
// are worked by hand (and checked with numpy, test/reference/weights.py, "game theory …").
const U1 = Float64Array.of(0.6, 0.3, 0.1);
const U2 = Float64Array.of(0.25, 0.25, 0.5);
const U3 = Float64Array.of(0.1, 0.6, 0.3);

describe("combineWeights: multiplicative", () => {
  it("is u1·u2 / Σ u1·u2", () => {
    // u1·u2 = (0.15, 0.075, 0.05), Σ = 0.275 → (6/11, 3/11, 2/11).
    const r = combineWeights([U1, U2], "multiplicative");
    expectCloseArray(r.weights, [6 / 11, 3 / 11, 2 / 11], 15);
    expect(r.coefficients).toEqual([]);
  });
  it("takes any number of sets (numpy: 0.2, 0.6, 0.2 for three)", () => {
    // u1·u2·u3 = (0.015, 0.045, 0.015) → (0.2, 0.6, 0.2).
    expectCloseArray(combineWeights([U1, U2, U3], "multiplicative").weights, [0.2, 0.6, 0.2], 15);
  });
  it("refuses sets with no indicator weighted in all of them", () => {
    expect(() => combineWeights([Float64Array.of(1, 0), Float64Array.of(0, 1)], "multiplicative")).toThrow(/0 everywhere.*linear or game-theory/);
  });
});

describe("combineWeights: linear", () => {
  it("is μ·u1 + (1 − μ)·u2, μ = 0.5 by default", () => {
    const r = combineWeights([U1, U2], "linear", 0.7);
    expectCloseArray(r.weights, [0.495, 0.285, 0.22], 15);
    expect(r.coefficients).toEqual([0.7, 0.30000000000000004]);
    expectCloseArray(combineWeights([U1, U2], "linear").weights, [0.425, 0.275, 0.3], 15);
  });
  it("uses equal coefficients for more than two sets unless an array is given", () => {
    const equal = combineWeights([U1, U2, U3], "linear");
    expectCloseArray(equal.weights, [0.95 / 3, 1.15 / 3, 0.9 / 3], 15);
    expect(equal.note).toBeUndefined();
    const withMu = combineWeights([U1, U2, U3], "linear", 0.5);
    expectCloseArray(withMu.weights, [0.95 / 3, 1.15 / 3, 0.9 / 3], 15);
    expect(withMu.note).toMatch(/μ = 0.5 splits two sets/);
    // Coefficients (2, 1, 1) → (½, ¼, ¼): w = (0.3 + 0.0625 + 0.025, 0.15 + 0.0625 + 0.15, 0.05 + 0.125 + 0.075).
    const given = combineWeights([U1, U2, U3], "linear", [2, 1, 1]);
    expect(given.coefficients).toEqual([0.5, 0.25, 0.25]);
    expectCloseArray(given.weights, [0.3875, 0.3625, 0.25], 15);
  });
  it("refuses μ outside [0, 1] and a coefficient array of the wrong length", () => {
    expect(() => combineWeights([U1, U2], "linear", 1.5)).toThrow(/μ = 1.5 is outside \[0, 1\]/);
    expect(() => combineWeights([U1, U2], "linear", [1, 2, 3])).toThrow(/3 coefficients for 2 weight sets/);
  });
});

describe("combineWeights: game theory", () => {
  it("solves G α = diag(G) and uses α* = |α|/Σ|α| (worked by hand)", () => {
    // G = [[u1·u1, u1·u2], [u2·u1, u2·u2]] = [[0.46, 0.275], [0.275, 0.375]], det = 0.096875.
    // α1 = 0.375·(0.46 − 0.275)/det = 0.069375/det, α2 = 0.46·(0.375 − 0.275)/det = 0.046/det.
    // α* = (0.069375, 0.046)/0.115375 = (555/923, 368/923).
    // w = (555·u1 + 368·u2)/923 = (425, 258.5, 239.5)/923.
    const r = combineWeights([U1, U2], "game-theory");
    expectCloseArray(r.coefficients, [555 / 923, 368 / 923], 15);
    expectCloseArray(r.weights, [425 / 923, 258.5 / 923, 239.5 / 923], 15);
    expect(r.note).toBeUndefined();
  });
  it("matches numpy (test/reference/weights.py) for two and three sets", () => {
    const two = combineWeights([U1, U2], "game-theory");
    expectCloseArray(two.weights, [0.4604550379198266, 0.2800650054171181, 0.25947995666305523], 14);
    expectCloseArray(two.coefficients, [0.6013001083423618, 0.39869989165763814], 14);
    const three = combineWeights([U1, U2, U3], "game-theory");
    expectCloseArray(three.weights, [0.3467897180387273, 0.44689163175178354, 0.2063186502094892], 13);
    expectCloseArray(three.coefficients, [0.48777035443324673, 0.01936360548069264, 0.49286604008606055], 13);
  });
  it("falls back to equal coefficients, and says so, when the sets are identical (G singular)", () => {
    const r = combineWeights([U1, Float64Array.from(U1)], "game-theory");
    expect(r.coefficients).toEqual([0.5, 0.5]);
    expectCloseArray(r.weights, [0.6, 0.3, 0.1], 15);
    expect(r.note).toMatch(/linearly dependent.*equal coefficients/);
  });
  it("also falls back for three sets of which one is a mix of the others", () => {
    const mix = U1.map((x, j) => 0.5 * x + 0.5 * U2[j]);
    const r = combineWeights([U1, U2, mix], "game-theory");
    expect(r.note).toMatch(/equal coefficients/);
    expectCloseArray(r.weights, [0.425, 0.275, 0.3], 15);
  });
});

describe("combineWeights input", () => {
  it("rescales each set to sum 1 and the result to sum 1", () => {
    const r = combineWeights([Float64Array.of(6, 3, 1), Float64Array.of(1, 1, 2)], "linear");
    expectCloseArray(r.weights, [0.425, 0.275, 0.3], 15);
    expect(sum(r.weights)).toBeCloseTo(1, 15);
  });
  it("refuses fewer than two sets, mismatched lengths and negative weights", () => {
    expect(() => combineWeights([U1], "linear")).toThrow(WeightError);
    expect(() => combineWeights([U1], "linear")).toThrow(/1 weight set given; combining needs at least two/);
    expect(() => combineWeights([U1, Float64Array.of(0.5, 0.5)], "linear")).toThrow(/set 1 has 2 weights, set 0 has 3/);
    expect(() => combineWeights([U1, Float64Array.of(1.2, -0.2, 0)], "linear")).toThrow(/set 1 gives indicator 1 the weight -0.2/);
  });
});
