import { describe, expect, it } from "vitest";
import { rankIntervalData, rankIntervalSpec } from "../../../engine/charts/rank-intervals.js";
import type { RankIntervals } from "../../../engine/sensitivity/intervals.js";

const iv: RankIntervals = {
  ids: ["c", "a", "b", "x"],
  names: ["丙", "甲", "乙", "未评"],
  rankNominal: Int32Array.from([2, 1, 2, 0]),
  rankMedian: Float64Array.from([2, 1.5, 3, NaN]),
  rankP05: Float64Array.from([1, 1, 2, NaN]),
  rankP95: Float64Array.from([3, 2, 3, NaN]),
  rankMean: Float64Array.from([2, 1.4, 2.6, NaN]),
  gradeNominal: ["B", "A", "B", ""],
  gradeShare: new Map(),
  gradeStability: Float64Array.from([0.7, 0.95, 0.4, NaN]),
  rankedShare: Float64Array.from([1, 1, 1, NaN]),
};

describe("the rank-interval chart", () => {
  it("lists the ranked enterprises by nominal rank (ties by id) with their 5–95% interval and grade stability", () => {
    const d = rankIntervalData(iv);
    expect(d.map((x) => x.id)).toEqual(["a", "b", "c"]);
    expect(d[0]).toEqual({ id: "a", name: "甲", label: "1. 甲", rank_nominal: 1, rank_median: 1.5, rank_p05: 1, rank_p95: 2, grade_nominal: "A", grade_stability: 0.95 });
    expect(rankIntervalData(iv, 2).map((x) => x.id)).toEqual(["a", "b"]);
  });
  it("is a Vega-Lite spec: a rule from p05 to p95 coloured by stability, the median and the nominal rank, rows in data order", () => {
    const spec = rankIntervalSpec(iv, { title: "t" }) as { layer: { mark: { type: string }; encoding: Record<string, { field?: string; scale?: unknown }> }[]; encoding: { y: { sort: unknown } }; data: { values: unknown[] } };
    expect(spec.layer.map((l) => l.mark.type)).toEqual(["rule", "point", "point"]);
    expect(spec.layer[0].encoding.x.field).toBe("rank_p05");
    expect(spec.layer[0].encoding.x2.field).toBe("rank_p95");
    expect(spec.layer[0].encoding.color).toMatchObject({ field: "grade_stability", scale: { domain: [0, 1] } });
    expect(spec.layer[1].encoding.x.field).toBe("rank_median");
    expect(spec.layer[2].encoding.x.field).toBe("rank_nominal");
    expect(spec.encoding.y.sort).toBeNull();
    expect(spec.data.values).toHaveLength(3);
    expect(JSON.stringify(spec)).not.toMatch(/https?:/);
  });
});
