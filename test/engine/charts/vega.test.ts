import { describe, expect, test } from "vitest";
import { ParkscoreError } from "../../../engine/errors.js";
import { checkInlineData, inlineScript, isVegaLiteSpec, vegaBrowserScript, vegaLiteToSvg, withFont } from "../../../engine/charts/vega.js";

const bar = { data: { values: [{ a: "甲", b: 3 }, { a: "乙", b: 5 }] }, mark: "bar", encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } } } as const;

describe("Vega-Lite", () => {
  test("recognises specs but not ordinary objects", () => {
    expect(isVegaLiteSpec(bar)).toBe(true);
    expect(isVegaLiteSpec({ $schema: "https://vega.github.io/schema/vega-lite/v6.json", layer: [] })).toBe(true);
    expect(isVegaLiteSpec({ hconcat: [bar, bar] })).toBe(true);
    expect(isVegaLiteSpec({ repeat: ["a"], spec: bar })).toBe(true);
    expect(isVegaLiteSpec({ $schema: "https://vega.github.io/schema/vega/v6.json", marks: [] })).toBe(false);
    expect(isVegaLiteSpec({ mark: 3 })).toBe(false);
    expect(isVegaLiteSpec({ id: "E1", score: 3 })).toBe(false);
    expect(isVegaLiteSpec(new Map())).toBe(false);
    expect(isVegaLiteSpec([bar])).toBe(false);
  });

  test("the static SVG draws the bars at the heights the data give", async () => {
    const svg = await vegaLiteToSvg(bar as never);
    const bars = [...svg.matchAll(/<path aria-label="a: (.); b: (\d)"[^>]* d="M([\d.]+),([\d.]+)h[\d.]+v([\d.]+)/g)].map((m) => ({ a: m[1], b: Number(m[2]), x: Number(m[3]), height: Number(m[5]) }));
    // Default height 300 px over the domain [0, 5]: 3 → 180 px, 5 → 300 px.
    expect(bars.map(({ a, b, height }) => [a, b, height])).toEqual([
      ["甲", 3, 180],
      ["乙", 5, 300],
    ]);
    // A nominal axis sorts its values: 乙 (U+4E59) before 甲 (U+7532).
    expect(bars[1].x).toBeLessThan(bars[0].x);
    expect(svg).toContain("Noto Sans CJK SC");
  });

  test("data loaded from a URL or file is refused with a clear error", async () => {
    const spec = { data: { url: "https://example.com/x.csv" }, mark: "bar" } as never;
    expect(() => checkInlineData(spec)).toThrow(ParkscoreError);
    await expect(vegaLiteToSvg(spec)).rejects.toThrow(/data: \{values: rows\}/);
    expect(() => checkInlineData({ layer: [{ data: { url: "scores.csv" }, mark: "line" }] } as never)).toThrow(/scores\.csv/);
    expect(() => checkInlineData({ data: { values: [{ url: "http://x" }] }, mark: "bar" } as never)).not.toThrow();
  });

  test("the font stack is a default a spec may override", () => {
    expect((withFont(bar as never) as { config: { font: string } }).config.font).toContain("Noto Sans CJK SC");
    expect((withFont({ ...bar, config: { font: "serif" } } as never) as { config: { font: string } }).config.font).toBe("serif");
  });

  test("inlined scripts cannot close their script element", () => {
    expect(inlineScript('x = "</script><script>alert(1)</script>"; y = "<!--"')).toBe('x = "<\\/script><script>alert(1)<\\/script>"; y = "<\\!--"');
    const js = vegaBrowserScript();
    expect(js).not.toMatch(/<\/script/i);
    for (const name of ["vega/build/vega.min.js", "vega-lite/build/vega-lite.min.js", "vega-embed/build/vega-embed.min.js"]) expect(js).toContain(`/* ${name} */`);
    expect(js.length).toBeGreaterThan(500_000);
  });
});
