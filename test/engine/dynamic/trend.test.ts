import { linearRegression } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { movement, scoreTrend } from "../../../engine/dynamic/movement.js";
import type { Panel } from "../../../engine/dynamic/panel.js";

function rng(seed: number): () => number {
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

/** n enterprises over p periods, scores with gaps (NaN), graded A–D where scored. */
function randomPanel(seed: number, p: number, n: number): Panel {
  const rnd = rng(seed);
  const score = Array.from({ length: p }, () => Float64Array.from({ length: n }, () => (rnd() < 0.25 ? NaN : 1e3 * rnd() - 200)));
  return {
    periods: Array.from({ length: p }, (_, k) => String(2015 + k)),
    ids: Array.from({ length: n }, (_, i) => `E${i}`),
    names: Array.from({ length: n }, (_, i) => `Firm ${i}`),
    score,
    rank: score.map((s) => Int32Array.from(s, (v) => (v === v ? 1 : 0))),
    grade: score.map((s) => Array.from(s, (v, i) => (v === v ? "ABCD"[i % 4] : ""))),
    present: score.map((s) => Uint8Array.from(s, (v) => (v === v ? 1 : 0))),
  };
}

/** The trend as first written: simple-statistics per enterprise over its scored periods in the window. */
function referenceTrend(score: Float64Array[], k: number, window: number): Float64Array {
  const from = window === Infinity ? 0 : Math.max(0, k - window + 1);
  return Float64Array.from(score[k], (v, i) => {
    if (v !== v) return NaN;
    const points: number[][] = [];
    for (let t = from; t <= k; t++) if (score[t][i] === score[t][i]) points.push([t, score[t][i]]);
    return points.length >= 2 ? linearRegression(points).m : NaN;
  });
}

describe("trend", () => {
  it("is simple-statistics' least-squares slope to the bit, over all periods or a window", () => {
    for (const seed of [1, 2, 3]) {
      const panel = randomPanel(seed * 104729, 9, 500);
      for (const window of [Infinity, 2, 3, 5]) {
        const m = movement(panel, ["A", "B", "C", "D"], { window });
        for (let k = 0; k < 9; k++) {
          const expected = Array.from(referenceTrend(panel.score, k, window));
          expect(Array.from(m.periods[k].trend)).toEqual(expected);
          expect(Array.from(scoreTrend(panel.score, k, window))).toEqual(expected);
        }
      }
    }
  });
});
