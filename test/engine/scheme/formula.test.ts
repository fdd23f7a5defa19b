import { describe, expect, it } from "vitest";
import { compileFormula, FormulaError } from "../../../engine/scheme/formula.js";

const col = (...xs: number[]) => Float64Array.from(xs);
function run(source: string, cols: Record<string, number[]>, n: number) {
  const f = compileFormula(source);
  return f.evaluate(f.symbols.map((s) => col(...cols[s])), n);
}

describe("formula kernels", () => {
  it("evaluates arithmetic column-wise with mathjs precedence", () => {
    const { values } = run("a + b * c ^ 2 - -a / 4", { a: [1, 2], b: [3, 4], c: [2, 3] }, 2);
    expect([...values]).toEqual([1 + 3 * 4 + 0.25, 2 + 4 * 9 + 0.5]);
  });
  it("lists the names it reads, once each, in order", () => {
    expect(compileFormula("tax / land_mu + tax").symbols).toEqual(["tax", "land_mu"]);
  });
  it("gives comparisons and logic as 1/0 and propagates missing values (three-valued)", () => {
    const { values } = run("a >= 3 and b != 0", { a: [3, 2, NaN, NaN], b: [1, 1, 1, 0] }, 4);
    expect([...values]).toEqual([1, 0, NaN, 0]);
    expect([...run("a > 1 or b > 1", { a: [NaN, NaN, 0], b: [2, 0, 0] }, 3).values]).toEqual([1, NaN, 0]);
    expect([...run("not a", { a: [0, 5, NaN] }, 3).values]).toEqual([1, 0, NaN]);
  });
  it("turns a division by zero into a missing value and counts it, never Infinity", () => {
    const { values, issues } = run("a / b", { a: [1, 1, 0], b: [2, 0, 0] }, 3);
    expect([...values]).toEqual([0.5, NaN, NaN]);
    expect(issues.divisionByZero).toBe(2);
    expect(issues.rows).toEqual([1, 2]);
  });
  it("does not count a guarded division (lazy conditional)", () => {
    const { values, issues } = run("b > 0 ? a / b : 0", { a: [1, 1], b: [2, 0] }, 2);
    expect([...values]).toEqual([0.5, 0]);
    expect(issues.divisionByZero).toBe(0);
  });
  it("counts the rows where a divisor is negative and names the divisors, but not a guarded one", () => {
    const f = compileFormula("a / b + c / (d - 1)");
    expect(f.divisors).toEqual(["b", "(d - 1)"]);
    const { issues } = f.evaluate([col(1, 1, 1, 1), col(2, -1, NaN, -3), col(1, 1, 1, 1), col(5, 5, 0, 5)], 4);
    expect(issues.negativeDivisor).toBe(3); // rows 1 and 3 (b < 0), row 2 (d − 1 < 0)
    expect(issues.negativeRows).toEqual([1, 2, 3]);
    expect(run("b > 0 ? a / b : 0", { a: [1, 1], b: [2, -4] }, 2).issues.negativeDivisor).toBe(0);
    expect(run("a * b", { a: [1], b: [-1] }, 1).issues.negativeDivisor).toBe(0);
  });
  it("makes other non-finite results missing and counts them", () => {
    const { values, issues } = run("log(a)", { a: [Math.E, 0] }, 2);
    expect(values[0]).toBeCloseTo(1, 15);
    expect(values[1]).toBeNaN();
    expect(issues.nonFinite).toBe(1);
  });
  it("has missing(), min, max, abs, sqrt, round and two-argument log", () => {
    expect([...run("missing(a)", { a: [NaN, 0] }, 2).values]).toEqual([1, 0]);
    expect([...run("max(a, b, 3) + min(a, b)", { a: [1, 5], b: [4, 2] }, 2).values]).toEqual([4 + 1, 5 + 2]);
    expect([...run("abs(a) + sqrt(b) + round(c)", { a: [-2], b: [9], c: [2.5] }, 1).values]).toEqual([2 + 3 + 3]);
    expect(run("log(a, 10)", { a: [1000] }, 1).values[0]).toBeCloseTo(3, 14);
  });
  it("rejects what it cannot compile, with a readable message", () => {
    expect(() => compileFormula("a +")).toThrow(FormulaError);
    expect(() => compileFormula('a == "x"')).toThrow(/only numbers/);
    expect(() => compileFormula("foo(a)")).toThrow(/unknown function foo\(\)/);
    expect(() => compileFormula("a = 3")).toThrow(/not supported/);
  });
  it("compiles each formula once", () => {
    expect(compileFormula("x * 2")).toBe(compileFormula("x * 2"));
  });
});
