import { describe, expect, it } from "vitest";
import { htmlOf } from "../../../engine/charts/html.js";
import { sparkline } from "../../../engine/charts/sparkline.js";
import { expectEscaped, HOSTILE } from "../../hostile-value.js";

describe("sparkline", () => {
  it("draws the series on its own range, breaking the line at a gap and marking the last value", () => {
    // width 80, height 20, padding 2.5: x = 2.5 + k·75/3 → 2.5, 27.5, 52.5, 77.5; y = 17.5 − (v − 1)/2·15
    const svg = htmlOf(sparkline([1, NaN, 3, 2], { width: 80, height: 20, label: "a <b>" }));
    expect(svg).toContain('<path d="M2.5 17.5M52.5 2.5L77.5 10.0"');
    expect(svg).toContain('<circle cx="77.5" cy="10.0" r="2"');
    expect(svg).toContain('aria-label="a &lt;b&gt;"');
    expect(svg).not.toContain("http://www.w3.org/1999"); // only the SVG namespace, no other URL
  });

  it("keeps at least minSpan of height, centred, so that noise stays flat", () => {
    // 50, 51 with minSpan 10: range 45.5 … 55.5 → y = 17.5 − (v − 45.5)/10·15: 50 → 10.75 → "10.8", 51 → 9.25 → "9.3"
    const svg = htmlOf(sparkline([50, 51], { width: 80, height: 20, minSpan: 10 }));
    expect(svg).toContain('d="M2.5 10.8L77.5 9.3"');
  });

  it("is an empty chart without values and a dot for one value", () => {
    expect(htmlOf(sparkline([NaN, NaN]))).toMatch(/^<svg[^>]*><\/svg>$/);
    expect(htmlOf(sparkline([5], { width: 80, height: 20 }))).toContain('<circle cx="40.0" cy="10.0"');
  });

  it("renders 10,000 sparklines in well under a second", () => {
    const t = performance.now();
    for (let i = 0; i < 10_000; i++) sparkline([i, i + 1, NaN, i + 3, i + 2, i + 5, i + 4]);
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it("prints its accessible name as text, with or without values", () => {
    expectEscaped(htmlOf(sparkline([1, 2], { label: HOSTILE })));
    expectEscaped(htmlOf(sparkline([], { label: HOSTILE })));
  });
});
