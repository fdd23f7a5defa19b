import { describe, expect, it } from "vitest";
import { htmlOf } from "../../../engine/charts/html.js";
import { gradeBars } from "../../../engine/charts/grade-bars.js";
import { expectEscaped, HOSTILE } from "../../hostile-value.js";

describe("grade bars", () => {
  it("draws one bar per grade, best first, lengths proportional to the counts, with last period's outline", () => {
    // width 520 → 300 px for the largest count (40)
    const svg = htmlOf(
      gradeBars([
        { grade: "A", label: "优先发展", count: 20, previous: 10 },
        { grade: "D", label: "<落后>", count: 40, previous: 30 },
      ]),
    );
    expect(svg).toContain('<rect x="150" y="4" width="150.0" height="16" fill="#1a9850"/>');
    expect(svg).toContain('width="300.0" height="16" fill="#d73027"');
    expect(svg).toContain('width="75.0" height="5" fill="none" stroke="#1a9850"');
    expect(svg).toContain("&lt;落后&gt;");
    expect(svg.indexOf(">A<")).toBeLessThan(svg.indexOf(">D<"));
  });

  it("prints grades, labels, legend and title as text", () => {
    const svg = htmlOf(gradeBars([{ grade: HOSTILE, label: HOSTILE, count: 2, previous: 1 }], { title: HOSTILE, currentLabel: HOSTILE, previousLabel: HOSTILE }));
    expectEscaped(svg, 5); // aria-label, grade, its label, two legend entries
    expect(svg).toContain(`<tspan font-weight="bold">&lt;script&gt;`);
  });
});
