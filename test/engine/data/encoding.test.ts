import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ACCEPTED_ENCODINGS, detectEncoding, parseEncodingName, toUtf8 } from "../../../engine/data/encoding.js";
import { errorOf } from "./helpers.js";

const text = "企业代码,企业名称,亩均税收(万元/亩)\nE001,苏州甲科技有限公司,12.5\n";

describe("detectEncoding", () => {
  it("takes a BOM or valid UTF-8 as UTF-8, anything else as GB18030", () => {
    expect(detectEncoding(Buffer.from("\uFEFF" + text))).toBe("utf-8");
    expect(detectEncoding(Buffer.from(text))).toBe("utf-8");
    expect(detectEncoding(Buffer.from("id,x\n1,2\n"))).toBe("utf-8");
    expect(detectEncoding(iconv.encode(text, "gbk"))).toBe("gb18030");
  });
});

describe("toUtf8", () => {
  it("leaves UTF-8 alone and transcodes GBK", () => {
    const utf8 = Buffer.from(text);
    expect(toUtf8(utf8, "a.csv").bytes).toBe(utf8);
    const gbk = toUtf8(iconv.encode(text, "gbk"), "a.csv");
    expect(gbk.encoding).toBe("gb18030");
    expect(gbk.bytes.toString("utf8")).toBe(text);
  });

  it("honours an override, in any case, with aliases", () => {
    const gbk = iconv.encode(text, "gbk");
    expect(toUtf8(gbk, "a.csv", "GBK").bytes.toString()).toBe(text);
    expect(toUtf8(gbk, "a.csv", "gb18030").bytes.toString()).toBe(text);
    expect(parseEncodingName("UTF8")).toBe("utf-8");
    expect(parseEncodingName(" utf-8 ")).toBe("utf-8");
  });

  it("transcodes a file larger than one decoding chunk without splitting characters", () => {
    const big = "园区,企业\n" + "高新区,苏州甲科技有限公司\n".repeat(700_000); // > 16 MiB in GBK
    const gbk = iconv.encode(big, "gbk");
    expect(gbk.length).toBeGreaterThan(1 << 24);
    expect(toUtf8(gbk, "big.csv").bytes.toString("utf8") === big).toBe(true);
  });

  it("rejects an unknown encoding name, listing the accepted ones", async () => {
    const e = await errorOf(() => toUtf8(Buffer.from(text), "a.csv", "latin1"));
    expect(e.code).toBe("data.unknown-encoding");
    expect(e.message).toContain('unknown encoding "latin1"');
    for (const name of ACCEPTED_ENCODINGS) expect(e.message).toContain(name);
  });

  it("says where a file forced to UTF-8 is not UTF-8", async () => {
    const bytes = Buffer.concat([Buffer.from("id,name\n1,a\n"), iconv.encode("2,乙公司\n", "gbk")]);
    const e = await errorOf(() => toUtf8(bytes, "a.csv", "utf-8"));
    expect(e.code).toBe("data.bad-encoding");
    expect(e.problems[0].line).toBe(3);
    expect(e.message).toContain("a.csv:3");
  });

});

describe("UTF-16 (Excel's Unicode text)", () => {
  const le = Buffer.from(text + "E002,乙😀,3\r\n", "utf16le");
  const be = Buffer.from(le).swap16();
  const bom = (b: number[], body: Buffer) => Buffer.concat([Buffer.from(b), body]);

  it("is detected by its BOM, or without one by NUL bytes in the odd (LE) or even (BE) places", () => {
    expect(detectEncoding(bom([0xff, 0xfe], le))).toBe("utf-16le");
    expect(detectEncoding(bom([0xfe, 0xff], be))).toBe("utf-16be");
    expect(detectEncoding(le)).toBe("utf-16le");
    expect(detectEncoding(be)).toBe("utf-16be");
  });

  it("is read as the text it holds, BOM dropped, characters outside the BMP kept", () => {
    for (const bytes of [le, be, bom([0xff, 0xfe], le), bom([0xfe, 0xff], be)]) {
      const out = toUtf8(bytes, "u16.csv");
      expect(out.bytes.toString("utf8")).toBe(text + "E002,乙😀,3\r\n");
      expect(out.bytes.includes(0)).toBe(false);
    }
    expect(toUtf8(le, "u16.csv", "UTF-16LE").bytes.toString("utf8")).toBe(text + "E002,乙😀,3\r\n");
  });

  it("forced to be read as UTF-8 or GBK, is named as UTF-16 with the fix", async () => {
    const e = await errorOf(() => toUtf8(le, "u16.csv", "utf-8"));
    expect(e.message).toBe("u16.csv: the file is UTF-16LE text, not UTF-8. Fix: leave --encoding out, so that it is read as UTF-16, or save it as CSV UTF-8");
    expect((await errorOf(() => toUtf8(be, "u16.csv", "gbk"))).message).toContain("the file is UTF-16BE text, not GBK");
  });

  it("tells a file of NUL bytes that is not UTF-16 (a renamed workbook) from text, never passing NULs on", async () => {
    const zip = Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 65, 0, 0, 66]);
    const e = await errorOf(() => toUtf8(zip, "book.csv"));
    expect(e.message).toMatch(/^book\.csv: the file holds NUL bytes, which no CSV text does.*Fix: open it in Excel and save it as "CSV UTF-8/);
  });
});
