import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { indicatorDistributions } from "../../../engine/charts/distribution.js";
import type { Indicator, Scheme } from "../../../engine/scheme/types.js";
import type { PeriodResult } from "../../../engine/score/types.js";
import { periodResult } from "../../../engine/store/results.js";

const DATA = join(import.meta.dirname, "..", "..", "..", "datasets", "demo");

/** The least of a result and a scheme that indicatorDistributions reads. */
function fixture(values: number[], status: PeriodResult["status"], outliers: Indicator["outliers"] = { method: "none" }) {
  const result = { status, values: new Map([["x", Float64Array.from(values)]]) } as unknown as PeriodResult;
  const scheme = { indicators: [{ id: "x", outliers } as Indicator] } as unknown as Scheme;
  return { result, scheme };
}

describe("indicatorDistributions", () => {
  it("summarises the graded values only, counts the missing ones and flags by COINr's rule", () => {
    // graded 1, 2, 3, 4, 100 and one blank; 1000 is not graded and must not count
    const { result, scheme } = fixture([1, 2, 3, 4, 100, 1000, NaN], ["graded", "graded", "graded", "graded", "graded", "not-graded", "graded"]);
    const [d] = indicatorDistributions(result, scheme);
    expect(d).toMatchObject({ indicator: "x", n: 5, missing: 1, mean: 22, median: 3, min: 1, max: 100 });
    // numpy, G1 and G2 of [1, 2, 3, 4, 100] (formulas of test/reference/indicator_distribution.py)
    expect(d.skew).toBeCloseTo(2.232395911636458, 12);
    expect(d.kurtosis).toBeCloseTo(4.986865957200655, 12);
    // fails (|2.23| ≥ 2 and 4.99 ≥ 3.5): 100 → 4 and the column passes
    expect(d).toMatchObject({ flagged: true, treatment: "winsorize", outliers: [4] });
  });

  it("uses the scheme's own thresholds when it winsorises", () => {
    const { result, scheme } = fixture([1, 2, 3, 4, 100], Array(5).fill("graded"), { method: "winsorize", skew: 2.5, kurtosis: 3.5, max: 5, logFallback: true });
    expect(indicatorDistributions(result, scheme)[0]).toMatchObject({ flagged: false, treatment: "none", outliers: [] });
  });

  it("matches numpy on the demo's 2025 亩均税收 and names the values the rule winsorises", async () => {
    const { result, scheme } = await periodResult(DATA, "2025");
    const d = indicatorDistributions(result, scheme);
    const tax = d[0];
    // python3 test/reference/indicator_distribution.py (the 2025 files merged by hand; one participant's tax row is miskeyed)
    expect(tax).toMatchObject({ indicator: "tax_per_mu", n: 223, missing: 1, flagged: true, treatment: "log" });
    expect(tax.mean).toBeCloseTo(28.007480227009, 9);
    expect(tax.median).toBeCloseTo(16.36855036855, 9);
    expect(tax.skew).toBeCloseTo(2.744972480436, 9);
    expect(tax.kurtosis).toBeCloseTo(9.243287650431, 9);
    // five points replaced and the column still fails: the rule would log it
    expect(tax.outliers.map((i) => result.ids[i])).toEqual(["91130481MA0WKRH23L", "91130481MA01BF8XX2", "91130481MA07CE6U0T", "91130481MA09W3D195", "91130481MA0TCUQM6C"]);
    // labour productivity passes; R&D intensity, like tax, still fails after 5 points
    expect(d.map((x) => x.treatment)).toEqual(["log", "winsorize", "none", "log", "winsorize", "winsorize"]);
    expect(d[3].outliers).toHaveLength(5);
  });
});
