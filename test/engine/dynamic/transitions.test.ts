import { describe, expect, it } from "vitest";
import { DynamicError } from "../../../engine/dynamic/errors.js";
import { transitions } from "../../../engine/dynamic/transitions.js";
import { GRADES, parkPanel } from "./fixtures.js";

const N = NaN;
const panel = parkPanel();

describe("grade transitions on the hand-built park (fixtures.ts)", () => {
  it("2021 → 2022: an entrant, a return from 'not graded', a two-grade fall and a rise", () => {
    const t = transitions(panel, "2021", "2022", GRADES);
    expect([t.from, t.to]).toEqual(["2021", "2022"]);
    // E1, E2 A → A; E3 B → D; E6 D → C.
    expect(t.counts).toEqual([
      [2, 0, 0, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 0],
      [0, 0, 1, 0],
    ]);
    expect(t.rowTotals).toEqual([2, 1, 0, 1]);
    expect(t.shares).toEqual([
      [1, 0, 0, 0],
      [0, 0, 0, 1],
      [N, N, N, N],
      [0, 0, 1, 0],
    ]);
    expect(t.entries).toEqual([0, 1, 0, 0]); // E4 enters in B
    expect(t.fromNotGraded).toEqual([0, 0, 1, 0]); // E5 ungraded in 2021, C in 2022
    expect(t.exits).toEqual([0, 0, 0, 0]);
    expect(t.toNotGraded).toEqual([0, 0, 0, 0]);
    expect([t.notGradedBoth, t.entriesNotGraded, t.exitsNotGraded]).toEqual([0, 0, 0]);
    expect(t.entryIds).toEqual(["E4"]);
    expect(t.exitIds).toEqual([]);
  });

  it("2022 → 2024 (by index, skipping a year): an exit, an ungraded entrant, ties moving together", () => {
    const t = transitions(panel, 2, 4, GRADES);
    // E1 A → A, E2 A → B, E4 B → B, E5 C → C, E6 C → D; E3 (D) has left; E8 and E7 are new and ungraded.
    expect(t.counts).toEqual([
      [1, 1, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 1],
      [0, 0, 0, 0],
    ]);
    expect(t.shares[0]).toEqual([0.5, 0.5, 0, 0]);
    expect(t.shares[2]).toEqual([0, 0, 0.5, 0.5]);
    expect(t.shares[3]).toEqual([N, N, N, N]);
    expect(t.exits).toEqual([0, 0, 0, 1]);
    expect(t.entries).toEqual([0, 0, 0, 0]);
    expect(t.entriesNotGraded).toBe(2); // E8 (listed since 2023) and E7, both ungraded in 2024
    expect(t.exitIds).toEqual(["E3"]);
    expect(t.entryIds).toEqual(["E8", "E7"]);
  });

  it("2020 → 2021: a graded enterprise that is listed but not graded the next year", () => {
    const t = transitions(panel, "2020", "2021", GRADES);
    expect(t.toNotGraded).toEqual([0, 0, 1, 0]); // E5 was C
    expect(t.counts).toEqual([
      [2, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 1],
    ]);
  });

  it("2023 → 2024 counts the never-graded; reversed 2024 → 2022 counts ungraded leavers", () => {
    const t = transitions(panel, "2023", "2024", GRADES);
    expect(t.notGradedBoth).toBe(1); // E8
    expect(t.entriesNotGraded).toBe(1); // E7
    const back = transitions(panel, "2024", "2022", GRADES);
    expect(back.exitsNotGraded).toBe(2); // E8, E7 are ungraded in 2024 and not in 2022
    expect(back.entries).toEqual([0, 0, 0, 1]); // E3 (D in 2022) is "new" going backwards
  });

  it("counts every enterprise present in either period exactly once", () => {
    for (let a = 0; a < 5; a++)
      for (let b = 0; b < 5; b++) {
        const t = transitions(panel, a, b, GRADES);
        const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
        const total =
          sum(t.rowTotals) + sum(t.entries) + sum(t.exits) + sum(t.toNotGraded) + sum(t.fromNotGraded) + t.notGradedBoth + t.entriesNotGraded + t.exitsNotGraded;
        const present = panel.ids.filter((_, i) => panel.present[a][i] === 1 || panel.present[b][i] === 1).length;
        expect(total).toBe(present);
      }
  });

  it("refuses unknown periods and grades", () => {
    expect(() => transitions(panel, "2019", "2020", GRADES)).toThrow(/period "2019" is not in the panel/);
    expect(() => transitions(panel, 0, 5, GRADES)).toThrow(DynamicError);
    expect(() => transitions(panel, 0, 1, ["A", "B", "C"])).toThrow(DynamicError);
  });
});
