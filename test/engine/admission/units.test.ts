import { describe, expect, it } from "vitest";
import { convert, m2ToHectare, muToHectare, perHectareToPerMu, perMuToPerHectare } from "../../../engine/admission/units.js";

describe("admission units (1 公顷 = 15 亩 = 10 000 m²)", () => {
  it("converts 万元/公顷 and 万元/亩", () => {
    expect(perMuToPerHectare(200)).toBe(3000);
    expect(perHectareToPerMu(3000)).toBe(200);
    expect(convert(1, "万元/亩", "万元/公顷")).toBe(15);
    expect(convert(4500, "万元/公顷", "万元/亩")).toBe(300);
    // 1 元/m² × 10 000 m² = 10 000 元 = 1 万元 per 公顷
    expect(convert(1, "元/平方米", "万元/公顷")).toBe(1);
    expect(convert(2, "亿元", "万元")).toBe(20000);
  });
  it("converts areas", () => {
    expect(muToHectare(30)).toBe(2);
    expect(m2ToHectare(20000)).toBe(2);
  });
  it("refuses to convert across dimensions or unknown units", () => {
    expect(() => convert(1, "万元/亩", "%")).toThrow(/cannot convert/);
    expect(() => convert(1, "万元/英亩", "万元/亩")).toThrow(/unknown unit/);
  });
});
