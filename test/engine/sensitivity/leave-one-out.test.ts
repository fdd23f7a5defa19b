import { describe, expect, it } from "vitest";
import { preparePeriod, scorePeriod } from "../../../engine/score/period.js";
import { leaveOneOut, withoutIndicator } from "../../../engine/sensitivity/leave-one-out.js";
import { FIVE, MINIMAL, scheme } from "../score/fixtures.js";

describe("leave one indicator out", () => {
  const s = scheme(MINIMAL);
  const nominal = scorePeriod(FIVE, s); // ranks 1, 1, 3, 4, 5; grades A, A, B, C, C
  const r = leaveOneOut(preparePeriod(FIVE, s), s, nominal);
  it("without tax per mu ranks by energy alone (0.5, 1.0, 0.2, 0.8, 1.2 → 2, 4, 1, 3, 5): shifts 1 + 3 + 2 + 1 + 0", () => {
    expect(r[0]).toEqual({ indicator: "tax_per_mu", meanAbsShift: 7 / 5, maxAbsShift: 3, gradeChanges: 4 });
  });
  it("without energy ranks by tax per mu alone (10, 15, 5, 10, 0 → 2, 1, 4, 2, 5): shifts 1 + 0 + 1 + 2 + 0", () => {
    expect(r[1]).toEqual({ indicator: "energy_per_output", meanAbsShift: 4 / 5, maxAbsShift: 2, gradeChanges: 3 });
  });
  it("cannot remove a scheme's only indicator", () => {
    const one = scheme(MINIMAL.replace(/  - \{ id: energy_per_output.*\n/, ""));
    expect(withoutIndicator(one, "tax_per_mu")).toBe("the only indicator");
  });
  it("drops the indicator's row and column from an AHP matrix", () => {
    const ahp = scheme(`
id: code
name: name
indicators:
  - { id: a, column: tax, direction: benefit }
  - { id: b, column: land_mu, direction: benefit }
  - { id: c, column: energy_per_output, direction: cost }
weighting:
  method: ahp
  judgements: { indicators: [[1, 3, 5], ["1/3", 1, 2], ["1/5", "1/2", 1]] }
grading: { method: quotas, quotas: { A: 0.5, B: 0.5 } }
`);
    const w = withoutIndicator(ahp, "b");
    if (typeof w === "string") throw new Error(w);
    expect(w.indicators.map((i) => i.id)).toEqual(["a", "c"]);
    expect(w.weighting.method === "ahp" && (w.weighting.judgements.indicators as { values: number[][] }).values).toEqual([[1, 5], [0.2, 1]]);
    expect(scorePeriod(FIVE, w).weights.map((x) => +x.weight.toFixed(6))).toEqual([0.833333, 0.166667]);
  });
});
