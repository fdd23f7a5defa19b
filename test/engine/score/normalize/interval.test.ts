import { describe, expect, it } from "vitest";
import { interval, normalize } from "../../../../engine/score/normalize/index.js";

const all = (n: number) => new Uint8Array(n).fill(1);
const x = Float64Array.from([2, 5, 6, 8, 10, 13, 20]);
const spec = { method: "interval", q1: 6, q2: 10 } as const;

// No published worked example with checkable numbers was found for the tolerance-bound form; the
// values below are hand computations of r = 1 − (q1 − x)/(q1 − lower), 1, 1 − (x − q2)/(upper − q2).
describe("interval (区间型)", () => {
  it("scores 1 inside [q1, q2] and falls linearly to 0 at the population min and max", () => {
    // lower = min = 2, upper = max = 20: 5 → 1 − 1/4, 13 → 1 − 3/10
    expect([...interval(x, all(7), spec).values]).toEqual([0, 0.75, 1, 1, 1, 0.7, 0]);
  });
  it("uses explicit tolerance bounds and scores 0 beyond them", () => {
    const r = interval(x, all(7), { ...spec, lower: 4, upper: 16 }).values;
    expect([...r]).toEqual([0, 0.5, 1, 1, 1, 0.5, 0]); // 2 < 4 and 20 > 16 → 0; 5 → 1 − 1/2; 13 → 1 − 3/6
  });
  it("reproduces the single-tolerance textbook form with lower = q1 − M, upper = q2 + M", () => {
    // M = max(q1 − min, max − q2) = max(4, 10) = 10: 2 → 1 − 4/10, 5 → 1 − 1/10, 13 → 1 − 3/10, 20 → 0
    const r = interval(x, all(7), { ...spec, lower: 6 - 10, upper: 10 + 10 }).values;
    expect(r[0]).toBeCloseTo(0.6, 15);
    expect(r[1]).toBeCloseTo(0.9, 15);
    expect(r[5]).toBeCloseTo(0.7, 15);
    expect(r[6]).toBe(0);
  });
  it("ignores the direction", () => {
    expect([...normalize(x, all(7), "cost", spec).values]).toEqual([...normalize(x, all(7), "benefit", spec).values]);
  });
  it("takes the default bounds over the population only; other rows and missing values stay NaN", () => {
    // population 5, 6, 13, NaN: lower = 5, upper = 13
    const r = interval(Float64Array.from([2, 5, 6, 13, 20, NaN]), Uint8Array.from([0, 1, 1, 1, 0, 1]), spec);
    expect([...r.values]).toEqual([NaN, 0, 1, 0, NaN, NaN]);
    expect(r.missing).toBe(1);
  });
  it("has nothing below q1 when the whole population lies above it", () => {
    expect([...interval(Float64Array.from([7, 9, 12]), all(3), spec).values]).toEqual([1, 1, 0]);
  });
  it("gives defined scores to a constant column and a single enterprise, flagged constant", () => {
    const inside = interval(Float64Array.from([7, 7, 7]), all(3), spec);
    expect([...inside.values]).toEqual([1, 1, 1]);
    expect(inside.constant).toBe(true);
    expect([...interval(Float64Array.from([3, 3]), all(2), spec).values]).toEqual([0, 0]); // the minimum is the lower bound
    expect([...interval(Float64Array.from([12]), all(1), spec).values]).toEqual([0]);
    expect([...interval(Float64Array.from([12]), all(1), { ...spec, upper: 14 }).values]).toEqual([0.5]);
  });
  it("refuses an empty or inverted interval and bounds on the wrong side", () => {
    expect(() => interval(x, all(7), { method: "interval", q1: 10, q2: 6 })).toThrow(/q1 ≤ q2/);
    expect(() => interval(x, all(7), { ...spec, lower: 7 })).toThrow(/lower bound 7 must be at most q1/);
    expect(() => interval(x, all(7), { ...spec, upper: 9 })).toThrow(/upper bound 9 must be at least q2/);
  });
});
