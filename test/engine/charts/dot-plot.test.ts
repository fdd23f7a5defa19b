import { describe, expect, it } from "vitest";
import { htmlOf } from "../../../engine/charts/html.js";
import { dotPlot, niceCeil } from "../../../engine/charts/dot-plot.js";
import { expectEscaped, HOSTILE } from "../../hostile-value.js";

describe("dot plot", () => {
  it("places value, median and interquartile band on one common scale", () => {
    // width 520, labels 150 wide, values 60: the axis runs x 150 … 460 for 0 … 20 (largest shown 18 → nice 20), 15.5 px per unit
    const svg = htmlOf(dotPlot([{ label: "亩均<产出>", value: 10, median: 4, q1: 2, q3: 18 }], { format: (v) => v.toFixed(1) }));
    expect(svg).toContain('<circle cx="305.0" cy="21.0" r="5.5"'); // 150 + 10·15.5
    expect(svg).toContain('<rect x="181.0" y="16.0" width="248.0" height="10"'); // q1 2 → 181, q3 18 → 429
    expect(svg).toContain("M212.0 15.0L218.0 21.0"); // the median diamond at 150 + 4·15.5 = 212
    expect(svg).toContain("亩均&lt;产出&gt;");
    expect(svg).toContain(">10.0</text>");
  });

  it("draws no median where the aggregate is suppressed", () => {
    const svg = htmlOf(dotPlot([{ label: "x", value: 3 }]));
    expect(svg).not.toContain("<path");
    expect(svg).toContain("<circle");
  });

  it("rounds the axis up to 1, 2, 2.5 or 5 × 10^k", () => {
    expect([niceCeil(18), niceCeil(0.3), niceCeil(101), niceCeil(2.2)]).toEqual([20, 0.5, 200, 2.5]);
  });

  it("prints labels, title, legend and formatted values as text", () => {
    const rows = [{ label: HOSTILE, value: 3, median: 2, q1: 1, q3: 4 }];
    const svg = htmlOf(dotPlot(rows, { title: HOSTILE, ownLabel: HOSTILE, medianLabel: HOSTILE, rangeLabel: HOSTILE, format: () => HOSTILE }));
    expectEscaped(svg, 6); // aria-label, row label, value, three legend entries
    expect(svg).toContain(`<svg class="dots" xmlns="http://www.w3.org/2000/svg" width="520" height="60" viewBox="0 0 520 60" role="img" aria-label="&lt;script&gt;`);
  });
});
