import { describe, expect, test } from "vitest";
import * as Plot from "@observablehq/plot";
import { cjkMargin, FONT_STACK, legend, plot, PLOT_CLASS, ServerPlot, textWidth } from "../../../engine/charts/plot.js";

const rows = [
  { park: "高新技术产业园", score: 81.5 },
  { park: "经开区", score: 74.2 },
  { park: "Port", score: 60 },
];

describe("server-side Plot", () => {
  test("draws an SVG in Node with the fixed className and a CJK font stack", () => {
    const svg = plot({ marks: [Plot.barX(rows, { x: "score", y: "park" })] }) as unknown as Element;
    expect(svg.tagName.toLowerCase()).toBe("svg");
    expect(svg.getAttribute("class")).toBe(PLOT_CLASS);
    expect(svg.getAttribute("style")).toContain('"Noto Sans CJK SC"');
    expect(svg.querySelectorAll("rect").length).toBe(3);
    expect(svg.outerHTML).toContain("高新技术产业园");
  });

  test("the same chart twice gives the same markup (no random ids or classes)", () => {
    const make = () => (plot({ color: { legend: true }, marks: [Plot.dot(rows, { x: "score", y: "park", fill: "park" })] }) as unknown as Element).outerHTML;
    expect(make()).toBe(make());
  });

  test("mark.plot(), Plot.legend and the Plot a notebook sees work without a document", () => {
    const svg = Plot.dot(rows, { x: "score" }).plot() as unknown as Element;
    expect(svg.getAttribute("class")).toBe(PLOT_CLASS);
    const l = legend({ color: { domain: ["甲", "乙"] } }) as unknown as Element;
    expect(l.outerHTML).toContain("乙");
    expect((ServerPlot.plot({ marks: [ServerPlot.ruleY([0])] }) as unknown as Element).getAttribute("class")).toBe(PLOT_CLASS);
  });

  test("a user's own style is kept after the font stack", () => {
    const svg = plot({ style: "color: red;", marks: [Plot.ruleY([0])] }) as unknown as Element;
    expect(svg.getAttribute("style")).toBe(`font-family: ${FONT_STACK}; color: red;`);
  });
});

describe("CJK label widths", () => {
  test("wide characters count 1 em, others 0.6 em", () => {
    expect(textWidth("经开区", 10)).toBe(30);
    expect(textWidth("Port", 10)).toBe(24);
    expect(textWidth("A园", 12)).toBeCloseTo(19.2, 10);
  });

  test("cjkMargin fits the widest label plus tick, padding and air", () => {
    // 7 CJK characters at 10 px = 70 px, + 6 (tick) + 3 (padding) + 12 (air) = 91.
    expect(cjkMargin(rows.map((r) => r.park))).toBe(91);
    expect(cjkMargin(["甲"], { fontSize: 12, extra: 0 })).toBe(40);
    expect(cjkMargin(["一二三四五六七八九十"], { fontSize: 12, extra: 0 })).toBe(129);
    expect(cjkMargin([])).toBe(40);
  });
});
