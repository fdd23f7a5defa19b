import { describe, expect, it } from "vitest";
import { max, normalize, NormalizeError } from "../../../../engine/score/normalize/index.js";

const all = (n: number) => new Uint8Array(n).fill(1);

// Hand computations of Hwang & Yoon's linear scale transformation: benefit x/max, cost min/x.
describe("max", () => {
  it("divides by the maximum (benefit) and divides the minimum by the value (cost)", () => {
    const x = Float64Array.from([2, 4, 5, 10]);
    expect([...max(x, all(4), "benefit").values]).toEqual([0.2, 0.4, 0.5, 1]);
    expect([...max(x, all(4), "cost").values]).toEqual([1, 0.5, 0.4, 0.2]);
  });
  it("takes the maximum over the population; other rows and missing values stay NaN", () => {
    const r = max(Float64Array.from([100, 4, NaN, 8]), Uint8Array.from([0, 1, 1, 1]), "benefit");
    expect([...r.values]).toEqual([NaN, 0.5, NaN, 1]);
    expect(r.missing).toBe(1);
  });
  it("accepts zeros for benefit", () => {
    expect([...max(Float64Array.from([0, 5, 10]), all(3), "benefit").values]).toEqual([0, 0.5, 1]);
  });
  it("gives a constant column, an all-zero one and a single enterprise 1, flagged constant", () => {
    for (const dir of ["benefit", "cost"] as const) {
      const z = max(new Float64Array(3), all(3), dir);
      expect([...z.values]).toEqual([1, 1, 1]);
      expect(z.constant).toBe(true);
      expect([...max(Float64Array.from([6, 6]), all(2), dir).values]).toEqual([1, 1]);
      expect([...normalize(Float64Array.from([3]), all(1), dir, { method: "max" }).values]).toEqual([1]);
    }
  });
  it("refuses negative values, and a zero among positive values for cost", () => {
    expect(() => max(Float64Array.from([-1, 2]), all(2), "benefit")).toThrow(NormalizeError);
    expect(() => max(Float64Array.from([-1, 2]), all(2), "benefit")).toThrow(/values ≥ 0, and the smallest is -1/);
    expect(() => max(Float64Array.from([0, 2]), all(2), "cost")).toThrow(/min\/x, undefined when some values are 0/);
  });
});
