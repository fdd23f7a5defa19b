import { describe, expect, it } from "vitest";
import { spreadLabels } from "../../../engine/charts/labels.js";

describe("spreadLabels", () => {
  it("leaves labels that are far enough apart where they are", () => {
    expect(spreadLabels([30, 10, 20], 5)).toEqual([30, 10, 20]);
  });

  it("pushes crowded labels down to exactly the gap, keeping their order and the input order", () => {
    // wanted 64, 65, 108, 110, 112: 64 stays, 65 → 68, 108 stays, 110 → 112, 112 → 116
    expect(spreadLabels([110, 64, 112, 65, 108], 4)).toEqual([112, 64, 116, 68, 108]);
  });

  it("keeps ties in input order and NaN in place", () => {
    expect(spreadLabels([5, NaN, 5], 2)).toEqual([5, NaN, 7]);
    expect(spreadLabels([], 3)).toEqual([]);
  });
});
