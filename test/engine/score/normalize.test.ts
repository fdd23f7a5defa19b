import { describe, expect, it } from "vitest";
import { benchmarkRatio, efficacy, median, minmax, normalize, vector, zscore } from "../../../engine/score/normalize/index.js";

const all = (n: number) => new Uint8Array(n).fill(1);
const x = Float64Array.from([2, 4, 6, 10]);

describe("minmax", () => {
  it("maps benefit to (x − min)/(max − min) and cost to (max − x)/(max − min)", () => {
    expect([...minmax(x, all(4), "benefit").values]).toEqual([0, 0.25, 0.5, 1]);
    expect([...minmax(x, all(4), "cost").values]).toEqual([1, 0.75, 0.5, 0]);
  });
  it("takes min and max over the population only and leaves other rows NaN", () => {
    const r = minmax(x, Uint8Array.from([0, 1, 1, 0]), "benefit").values;
    expect([...r]).toEqual([NaN, 0, 1, NaN]);
  });
  it("keeps missing values missing for the missing-value policy", () => {
    const r = minmax(Float64Array.from([1, NaN, 3]), all(3), "benefit").values;
    expect([...r]).toEqual([0, NaN, 1]);
  });
  it("gives a constant column 1 and says so, never NaN", () => {
    const r = minmax(Float64Array.from([5, 5, 5]), all(3), "benefit");
    expect(r.constant).toBe(true);
    expect([...r.values]).toEqual([1, 1, 1]);
  });
});

describe("vector", () => {
  it("divides by the Euclidean norm (3-4-5: √(3² + 4²) = 5)", () => {
    expect([...vector(Float64Array.from([3, 4]), all(2), "benefit").values]).toEqual([0.6, 0.8]);
    const cost = vector(Float64Array.from([3, 4]), all(2), "cost").values;
    expect(cost[0]).toBeCloseTo(0.4, 15);
    expect(cost[1]).toBeCloseTo(0.2, 15);
  });
  it("gives an all-zero column 0 (benefit) or 1 (cost)", () => {
    expect([...vector(new Float64Array(3), all(3), "benefit").values]).toEqual([0, 0, 0]);
    expect([...vector(new Float64Array(3), all(3), "cost").values]).toEqual([1, 1, 1]);
  });
});

describe("zscore", () => {
  it("uses the sample standard deviation", () => {
    // mean 5.5, sample sd = √((3.5² + 1.5² + 0.5² + 4.5²)/3) = √(35/3)
    const sd = Math.sqrt(35 / 3);
    const r = zscore(x, all(4), "benefit").values;
    expect(r[0]).toBeCloseTo(-3.5 / sd, 14);
    expect(r[3]).toBeCloseTo(4.5 / sd, 14);
    expect(zscore(x, all(4), "cost").values[3]).toBeCloseTo(-4.5 / sd, 14);
  });
  it("gives a constant column and a single enterprise 0", () => {
    expect([...zscore(Float64Array.from([7, 7]), all(2), "benefit").values]).toEqual([0, 0]);
    expect([...zscore(Float64Array.from([7]), all(1), "benefit").values]).toEqual([0]);
  });
});

describe("benchmark-ratio (亩均)", () => {
  it("divides by the period mean, floors at 0 and caps", () => {
    // mean of 2, 4, 6, 10 is 5.5
    const r = benchmarkRatio(x, all(4), "benefit", { method: "benchmark-ratio", benchmark: "mean", factor: 1, cap: 1.5 }).values;
    expect(r[0]).toBeCloseTo(2 / 5.5, 15);
    expect(r[2]).toBeCloseTo(6 / 5.5, 15);
    expect(r[3]).toBe(1.5);
  });
  it("reproduces Huangyan 2022's 亩均税收 item: x ÷ 24.097 × 30 points", () => {
    const r = benchmarkRatio(Float64Array.from([48.194, 12.0485]), all(2), "benefit", { method: "benchmark-ratio", benchmark: 24.097, factor: 1 }).values;
    expect(r[0] * 30).toBeCloseTo(60, 12);
    expect(r[1] * 30).toBeCloseTo(15, 12);
  });
  it("uses the median, a factor (Huai'an: 2 × last year's average) and the cost variant 2 − x/b", () => {
    const med = benchmarkRatio(x, all(4), "benefit", { method: "benchmark-ratio", benchmark: "median", factor: 2 });
    expect(med.benchmark).toBe(10); // median 5 × 2
    expect([...med.values]).toEqual([0.2, 0.4, 0.6, 1]);
    const cost = benchmarkRatio(x, all(4), "cost", { method: "benchmark-ratio", benchmark: 5, factor: 1 }).values;
    expect([...cost]).toEqual([1.6, 1.2, 0.8, 0]); // 2 − 10/5 = 0, floored
  });
  it("refuses a benchmark that is not positive", () => {
    expect(() => benchmarkRatio(Float64Array.from([0, 0]), all(2), "benefit", { method: "benchmark-ratio", benchmark: "mean", factor: 1 })).toThrow(/positive benchmark/);
  });
});

describe("efficacy", () => {
  it("is 60 + 40·r by default and c + d for a constant column", () => {
    expect([...efficacy(x, all(4), "benefit", 60, 40).values]).toEqual([60, 70, 80, 100]);
    expect([...normalize(Float64Array.from([3, 3]), all(2), "cost", { method: "efficacy", c: 60, d: 40 }).values]).toEqual([100, 100]);
  });
});

describe("median", () => {
  it("averages the two middle values of an even count", () => {
    expect(median(Float64Array.from([4, 1, 3, 2]))).toBe(2.5);
    expect(median(Float64Array.from([5, 1, 3]))).toBe(3);
    expect(median(new Float64Array(0))).toBeNaN();
  });
});
