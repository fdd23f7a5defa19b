import { describe, expect, it } from "vitest";
import { NUMBER_FIX, notANumber, parseDecimalBytes, parseLongDecimal, parseNumber, parseNumberBytes } from "../../../engine/data/numbers.js";
import { rng } from "./helpers.js";
import { formatProblem } from "../../../engine/errors.js";
import { randomDecimalTexts } from "./helpers.js";

describe("parseNumber", () => {
  it("reads plain numbers, separators, percentages and full-width forms", () => {
    expect(parseNumber("1234.5")).toBe(1234.5);
    expect(parseNumber("  42 ")).toBe(42);
    expect(parseNumber("-0.5")).toBe(-0.5);
    expect(parseNumber("+7")).toBe(7);
    expect(parseNumber(".5")).toBe(0.5);
    expect(parseNumber("5.")).toBe(5);
    expect(parseNumber("1e3")).toBe(1000);
    expect(parseNumber("1,234.5")).toBe(1234.5);
    expect(parseNumber("1,234,567")).toBe(1234567);
    expect(parseNumber("-12,345.25")).toBe(-12345.25);
    expect(parseNumber("12%")).toBe(0.12);
    expect(parseNumber("12 %")).toBe(0.12);
    expect(parseNumber("12.345%")).toBe(0.12345);
    expect(parseNumber("-3.5%")).toBe(-0.035);
    expect(parseNumber("1,250%")).toBe(12.5);
    expect(parseNumber("１２３．５")).toBe(123.5);
    expect(parseNumber("－５")).toBe(-5);
    expect(parseNumber("１２％")).toBe(0.12);
    expect(parseNumber("１，２３４")).toBe(1234);
    expect(parseNumber("\u22125")).toBe(-5);
    expect(parseNumber("\u3000８\u3000")).toBe(8);
  });

  it("treats a blank cell as missing", () => {
    expect(parseNumber("")).toBeNaN();
    expect(parseNumber("   ")).toBeNaN();
    expect(parseNumber("\u3000")).toBeNaN();
  });

  it("refuses everything else instead of guessing", () => {
    for (const bad of ["abc", "1,5", "12,34", "1,2345", "1.2.3", "0x10", "Infinity", "NaN", "1e999", "--1", "N/A", "-", ".", "%", "1 2", "12%%", "¥12"]) {
      expect(parseNumber(bad), bad).toBeUndefined();
    }
  });

  it("describes a bad cell with where it is, the value and the fix", () => {
    const p = notANumber({ file: "data.csv", row: 7, column: "亩均税收" }, "abc");
    expect(p).toMatchObject({ code: "data.not-a-number", file: "data.csv", row: 7, column: "亩均税收", value: "abc", fix: NUMBER_FIX });
    expect(formatProblem(p)).toBe(
      'data.csv:7: column "亩均税收": not a number (value "abc"). Fix: write a number such as 1234.5, or leave the cell empty for a missing value',
    );
    expect(notANumber({}, "1e999").message).toBe("number is too large");
  });
});

describe("parseDecimalBytes (exact fast path)", () => {
  const fast = (s: string) => {
    const b = Buffer.from(`#${s}#`);
    return parseDecimalBytes(b, 1, b.length - 1);
  };
  it("parses within a byte range", () => {
    expect(fast("123.25")).toBe(123.25);
    expect(fast("  -7 ")).toBe(-7);
    expect(fast("2.5e3")).toBe(2500);
    expect(fast("1E-5")).toBe(1e-5);
    expect(Object.is(fast("-0"), -0)).toBe(true);
    expect(fast("0.1")).toBe(0.1);
  });
  it("declines (NaN) when the exact path does not apply", () => {
    for (const s of ["", "  ", "1,234", "12%", "1e30", "0.12345678901234567891", "12345678901234567e1", "abc", "1e", "-"]) {
      expect(fast(s), s).toBeNaN();
    }
  });
});

describe("parseLongDecimal (16 to 19 digits)", () => {
  const long = (s: string) => {
    const b = Buffer.from(s);
    return parseLongDecimal(b, 0, b.length);
  };

  it("matches Number() on 16-19 significant digits, declining only near rounding midpoints", () => {
    const r = rng(99);
    let declined = 0;
    const n = 300_000;
    for (let k = 0; k < n; k++) {
      const digits = 16 + Math.floor(r() * 4);
      let d = String(1 + Math.floor(r() * 9));
      for (let j = 1; j < digits; j++) d += Math.floor(r() * 10);
      const p = Math.max(digits - 22, Math.floor(r() * (digits + 1)));
      const t = (r() < 0.5 ? "-" : "") + (p === 0 ? "0" : d.slice(0, p)) + (p < digits ? "." + d.slice(p) : "");
      const v = long(t);
      if (Number.isNaN(v)) {
        // Declined: must be (near) a tie such as 5748648436183879.5; the fallback settles it.
        declined++;
        const b = Buffer.from(t);
        if (!Object.is(parseNumberBytes(b, 0, b.length), Number(t))) throw new Error(`${t}: fallback differs`);
      } else if (!Object.is(v, Number(t))) throw new Error(`${t}: got ${v}, Number gives ${Number(t)}`);
    }
    // Short fractions on 16-17 digit integers make exact ties fairly common here (~0.1%).
    expect(declined).toBeLessThan(n / 200);
  });

  it("rounds exact integer ties to even, and declines on fractional ties", () => {
    expect(long("9007199254740993")).toBe(9007199254740992);
    expect(long("9007199254740995")).toBe(9007199254740996);
    expect(long("4503599627370496.5")).toBeNaN(); // 2^52 + 1/2: exactly halfway
    const b = Buffer.from("4503599627370496.5");
    expect(parseNumberBytes(b, 0, b.length)).toBe(Number("4503599627370496.5"));
  });

  it("declines what it does not cover", () => {
    for (const s of ["12345678901234567890", "1.5e20", "0.00000000000000000000001234567890123456", "1.2.3", "", "-", "12a"]) {
      expect(long(s), s).toBeNaN();
    }
  });
});

describe("parseNumberBytes", () => {
  it("is bit-identical to Number(text) on random decimals, 17-digit ones included", () => {
    const texts = randomDecimalTexts(200_000, 42);
    let fastHits = 0;
    for (const t of texts) {
      const buf = Buffer.from(` ${t},`);
      const got = parseNumberBytes(buf, 1, buf.length - 1);
      if (!Object.is(got, Number(t))) throw new Error(`${t}: got ${got}, Number gives ${Number(t)}`);
      if (!Number.isNaN(parseDecimalBytes(buf, 1, buf.length - 1))) fastHits++;
      // A plain Uint8Array (not a Buffer) takes the same paths.
      const u8 = new TextEncoder().encode(t);
      if (!Object.is(parseNumberBytes(u8, 0, u8.length), Number(t))) throw new Error(`${t}: Uint8Array path differs`);
    }
    // Both paths were exercised.
    expect(fastHits).toBeGreaterThan(texts.length / 4);
    expect(fastHits).toBeLessThan(texts.length);
  });

  it("falls back to the general parser for separators, percentages and full-width digits", () => {
    const b = Buffer.from("1,234.5|12%|１２３．５||x");
    const parts = b.toString().split("|");
    let at = 0;
    const got = parts.map((p) => {
      const len = Buffer.byteLength(p);
      const v = parseNumberBytes(b, at, at + len);
      at += len + 1;
      return v;
    });
    expect(got.slice(0, 3)).toEqual([1234.5, 0.12, 123.5]);
    expect(got[3]).toBeNaN();
    expect(got[4]).toBeUndefined();
  });
});
