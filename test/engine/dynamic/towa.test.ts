import { describe, expect, it } from "vitest";
import { DynamicError } from "../../../engine/dynamic/errors.js";
import { timeWeights } from "../../../engine/dynamic/time-weights.js";
import { dynamicScore, towa } from "../../../engine/dynamic/towa.js";
import { at, parkPanel } from "./fixtures.js";

// Three periods, six enterprises (columns): A all three, B enters in period 2, C only period 1,
// D never scored, E has a gap in period 2, F rises then falls.
const N = NaN;
const scores = [
  Float64Array.of(10, N, 50, N, 10, 30),
  Float64Array.of(20, 20, N, N, N, 20),
  Float64Array.of(30, 40, N, N, 30, 25),
];
const w = Float64Array.of(0.2, 0.3, 0.5);

describe("towa", () => {
  it("weighs the periods an enterprise has, with the weights renormalised over them", () => {
    const r = towa(scores, w);
    expect(r.score[0]).toBeCloseTo(23, 13); // 0.2·10 + 0.3·20 + 0.5·30
    expect(r.score[1]).toBeCloseTo(32.5, 13); // (0.3·20 + 0.5·40) / 0.8
    expect(r.score[2]).toBe(50); // one period: its own score
    expect(r.score[3]).toBeNaN();
    expect(r.score[4]).toBeCloseTo(17 / 0.7, 13); // (0.2·10 + 0.5·30) / 0.7
    expect(r.score[5]).toBeCloseTo(24.5, 13); // 6 + 6 + 12.5
    expect(Array.from(r.periodsUsed)).toEqual([3, 2, 1, 0, 2, 3]);
  });

  it("gives NaN below minPeriods but still reports how many periods there were", () => {
    const r = towa(scores, w, 3);
    expect(r.score[0]).toBeCloseTo(23, 13);
    expect(r.score[1]).toBeNaN();
    expect(r.score[4]).toBeNaN();
    expect(Array.from(r.periodsUsed)).toEqual([3, 2, 1, 0, 2, 3]);
  });

  it("with equal time weights is the mean of the periods present (the park: E3 = (60 + 58 + 40)/3)", () => {
    const panel = parkPanel();
    const r = towa(panel.score, timeWeights(5, 0.5));
    expect(r.score[at(panel, "E3")]).toBeCloseTo(158 / 3, 12);
    expect(r.score[at(panel, "E5")]).toBeCloseTo(215 / 4, 12); // not graded in 2021
    expect(r.periodsUsed[at(panel, "E4")]).toBe(3);
    expect(r.score[at(panel, "E7")]).toBeNaN(); // listed, never graded
  });

  it("refuses mismatched or meaningless input", () => {
    expect(() => towa(scores, Float64Array.of(0.5, 0.5))).toThrow(/3 periods but 2 time weights/);
    expect(() => towa(scores, w, 0)).toThrow(DynamicError);
    expect(() => towa(scores, Float64Array.of(0.5, -0.1, 0.6))).toThrow(DynamicError);
    expect(() => towa([Float64Array.of(1, 2), Float64Array.of(1)], Float64Array.of(0.5, 0.5))).toThrow(/align the periods/);
    expect(() => towa([], [])).toThrow(DynamicError);
  });
});

describe("dynamicScore: level + growth from differences", () => {
  it("combines (1 − α)·level + α·growth, growth over the periods with a scored predecessor", () => {
    const r = dynamicScore(scores, w, { growth: 0.5 });
    // A: G = 10 (period 2, ω .3) and 10 (period 3, ω .5) → 10; level 23.
    expect(r.growth[0]).toBeCloseTo(10, 13);
    expect(r.score[0]).toBeCloseTo(16.5, 13);
    // B: first period 2 has no predecessor → only G3 = 20.
    expect(r.growth[1]).toBeCloseTo(20, 13);
    expect(r.score[1]).toBeCloseTo(0.5 * 32.5 + 0.5 * 20, 13);
    // F: (0.3·(−10) + 0.5·5)/0.8 = −0.625; level 24.5.
    expect(r.growth[5]).toBeCloseTo(-0.625, 13);
    expect(r.score[5]).toBeCloseTo(11.9375, 13);
    expect(Array.from(r.growthPeriods)).toEqual([2, 1, 0, 0, 0, 2]);
  });

  it("has no growth for a single period or across a gap, and then no combined score when α > 0", () => {
    const r = dynamicScore(scores, w, { growth: 0.5 });
    expect(r.level[2]).toBe(50);
    expect(r.growth[2]).toBeNaN();
    expect(r.score[2]).toBeNaN();
    expect(r.level[4]).toBeCloseTo(17 / 0.7, 13);
    expect(r.growth[4]).toBeNaN(); // 10 → gap → 30 is not a one-period change
    expect(r.score[4]).toBeNaN();
  });

  it("α = 0 is the TOWA level; α = 1 is the growth alone", () => {
    const level = dynamicScore(scores, w, { growth: 0 });
    const plain = towa(scores, w);
    expect(Array.from(level.score)).toEqual(Array.from(plain.score)); // NaN equals NaN here
    expect(level.score[2]).toBe(50); // no growth needed
    const growthOnly = dynamicScore(scores, w, { growth: 1 });
    expect(growthOnly.score[0]).toBeCloseTo(10, 13);
    expect(growthOnly.score[5]).toBeCloseTo(-0.625, 13);
  });

  it("applies minPeriods to every part", () => {
    const r = dynamicScore(scores, w, { growth: 0.5, minPeriods: 3 });
    expect(r.score[0]).toBeCloseTo(16.5, 13);
    expect(r.level[1]).toBeNaN();
    expect(r.growth[1]).toBeNaN();
    expect(r.score[1]).toBeNaN();
    expect(r.periodsUsed[1]).toBe(2);
  });

  it("refuses α outside [0, 1]", () => {
    expect(() => dynamicScore(scores, w, { growth: 1.2 })).toThrow(/growth share α must lie in \[0, 1\]/);
    expect(() => dynamicScore(scores, w, { growth: -0.1 })).toThrow(DynamicError);
  });
});
