import { describe, expect, it } from "vitest";
import { DynamicError } from "../../../engine/dynamic/errors.js";
import { movement } from "../../../engine/dynamic/movement.js";
import { GRADES, parkPanel } from "./fixtures.js";

// Panel order E1, E2, E3, E5, E6, E4, E8, E7 (see fixtures.ts for the table these are read from).
const N = NaN;
const panel = parkPanel();
const m = movement(panel, GRADES);
const col = (k: number, key: "rankChange" | "gradeChange" | "trend" | "runLength") => Array.from(m.periods[k][key]);

describe("movement on the hand-built park", () => {
  it("has one set of columns per period, aligned with the panel", () => {
    expect(panel.ids).toEqual(["E1", "E2", "E3", "E5", "E6", "E4", "E8", "E7"]);
    expect(m.periods.map((p) => p.period)).toEqual(["2020", "2021", "2022", "2023", "2024"]);
    expect(m.ids).toEqual(panel.ids);
  });

  it("rank change = previous − current (up is positive), NaN when unranked in either period", () => {
    expect(col(0, "rankChange")).toEqual([N, N, N, N, N, N, N, N]);
    // 2021: E5 not graded; E6 5 → 4.
    expect(col(1, "rankChange")).toEqual([0, 0, 0, N, 1, N, N, N]);
    // 2022: E1 2 → 1 (tied first with E2), E3 3 → 6, E6 4 → 5, E5 back but unranked in 2021, E4 enters.
    expect(col(2, "rankChange")).toEqual([1, 0, -3, N, -1, N, N, N]);
    // 2023: E2 1 → 2, E3 gone.
    expect(col(3, "rankChange")).toEqual([0, -1, N, 0, 0, 0, N, N]);
    // 2024: E4 3 → 2 by tying E2 at 75 (competition ranks 1, 2, 2, 4, 5).
    expect(col(4, "rankChange")).toEqual([0, 0, N, 0, 0, 1, N, N]);
  });

  it("grade change = index(previous) − index(current) (better is positive), with the previous grade", () => {
    expect(col(1, "gradeChange")).toEqual([0, 0, 0, N, 0, N, N, N]);
    // 2022: E3 B → D is −2, E6 D → C is +1.
    expect(col(2, "gradeChange")).toEqual([0, 0, -2, N, 1, N, N, N]);
    expect(m.periods[2].previousGrade).toEqual(["A", "A", "B", "", "D", "", "", ""]);
    // 2023: E2 A → B, E6 C → D.
    expect(col(3, "gradeChange")).toEqual([0, -1, N, 0, -1, 0, N, N]);
    expect(m.periods[0].previousGrade).toEqual(["", "", "", "", "", "", "", ""]);
  });

  it("run length counts consecutive periods in the current grade; absence or no grade breaks it", () => {
    expect(col(0, "runLength")).toEqual([1, 1, 1, 1, 1, 0, 0, 0]);
    expect(col(1, "runLength")).toEqual([2, 2, 2, 0, 2, 0, 0, 0]);
    expect(col(2, "runLength")).toEqual([3, 3, 1, 1, 1, 1, 0, 0]);
    expect(col(3, "runLength")).toEqual([4, 1, 0, 2, 1, 2, 0, 0]);
    expect(col(4, "runLength")).toEqual([5, 2, 0, 3, 2, 3, 0, 0]);
  });

  it("trend = least-squares slope over all periods so far, x = period index, gaps skipped", () => {
    // 2024: E1 80, 85, 85, 90, 88 → Σ(x − 2)(y) / 10 = 21/10; E2 90, 88, 85, 80, 75 → −38/10;
    // E5 at x = 0, 2, 3, 4 (55, 50, 50, 60): Σ(x − 2.25)y / Σ(x − 2.25)² = 6.25/8.75 = 5/7;
    // E6 30, 25, 45, 42, 40 → 37/10; E4 at x = 2, 3, 4 (70, 75, 75) → 5/2. E3 has left: no trend now.
    const t = col(4, "trend");
    [2.1, -3.8, N, 5 / 7, 3.7, 2.5, N, N].forEach((v, i) => (Number.isNaN(v) ? expect(t[i]).toBeNaN() : expect(t[i]).toBeCloseTo(v, 12)));
    expect(col(0, "trend").every(Number.isNaN)).toBe(true); // one point each
    // 2021: E1 80 → 85, E6 30 → 25; E5 not scored in 2021.
    const t1 = col(1, "trend");
    expect(t1[0]).toBeCloseTo(5, 12);
    expect(t1[4]).toBeCloseTo(-5, 12);
    expect(t1[3]).toBeNaN();
  });

  it("a trend window of 3 uses only the last three periods", () => {
    const t = Array.from(movement(panel, GRADES, { window: 3 }).periods[4].trend);
    // 2022–2024: E1 85, 90, 88 → 1.5; E2 85, 80, 75 → −5; E5 50, 50, 60 → 5; E6 45, 42, 40 → −2.5; E4 70, 75, 75 → 2.5.
    [1.5, -5, N, 5, -2.5, 2.5, N, N].forEach((v, i) => (Number.isNaN(v) ? expect(t[i]).toBeNaN() : expect(t[i]).toBeCloseTo(v, 12)));
  });

  it("refuses grades it does not know and windows shorter than 2", () => {
    expect(() => movement(panel, ["A", "B", "C"])).toThrow(/grade "D", which is not among the grades given/);
    expect(() => movement(panel, GRADES, { window: 1 })).toThrow(DynamicError);
    expect(() => movement(panel, ["A", "A", "B"])).toThrow(/listed twice/);
  });
});
