import { describe, expect, it } from "vitest";
import { normalize, target } from "../../../../engine/score/normalize/index.js";

const all = (n: number) => new Uint8Array(n).fill(1);

describe("target (distance to target, goalposts)", () => {
  it("reproduces UNDP's HDI life-expectancy index: (55 − 20)/(83.57 − 20) = 0.551", () => {
    // Human Development Report 2013, technical note 1: goalposts 20 and 83.57 years, "the longevity
    // component for a country where life expectancy birth is 55 years would be 0.551" (as quoted at
    // studymode.com/essays/Human-Development-Index-1823139.html; UNDP's own PDF was not opened here).
    const r = target(Float64Array.from([55]), all(1), "benefit", { method: "target", floor: 20, target: 83.57 }).values;
    expect(r[0]).toBeCloseTo(0.551, 3);
    expect(r[0]).toBe((55 - 20) / (83.57 - 20)); // the textbook expression, to the bit
  });
  it("is 0 at the floor, 1 at the target, floored at 0 and capped at 1 by default", () => {
    const r = target(Float64Array.from([10, 20, 52.5, 85, 90]), all(5), "benefit", { method: "target", floor: 20, target: 85 }).values;
    expect([...r]).toEqual([0, 0, 0.5, 1, 1]);
  });
  it("lets values beyond the target keep rising up to the cap", () => {
    const r = target(Float64Array.from([90, 200]), all(2), "benefit", { method: "target", floor: 20, target: 85, cap: 1.2 }).values;
    expect(r[0]).toBe(70 / 65);
    expect(r[1]).toBe(1.2);
  });
  it("puts a cost indicator's target below its floor: (floor − x)/(floor − target)", () => {
    // energy per output: 1.2 is the worst acceptable, 0.4 the target
    const r = target(Float64Array.from([0.8, 0.2, 1.5, 1.2]), all(4), "cost", { method: "target", floor: 1.2, target: 0.4 }).values;
    expect(r[0]).toBeCloseTo(0.5, 15);
    expect([r[1], r[2], r[3]]).toEqual([1, 0, 0]);
  });
  it("needs no population statistics: constant columns and single enterprises are defined; other rows NaN", () => {
    const c = normalize(Float64Array.from([52.5, 52.5, NaN, 99]), Uint8Array.from([1, 1, 1, 0]), "benefit", { method: "target", floor: 20, target: 85 });
    expect([...c.values]).toEqual([0.5, 0.5, NaN, NaN]);
    expect(c.constant).toBe(true);
    expect(c.missing).toBe(1);
  });
  it("refuses a target on the wrong side of the floor and a cap below 1", () => {
    expect(() => target(Float64Array.from([1]), all(1), "benefit", { method: "target", floor: 5, target: 2 })).toThrow(/benefit indicator's target must be above its floor/);
    expect(() => target(Float64Array.from([1]), all(1), "cost", { method: "target", floor: 2, target: 5 })).toThrow(/cost indicator's target must be below its floor/);
    expect(() => target(Float64Array.from([1]), all(1), "benefit", { method: "target", floor: 0, target: 1, cap: 0.5 })).toThrow(/cap \(0.5\) must be at least 1/);
    expect(() => target(Float64Array.from([1]), all(1), "benefit", { method: "target", floor: 0, target: Infinity })).toThrow(/must be finite/);
  });
});
