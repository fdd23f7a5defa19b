import { describe, expect, it } from "vitest";
import { normalize, NormalizeError, sum } from "../../../../engine/score/normalize/index.js";

const all = (n: number) => new Uint8Array(n).fill(1);
const total = (v: Float64Array) => v.reduce((a, b) => (b === b ? a + b : a), 0);

// Hand computations: benefit x/Σx, cost (1/x)/Σ(1/x).
describe("sum", () => {
  it("gives each enterprise its share of the total", () => {
    const r = sum(Float64Array.from([1, 2, 3, 4]), all(4), "benefit").values;
    expect(r[0]).toBeCloseTo(0.1, 15);
    expect(r[3]).toBeCloseTo(0.4, 15);
    expect(total(r)).toBeCloseTo(1, 15);
  });
  it("gives cost its share of the reciprocals: Σ 1/x over 1, 2, 3, 4 = 25/12", () => {
    const r = sum(Float64Array.from([1, 2, 3, 4]), all(4), "cost").values;
    [12 / 25, 6 / 25, 4 / 25, 3 / 25].forEach((v, i) => expect(r[i]).toBeCloseTo(v, 15));
    expect(total(r)).toBeCloseTo(1, 15);
  });
  it("sums over the observed population only", () => {
    const r = sum(Float64Array.from([100, 1, NaN, 3]), Uint8Array.from([0, 1, 1, 1]), "benefit");
    expect([...r.values]).toEqual([NaN, 0.25, NaN, 0.75]);
    expect(r.missing).toBe(1);
  });
  it("gives a constant column (all zero included) equal shares 1/n, and a single enterprise 1", () => {
    for (const dir of ["benefit", "cost"] as const) {
      const z = sum(Float64Array.from([0, 0, NaN, 0, 0]), all(5), dir);
      expect([...z.values]).toEqual([0.25, 0.25, NaN, 0.25, 0.25]);
      expect(z.constant).toBe(true);
      expect([...normalize(Float64Array.from([9]), all(1), dir, { method: "sum" }).values]).toEqual([1]);
    }
  });
  it("refuses negative values, and a zero among positive values for cost", () => {
    expect(() => sum(Float64Array.from([3, -2]), all(2), "benefit")).toThrow(NormalizeError);
    expect(() => sum(Float64Array.from([0, 2]), all(2), "cost")).toThrow(/\(1\/x\)\/Σ\(1\/x\), undefined when some values are 0/);
    expect([...sum(Float64Array.from([0, 2]), all(2), "benefit").values]).toEqual([0, 1]);
  });
});
