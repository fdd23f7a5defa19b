import { describe, expect, it } from "vitest";
import { gather, gatherKeys, scatter } from "../../../engine/kernels/gather.js";

describe("gather and scatter", () => {
  const x = Float64Array.from([5, -0, NaN, 7]);
  const rows = Int32Array.from([3, 1, 2]);
  it("gather copies the rows' values as they are, −0 included", () => {
    const out = new Float64Array(3);
    gather(x, rows, out, 0, 3);
    expect(out[0]).toBe(7);
    expect(Object.is(out[1], -0)).toBe(true);
    expect(out[2]).toBeNaN();
  });
  it("gatherKeys makes −0 +0 (a sort key), over the positions [b, e) only", () => {
    const out = new Float64Array(3).fill(9);
    gatherKeys(x, rows, out, 1, 3);
    expect(out[0]).toBe(9);
    expect(Object.is(out[1], 0)).toBe(true);
    expect(out[2]).toBeNaN();
  });
  it("scatter writes values back at the rows", () => {
    const y = new Float64Array(4);
    scatter(y, rows, Float64Array.from([1, 2, 3]));
    expect(Array.from(y)).toEqual([0, 2, 3, 1]);
  });
});
