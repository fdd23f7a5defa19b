import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { OutputColumn } from "../../../engine/data/table.js";
import { csvChunks, csvStream } from "../../../engine/data/write-csv.js";

const columns: OutputColumn[] = [
  { name: "名称", type: "text", values: ["甲,乙", '说"明', "=1+1"] },
  { name: "x", type: "number", values: Float64Array.of(1.5, NaN, -0.25) },
];
const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString("utf8");

describe("CSV writer", () => {
  it("writes a BOM, CRLF, quotes, blanks for NaN and neutralised formulas by default", () => {
    expect(text(csvChunks(columns, 3))).toBe('\uFEFF名称,x\r\n"甲,乙",1.5\r\n"说""明",\r\n\'=1+1,-0.25\r\n');
  });

  it("writes bare line feeds without a BOM when asked", () => {
    expect(text(csvChunks(columns, 3, { bom: false, eol: "\n" }))).toBe('名称,x\n"甲,乙",1.5\n"说""明",\n\'=1+1,-0.25\n');
  });

  it("writes GBK (never with a BOM), the same text once decoded", () => {
    const gbk = Buffer.concat(csvChunks(columns, 3, { encoding: "gbk" }));
    expect(gbk.subarray(0, 4)).toEqual(iconv.encode("名称", "gbk"));
    expect(iconv.decode(gbk, "gbk")).toBe(text(csvChunks(columns, 3, { bom: false })));
  });

  it("streams the same bytes as it returns, in chunks that end at a row's end", () => {
    const n = 200_000;
    const big: OutputColumn[] = [{ name: "i", type: "number", values: Float64Array.from({ length: n }, (_, i) => i / 8) }];
    const chunks = Array.from(csvStream(big, n, { bom: false, eol: "\n" }), (c) => Buffer.from(c)); // a chunk is valid until the next is made
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c[c.length - 1]).toBe(0x0a);
    expect(Buffer.concat(chunks).equals(Buffer.concat(csvChunks(big, n, { bom: false, eol: "\n" })))).toBe(true);
  });

  it("writes a row longer than a chunk whole, numbers as String(v) writes them", () => {
    const long = "中,".repeat(400_000);
    const wide: OutputColumn[] = [
      { name: "t", type: "text", values: [long, "b"] },
      { name: "x", type: "number", values: Float64Array.of(0.1 + 0.2, -1e-7) },
      { name: "r", type: "rank", values: Int32Array.of(3, 0) },
      { name: "ok", type: "boolean", values: Uint8Array.of(1, 0) },
    ];
    expect(text(csvChunks(wide, 2, { bom: false, eol: "\n" }))).toBe(`t,x,r,ok\n"${long}",0.30000000000000004,3,true\nb,-1e-7,,false\n`);
  });
});

/** The writer as plain string building: quote, neutralise, String(v), joined by commas and line ends. */
function reference(cols: OutputColumn[], n: number, bom: boolean, eol: string): Buffer {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const cell = (c: OutputColumn, i: number): string => {
    switch (c.type) {
      case "text":
        return quote(/^[=+\-@\t\r]/.test(c.values[i] ?? "") ? `'${c.values[i]}` : (c.values[i] ?? ""));
      case "number":
        return Number.isNaN(c.values[i]) ? "" : String(c.values[i]);
      case "rank":
        return c.values[i] === 0 ? "" : String(c.values[i]);
      case "boolean":
        return c.values[i] === 1 ? "true" : "false";
    }
  };
  let s = (bom ? "\uFEFF" : "") + cols.map((c) => quote(c.name)).join(",") + eol;
  for (let i = 0; i < n; i++) s += cols.map((c) => cell(c, i)).join(",") + eol;
  return Buffer.from(s, "utf8");
}

describe("CSV writer, byte for byte", () => {
  it("writes what string building writes, for every kind of cell, across chunk boundaries", () => {
    const texts = ["", "A", "graded", "甲,乙", '说"明', "=1+1", "-3", "+x", "@a", "\tx", "\rx", "a\nb", "a,b", 'x"', "\ud800", "😀ok", "Ｅ001", "E001\u200b", "ok'", "a".repeat(3000)];
    const numbers = [0, -0, 1, -1, 0.1, 1e21, 1e-7, 123456789012, -2147483648, 2147483647, 2147483648, NaN, Infinity, -Infinity, 5e-324, 1.7976931348623157e308, 0.30000000000000004];
    let seed = 1;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const n = 60_000;
    const cols: OutputColumn[] = [
      // One cell far larger than a chunk, to make the buffer grow mid-row.
      { name: "t", type: "text", values: Array.from({ length: n }, (_, i) => (i === 7 ? "中".repeat(400_000) : texts[Math.floor(rnd() * texts.length)])) },
      { name: 'x,"y', type: "number", values: Float64Array.from({ length: n }, () => (rnd() < 0.3 ? numbers[Math.floor(rnd() * numbers.length)] : (rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20))) },
      { name: "r", type: "rank", values: Int32Array.from({ length: n }, () => Math.floor(rnd() * 5) * (rnd() < 0.5 ? 1 : 100_000)) },
      { name: "b", type: "boolean", values: Uint8Array.from({ length: n }, () => (rnd() < 0.5 ? 1 : 0)) },
    ];
    for (const [bom, eol] of [[true, "\r\n"], [false, "\n"]] as const) {
      const chunks = csvChunks(cols, n, { bom, eol });
      expect(chunks.length).toBeGreaterThan(2);
      expect(Buffer.concat(chunks).equals(reference(cols, n, bom, eol))).toBe(true);
    }
  });
});
