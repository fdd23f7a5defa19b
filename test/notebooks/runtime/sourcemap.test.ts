import { describe, expect, test } from "vitest";
import { decodeMappings, originalLine } from "../../../notebooks/runtime/sourcemap.js";

describe("source map lines", () => {
  test("decodes base64 VLQ segments (spec examples: A=0, C=1, D=-1, gB=16)", () => {
    // Line 1: col 0 → src 0:0; col 4 → src line 2 col 1. Line 2 empty. Line 3: col 0 → src line 1 (2 - 1).
    const map = decodeMappings("AAAA,IAEC;;AADD");
    expect(map).toEqual([
      [
        { genCol: 0, srcLine: 0, srcCol: 0 },
        { genCol: 4, srcLine: 2, srcCol: 1 },
      ],
      [],
      [{ genCol: 0, srcLine: 1, srcCol: 0 }],
    ]);
    expect(decodeMappings("gBAAgB")[0][0]).toEqual({ genCol: 16, srcLine: 0, srcCol: 16 });
  });

  test("maps a generated line and column to the original line, falling back to lines above", () => {
    const map = decodeMappings("AAAA,IAEC;;AADD");
    expect(originalLine(map, 1, 0)).toBe(1);
    expect(originalLine(map, 1, 9)).toBe(3);
    expect(originalLine(map, 2, 0)).toBe(1);
    expect(originalLine(map, 3, 5)).toBe(2);
    expect(originalLine([], 1)).toBeUndefined();
  });
});
