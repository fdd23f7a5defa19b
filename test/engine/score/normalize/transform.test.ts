import { describe, expect, it } from "vitest";
import { logTransform, normalize, NormalizeError, } from "../../../../engine/score/normalize/index.js";
import type { NormalizeSpec as AnyNormalizeSpec } from "../../../../engine/scheme/types.js";

const all = (n: number) => new Uint8Array(n).fill(1);
const E = Math.E;

describe("transform: log", () => {
  it("takes ln(x) when every population value is positive", () => {
    const r = normalize(Float64Array.from([1, E, E * E]), all(3), "benefit", { method: "minmax", transform: "log" });
    expect(r.values[0]).toBe(0);
    expect(r.values[1]).toBeCloseTo(0.5, 15);
    expect(r.values[2]).toBe(1);
    expect(r.transform).toEqual({ method: "log", shifted: false });
  });
  it("shifts to ln(x − min + 1) (COINr's log_CT_orig) when some value is ≤ 0, and says so", () => {
    const t = logTransform(Float64Array.from([-2, E - 3, 5, 0]), Uint8Array.from([1, 1, 1, 0]));
    expect(t.shifted).toBe(true);
    expect(t.min).toBe(-2);
    expect(t.values[0]).toBe(0); // the minimum maps to ln 1
    expect(t.values[1]).toBeCloseTo(1, 15);
    expect(t.values[2]).toBe(Math.log(8));
    expect(t.values[3]).toBeNaN(); // outside the population
    const r = normalize(Float64Array.from([0, 1, 3]), all(3), "benefit", { method: "zscore", transform: "log" });
    expect(r.transform).toEqual({ method: "log", shifted: true, min: 0 });
  });
  it("is usable with every method: zeros and negatives give a defined score or a NormalizeError, never NaN", () => {
    const x = Float64Array.from([-3, 0, 0, 2, 40, NaN, 1000]);
    const pop = Uint8Array.from([1, 1, 1, 1, 1, 1, 0]);
    const specs: AnyNormalizeSpec[] = [
      { method: "minmax" }, { method: "vector" }, { method: "zscore" }, { method: "efficacy", c: 60, d: 40 },
      { method: "benchmark-ratio", benchmark: "mean", factor: 1 }, { method: "benchmark-ratio", benchmark: 10, factor: 1, cap: 2 },
      { method: "interval", q1: 0, q2: 2 }, { method: "rank" }, { method: "percentile" }, { method: "max" }, { method: "sum" },
      { method: "target", floor: -1, target: 40 },
    ];
    for (const dir of ["benefit", "cost"] as const)
      for (const s of specs) {
        if (s.method === "target" && dir === "cost") continue; // a cost target lies below the floor
        let r;
        try {
          r = normalize(x, pop, dir, { ...s, transform: "log" });
        } catch (e) {
          expect(e, `${s.method} ${dir}`).toBeInstanceOf(NormalizeError);
          continue;
        }
        for (let i = 0; i < 5; i++) expect(Number.isFinite(r.values[i]), `${s.method} ${dir} row ${i}`).toBe(true);
        expect(r.values[5]).toBeNaN();
        expect(r.values[6]).toBeNaN();
        expect(r.transform?.shifted).toBe(true);
      }
  });
  it("maps parameters given in the indicator's units through the same log", () => {
    // ln e = 1 between floor ln 1 = 0 and target ln e² = 2
    const t = normalize(Float64Array.from([E, E * E * E]), all(2), "benefit", { method: "target", floor: 1, target: E * E, transform: "log" });
    expect(t.values[0]).toBeCloseTo(0.5, 15);
    expect(t.values[1]).toBe(1);
    // benchmark e → 1: ln e² / 1 = 2
    const b = normalize(Float64Array.from([E * E]), all(1), "benefit", { method: "benchmark-ratio", benchmark: E, factor: 1, transform: "log" });
    expect(b.values[0]).toBeCloseTo(2, 15);
    // the interval [e, e²] → [1, 2]; min ln 1 = 0 is the default lower bound
    const iv = normalize(Float64Array.from([1, Math.exp(0.5), E * 2]), all(3), "benefit", { method: "interval", q1: E, q2: E * E, transform: "log" });
    expect(iv.values[0]).toBe(0);
    expect(iv.values[1]).toBeCloseTo(0.5, 15);
    expect(iv.values[2]).toBe(1);
  });
  it("refuses a parameter the log cannot map", () => {
    expect(() => normalize(Float64Array.from([1, 2]), all(2), "benefit", { method: "target", floor: 0, target: 2, transform: "log" })).toThrow(
      /transform: log maps the floor 0 to -Infinity/,
    );
    expect(() =>
      normalize(Float64Array.from([0, 2]), all(2), "benefit", { method: "interval", q1: -5, q2: 1, transform: "log" }),
    ).toThrow(/needs a q1 above -1/);
  });
  it("refuses an unknown transform", () => {
    const spec = { method: "minmax", transform: "sqrt" } as unknown as AnyNormalizeSpec;
    expect(() => normalize(Float64Array.from([1, 2]), all(2), "benefit", spec)).toThrow(/unknown transform "sqrt"/);
  });
});
