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

  it("refuses UTF-16 with a hint", async () => {
    const e = await errorOf(() => toUtf8(Buffer.from([0xff, 0xfe, 0x41, 0x00]), "u16.csv"));
    expect(e.code).toBe("data.unsupported-encoding");
    expect(e.message).toContain("UTF-16");
  });
});
