import { describe, expect, it } from "vitest";
import { utf8Column } from "../../../engine/data/strings.js";

/** Bytes and offsets for a list of values, as a CSV column buffer or an Arrow Utf8 column holds them. */
function column(values: (string | Uint8Array)[]): { bytes: Buffer; offsets: Int32Array } {
  const parts = values.map((v) => (typeof v === "string" ? Buffer.from(v) : Buffer.from(v)));
  const offsets = new Int32Array(parts.length + 1);
  parts.forEach((p, i) => (offsets[i + 1] = offsets[i] + p.length));
  return { bytes: Buffer.concat(parts), offsets };
}

describe("utf8Column", () => {
  it("cuts ASCII, CJK and astral-plane values out of one buffer, trimmed", () => {
    const values = ["E001", " 苏州甲科技有限公司 ", "", "园区😀A", "x", "高新区"];
    const { bytes, offsets } = column(values);
    expect(utf8Column(bytes, offsets, values.length)).toEqual(values.map((v) => v.trim()));
  });

  it("trims every kind of white space String.prototype.trim knows: full-width, no-break, a BOM at either end", () => {
    const values = ["\u3000甲公司\u3000", "\u00a0E001", "E002\ufeff", "\ufeffE003", "乙\u2003", "\t丙 \r"];
    const { bytes, offsets } = column(values);
    expect(utf8Column(bytes, offsets, values.length)).toEqual(["甲公司", "E001", "E002", "E003", "乙", "丙"]);
  });

  it("decodes values one by one when the bytes are not valid UTF-8", () => {
    const { bytes, offsets } = column(["ok", new Uint8Array([0x41, 0xff, 0x42]), "中文"]);
    expect(utf8Column(bytes, offsets, 3)).toEqual(["ok", "A\uFFFDB", "中文"]);
  });

  it("gives '' for nulls whatever their bytes", () => {
    const { bytes, offsets } = column(["a", "junk", "c"]);
    expect(utf8Column(bytes, offsets, 3, (i) => i === 1)).toEqual(["a", "", "c"]);
  });

  it("shares strings in a repeating column without mixing up values", () => {
    const n = 50_000;
    const values = Array.from({ length: n }, (_, i) => (i % 11 === 0 ? "" : `园区${(i * 7919) % 300}`));
    const { bytes, offsets } = column(values);
    expect(utf8Column(bytes, offsets, n)).toEqual(values);
  });

  it("handles columns larger than one decoding slice, repeated or distinct", () => {
    const n = 1_200_000;
    const values = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? `园区${i % 7}` : `91320594MA${String(i).padStart(8, "0")}`));
    const { bytes, offsets } = column(values);
    expect(bytes.length).toBeGreaterThan(1 << 24);
    const out = utf8Column(bytes, offsets, n);
    for (let i = 0; i < n; i++) if (out[i] !== values[i]) throw new Error(`value ${i}: ${out[i]} ≠ ${values[i]}`);
    expect(out.length).toBe(n);
  });
});
