import { describe, expect, it } from "vitest";
import { naturalBreakGrades } from "../../../engine/score/grade-breaks.js";
import { expectAll, PARK, PARK_W } from "./aggregate/data.js";

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

function grade(scores: number[], grades: string[], rows = all(scores.length)): { out: string[]; breaks: number[] } {
  const out: string[] = new Array(scores.length).fill("-");
  const breaks = naturalBreakGrades(Float64Array.from(scores), rows, grades, out);
  return { out, breaks };
}

describe("natural-breaks grading", () => {
  it("reproduces the ckmeans example of simple-statistics' documentation (Wang & Song's Ckmeans.1d.dp)", () => {
    // ckmeans([-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], 3) = [[-1, -1, -1, -1], [2, 2, 2], [4, 5, 6]]
    const { out, breaks } = grade([-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], ["A", "B", "C"]);
    expect(out).toEqual(["C", "B", "C", "B", "A", "A", "A", "C", "B", "C"]);
    expect(breaks).toEqual([4, 2, -1]);
  });
  it("matches an exhaustive optimal partition (test/reference/aggregations.py, PARK weighted-sum scores)", () => {
    const scores = PARK.map((r) => 100 * r.reduce((s, x, j) => s + PARK_W[j] * x, 0));
    expectAll(grade(scores, ["A", "B", "C"]).breaks, [57.50000000000001, 44.00000000000001, 28.500000000000004], 1e-9);
    const { out, breaks } = grade(scores, ["A", "B", "C", "D"]);
    expectAll(breaks, [61.6, 53.5, 38.70000000000001, 28.500000000000004], 1e-9);
    scores.forEach((s, i) => expect(out[i]).toBe(s >= 61.6 - 1e-9 ? "A" : s >= 53.5 - 1e-9 ? "B" : s >= 38.7 - 1e-9 ? "C" : "D"));
  });
  it("gives the top grades to the distinct scores when there are fewer of them than grades", () => {
    const { out, breaks } = grade([5, 3, 5, 3, 5], ["A", "B", "C", "D"]);
    expect(out).toEqual(["A", "B", "A", "B", "A"]);
    expect(breaks.slice(0, 2)).toEqual([5, 3]);
    expect(breaks[2]).toBeNaN();
    expect(breaks[3]).toBeNaN();
    expect(grade([7, 7, 7], ["A", "B", "C"]).out).toEqual(["A", "A", "A"]);
    expect(grade([7], ["A", "B", "C"]).out).toEqual(["A"]);
  });
  it("always gives equal scores the same grade", () => {
    const scores = [10, 10, 10, 11, 11, 20, 20, 20, 20, 21, 30, 30, 31, 31, 31, 45, 45, 46, 60, 60];
    for (const k of [2, 3, 4, 5]) {
      const { out } = grade(scores, ["A", "B", "C", "D", "E"].slice(0, k));
      const byScore = new Map<number, Set<string>>();
      scores.forEach((s, i) => byScore.set(s, (byScore.get(s) ?? new Set()).add(out[i])));
      for (const set of byScore.values()) expect(set.size).toBe(1);
      // higher scores never get a worse grade
      const order = [...scores.keys()].sort((x, y) => scores[x] - scores[y]);
      for (let p = 1; p < order.length; p++) expect(out[order[p]] <= out[order[p - 1]]).toBe(true);
    }
  });
  it("grades only the given rows, needs finite scores and at least one grade", () => {
    const { out } = grade([90, NaN, 10, 80], ["A", "B"], Int32Array.from([0, 2, 3]));
    expect(out).toEqual(["A", "-", "B", "A"]);
    expect(() => grade([1, NaN], ["A", "B"])).toThrow(/row 1/);
    expect(() => grade([1, 2], [])).toThrow(RangeError);
    expect(grade([1, 2, 3], ["A"]).out).toEqual(["A", "A", "A"]);
  });
});
