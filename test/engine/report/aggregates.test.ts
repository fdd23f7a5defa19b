import { describe, expect, it } from "vitest";
import { MIN_GROUP, quantileOf, summarize } from "../../../engine/report/aggregates.js";

describe("aggregates of other enterprises", () => {
  it("are numpy's default (type 7) quantiles over the finite values of the rows asked for", () => {
    // numpy: np.quantile([3,1,4,1,5,9,2,6], [.25,.5,.75]) = [1.75, 3.5, 5.25]
    const x = Float64Array.from([3, 1, 4, 1, 5, 9, 2, 6, NaN, 100]);
    const rows = [0, 1, 2, 3, 4, 5, 6, 7, 8]; // row 8 is missing, row 9 not asked for
    expect(summarize(x, rows)).toEqual({ n: 8, q1: 1.75, median: 3.5, q3: 5.25 });
    // np.quantile([7,1,4], [.25,.5,.75]) = [2.5, 4.0, 5.5]
    expect(summarize(Float64Array.from([7, 1, 4]), [0, 1, 2])).toEqual({ n: 3, q1: 2.5, median: 4, q3: 5.5 });
  });

  it("are suppressed over fewer than 3 enterprises (missing values do not count)", () => {
    expect(MIN_GROUP).toBe(3);
    expect(summarize(Float64Array.from([10, 20]), [0, 1])).toBeUndefined();
    expect(summarize(Float64Array.from([10, 20, NaN]), [0, 1, 2])).toBeUndefined();
    expect(quantileOf(Float64Array.from([10, 20, 30]), [0, 1, 2], 0.5)).toBe(20);
    expect(quantileOf(Float64Array.from([10, 20, 30]), [0, 1], 0.5)).toBeUndefined();
  });
});
