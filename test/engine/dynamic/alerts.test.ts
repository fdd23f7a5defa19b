import { describe, expect, it } from "vitest";
import { alerts, SHANDONG_D_SURCHARGE } from "../../../engine/dynamic/alerts.js";
import { DynamicError } from "../../../engine/dynamic/errors.js";
import { buildPanel } from "../../../engine/dynamic/panel.js";
import { GRADES, parkPanel } from "./fixtures.js";

const panel = parkPanel();
const brief = (list: ReturnType<typeof alerts>) => list.map((a) => `${a.id} ${a.kind}`);

describe("alerts on the hand-built park (fixtures.ts)", () => {
  it("2024: E2's score fell in each of the last 3 periods; E6 is in D for the 2nd year running", () => {
    const list = alerts(panel, "2024", GRADES);
    expect(brief(list)).toEqual(["E2 score-falling", "E6 repeated-worst"]);
    const [falling, worst] = list;
    expect(falling.scores).toEqual([88, 85, 80, 75]);
    expect(falling.name).toBe("Firm E2");
    expect(falling.detail).toBe("score fell in each of the last 3 periods: 88 → 85 → 80 → 75 (2021 to 2024)");
    expect(worst.run).toBe(2);
    expect(worst.surcharge).toBe(0.1);
    expect(worst.grade).toBe("D");
    expect(worst.detail).toMatch(/^in D for 2 consecutive periods \(2023 to 2024\); surcharge step \+0\.1 yuan\/kWh/);
  });

  it("2023: two grades fell (E2 A → B, E6 C → D); E6's D run restarted after its C year", () => {
    const list = alerts(panel, 3, GRADES);
    expect(brief(list)).toEqual(["E2 grade-fell", "E2 score-falling", "E6 grade-fell"]);
    expect(list[0]).toMatchObject({ previousGrade: "A", grade: "B", detail: "grade fell from A to B between 2022 and 2023" });
    expect(list[1].scores).toEqual([90, 88, 85, 80]);
    expect(list[2]).toMatchObject({ previousGrade: "C", grade: "D" });
  });

  it("2022 with N = 2: a two-grade fall, and two strictly falling series; the tie at 85 does not count as a fall for E1", () => {
    const list = alerts(panel, "2022", GRADES, { fallingPeriods: 2 });
    expect(brief(list)).toEqual(["E2 score-falling", "E3 grade-fell", "E3 score-falling"]);
    expect(list[1].detail).toBe("grade fell from B to D (2 grades) between 2021 and 2022");
    expect(list[2].scores).toEqual([60, 58, 40]);
  });

  it("nothing to compare in the first period; no score-falling alert before N + 1 periods exist", () => {
    expect(brief(alerts(panel, "2020", GRADES))).toEqual([]); // E6 in D, but only for one period
    expect(brief(alerts(panel, "2020", GRADES, { worstRun: 1 }))).toEqual(["E6 repeated-worst"]);
    expect(alerts(panel, "2020", GRADES, { worstRun: 1 })[0].surcharge).toBe(0.05);
    expect(brief(alerts(panel, "2022", GRADES)).includes("E2 score-falling")).toBe(false); // N = 3 needs 4 periods
  });
});

describe("the surcharge steps", () => {
  it("are the Shandong schedule by default: 0.05 / 0.10 / 0.15 yuan/kWh for 1 / 2 / 3+ years in D", () => {
    expect(SHANDONG_D_SURCHARGE.steps).toEqual([0.05, 0.1, 0.15]);
    expect(SHANDONG_D_SURCHARGE.unit).toBe("yuan/kWh");
  });

  it("take the highest applicable step, not the sum, for long runs; a schedule can be replaced or dropped", () => {
    const year = (period: string, rows: [string, number, number, string][]) => ({
      period,
      ids: rows.map((r) => r[0]),
      names: rows.map((r) => r[0]),
      status: rows.map(() => "graded"),
      score: Float64Array.from(rows, (r) => r[1]),
      rank: Int32Array.from(rows, (r) => r[2]),
      grade: rows.map((r) => r[3]),
    });
    const p = buildPanel([
      year("Y1", [["F", 10, 2, "D"], ["G", 12, 1, "D"]]),
      year("Y2", [["F", 11, 2, "D"], ["G", 20, 1, "C"]]),
      year("Y3", [["F", 12, 2, "D"], ["G", 13, 1, "D"]]),
      year("Y4", [["F", 12, 2, "D"], ["G", 14, 1, "D"]]),
    ]);
    const list = alerts(p, "Y4", ["A", "B", "C", "D"]);
    expect(list.map((a) => [a.id, a.kind, a.run, a.surcharge])).toEqual([
      ["F", "repeated-worst", 4, 0.15],
      ["G", "repeated-worst", 2, 0.1],
    ]);
    const y3 = alerts(p, "Y3", ["A", "B", "C", "D"]);
    expect(y3.map((a) => [a.id, a.kind, a.run, a.surcharge])).toEqual([
      ["F", "repeated-worst", 3, 0.15],
      ["G", "grade-fell", undefined, undefined],
    ]);
    const custom = alerts(p, "Y4", ["A", "B", "C", "D"], { surcharge: { steps: [1, 2], unit: "points", source: "test" } });
    expect(custom.map((a) => a.surcharge)).toEqual([2, 2]);
    const none = alerts(p, "Y4", ["A", "B", "C", "D"], { surcharge: null });
    expect(none[0].surcharge).toBeUndefined();
    expect(none[0].detail).toBe("in D for 4 consecutive periods (Y1 to Y4)");
  });

  it("refuses meaningless options", () => {
    expect(() => alerts(panel, "2024", GRADES, { fallingPeriods: 0 })).toThrow(DynamicError);
    expect(() => alerts(panel, "2024", GRADES, { worstRun: 1.5 })).toThrow(DynamicError);
    expect(() => alerts(panel, "2024", GRADES, { surcharge: { steps: [], unit: "x", source: "y" } })).toThrow(DynamicError);
    expect(() => alerts(panel, "1999", GRADES)).toThrow(/not in the panel/);
  });
});
