import { describe, expect, it } from "vitest";
import { windowCube, type PeriodValues } from "../../../engine/dynamic/cube.js";
import { buildPanel } from "../../../engine/dynamic/panel.js";
import type { Scheme } from "../../../engine/scheme/types.js";

// Two periods by hand. 2024: a, b graded, c listed but excluded. 2025: b, d, a graded (another row order).
// Indicator x is a benefit, y a cost (negated in the cube).
function period(label: string, ids: string[], status: string[], x: number[], y: number[]): PeriodValues {
  const n = ids.length;
  return {
    scores: { period: label, ids, names: ids, status, score: new Float64Array(n), rank: new Int32Array(n), grade: ids.map(() => "") },
    values: new Map([["x", Float64Array.from(x)], ["y", Float64Array.from(y)]]),
  };
}
const window = [
  period("2024", ["a", "b", "c"], ["graded", "graded", "excluded"], [1, 2, 3], [10, 20, 30]),
  period("2025", ["b", "d", "a"], ["graded", "graded", "graded"], [4, 5, 6], [40, 50, 60]),
];
const scheme = { indicators: [{ id: "x", direction: "benefit" }, { id: "y", direction: "cost" }] } as unknown as Pick<Scheme, "indicators">;

describe("the indicator cube of a window", () => {
  it("lays each period's values out by panel enterprise, cost negated, NaN where absent or not graded", () => {
    const panel = buildPanel(window.map((w) => w.scores));
    expect(panel.ids).toEqual(["a", "b", "c", "d"]);
    const cube = windowCube(window, panel.ids, scheme);
    expect(cube.map((p) => p.map((col) => Array.from(col)))).toEqual([
      [[1, 2, NaN, NaN], [-10, -20, NaN, NaN]],
      [[6, 4, NaN, 5], [-60, -40, NaN, -50]],
    ]);
  });

  it("looks the ids up when they are not the panel the periods were aligned to", () => {
    const cube = windowCube(window, ["d", "c", "b", "a", "z"], scheme);
    expect(cube.map((p) => p.map((col) => Array.from(col)))).toEqual([
      [[NaN, NaN, 2, 1, NaN], [NaN, NaN, -20, -10, NaN]],
      [[5, NaN, 4, 6, NaN], [-50, NaN, -40, -60, NaN]],
    ]);
  });
});
