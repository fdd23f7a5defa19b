import { describe, expect, it } from "vitest";
import { htmlOf } from "../../../engine/charts/html.js";
import { radar } from "../../../engine/charts/radar.js";
import { expectEscaped, HOSTILE } from "../../hostile-value.js";

describe("radar", () => {
  it("puts the axes in the order given, the first at the top, clockwise", () => {
    // size 260: centre (200, 130) with the 70 px label margin, radius 90; max 2
    const axes = [
      { label: "上", value: 2, median: 1 },
      { label: "右", value: 1, median: 1 },
      { label: "下", value: 2, median: 1 },
      { label: "左", value: 0, median: 1 },
    ];
    const svg = htmlOf(radar(axes, { max: 2 }));
    // own polygon: top (200, 40), right at half radius (245, 130), bottom (200, 220), left at the centre
    expect(svg).toContain('points="200.0,40.0 245.0,130.0 200.0,220.0 200.0,130.0" fill="#d35400"');
    // the median polygon, dashed: every axis at half radius
    expect(svg).toContain('points="200.0,85.0 245.0,130.0 200.0,175.0 155.0,130.0" fill="none" stroke="#555"');
    expect(svg.indexOf(">上<")).toBeLessThan(svg.indexOf(">右<"));
  });

  it("leaves out the median polygon when an axis has no median (suppressed)", () => {
    const svg = htmlOf(radar([{ label: "a", value: 1, median: 1 }, { label: "b", value: 1 }, { label: "c", value: 1, median: 1 }]));
    expect(svg).not.toContain("stroke-dasharray");
  });

  it("prints axis labels and title as text", () => {
    const axes = [HOSTILE, "b", "c"].map((label) => ({ label, value: 1, median: 1 }));
    expectEscaped(htmlOf(radar(axes, { title: HOSTILE })), 2);
    // fewer than three axes draw nothing but still name the chart
    expectEscaped(htmlOf(radar(axes.slice(0, 2), { title: HOSTILE })), 1);
  });
});
