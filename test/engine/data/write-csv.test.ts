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
    const chunks = [...csvStream(big, n, { bom: false, eol: "\n" })];
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
