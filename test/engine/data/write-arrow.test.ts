import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tableFromIPC, tableToIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import type { OutputColumn } from "../../../engine/data/table.js";
import { arrowStream, arrowTable } from "../../../engine/data/write-arrow.js";
import { closeSync, openSync, readdirSync } from "node:fs";
import { fileChunks, writeFilesAtomically } from "../../../engine/store/atomic.js";
import { WriteThread } from "../../../engine/store/write-thread.js";
import { tempDir } from "../../cli/helpers.js";

const n = 70_000;
const columns: OutputColumn[] = [
  { name: "id", type: "text", values: Array.from({ length: n }, (_, i) => `E${i}`) },
  { name: "x", type: "number", values: Float64Array.from({ length: n }, (_, i) => (i % 7 ? i / 8 : NaN)) },
  { name: "rank", type: "rank", values: Int32Array.from({ length: n }, (_, i) => i % 5) },
  { name: "vetoed", type: "boolean", values: Uint8Array.from({ length: n }, (_, i) => i & 1) },
];

describe("arrowStream", () => {
  it("gives the bytes apache-arrow's whole-file writer gives, in chunks", () => {
    const chunks = [...arrowStream(columns)];
    expect(chunks.length).toBeGreaterThan(4);
    expect(Buffer.concat(chunks).equals(Buffer.from(tableToIPC(arrowTable(columns), "file")))).toBe(true);
    const t = tableFromIPC(Buffer.concat(chunks));
    expect(t.numRows).toBe(n);
    expect(t.getChild("x")!.get(9)).toBe(9 / 8);
    expect(t.getChild("x")!.get(14)).toBeNull(); // 14 % 7 = 0: missing
    expect(t.getChild("rank")!.get(5)).toBeNull();
    expect(t.getChild("id")!.get(n - 1)).toBe(`E${n - 1}`);
  });
});

describe("text columns", () => {
  it("hold each value's UTF-8 bytes, as Buffer.from encodes them", () => {
    const texts = ["", "E001", "武安市优亿卓专用设备有限公司", "😀", "a😀b", "\ud800", "x\udc00y", "é", "ß中😀\ud83d", "Ｅ001"];
    const values = Array.from({ length: 5000 }, (_, i) => texts[i % texts.length] + (i % 3 ? "" : String(i)));
    const t = tableFromIPC(Buffer.concat([...arrowStream([{ name: "t", type: "text", values }])]));
    const col = t.getChild("t")!;
    const data = col.data[0];
    for (let i = 0; i < values.length; i++) {
      const bytes = Buffer.from(values[i], "utf8");
      expect(Buffer.from(data.values.subarray(data.valueOffsets[i], data.valueOffsets[i + 1])).equals(bytes)).toBe(true);
      expect(col.get(i)).toBe(bytes.toString("utf8"));
    }
  });
});

describe("writing a file as it is made", () => {
  it("writes every chunk, small and large, and gives the sha256 of what it wrote", () => {
    const dir = tempDir();
    const parts = [new Uint8Array([1]), new Uint8Array(200_000).fill(2), new Uint8Array([3, 4]), new Uint8Array(70_000).fill(5), new Uint8Array(3)];
    const written = writeFilesAtomically(dir, [{ name: "a.bin", data: (function* () { yield* parts; })() }, { name: "t.arrow", data: arrowStream(columns) }]);
    const a = readFileSync(join(dir, "a.bin"));
    expect(a.equals(Buffer.concat(parts))).toBe(true);
    for (const [name, hash] of Object.entries(written)) expect(hash).toBe(createHash("sha256").update(readFileSync(join(dir, name))).digest("hex"));
    // A copy through fileChunks is the same file.
    const copy = writeFilesAtomically(dir, [{ name: "b.bin", data: fileChunks(join(dir, "a.bin")) }]);
    expect(copy["b.bin"]).toBe(written["a.bin"]);
  });
});

describe("a large file, written on a thread of its own", () => {
  it("is written whole and hashed, even when the producer reuses its buffer", () => {
    const dir = tempDir();
    const reused = Buffer.alloc(3 << 20);
    const expected: Buffer[] = [];
    function* chunks() {
      for (let k = 0; k < 40; k++) {
        reused.fill(k);
        reused[k] = 255 - k;
        expected.push(Buffer.from(reused));
        yield reused;
      }
    }
    const written = writeFilesAtomically(dir, [{ name: "big.bin", data: chunks() }]);
    const back = readFileSync(join(dir, "big.bin"));
    expect(back.equals(Buffer.concat(expected))).toBe(true);
    expect(written["big.bin"]).toBe(createHash("sha256").update(back).digest("hex"));
  });

  it("leaves nothing behind when its maker fails half-way", () => {
    const dir = tempDir();
    function* failing() {
      yield Buffer.alloc(4 << 20, 1);
      throw new Error("the maker failed");
    }
    expect(() => writeFilesAtomically(dir, [{ name: "ok.bin", data: Buffer.alloc(3 << 20, 2) }, { name: "bad.bin", data: failing() }])).toThrow("the maker failed");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("throws the system's refusal as the write would have (a full disk)", () => {
    const fd = openSync("/dev/full", "w");
    try {
      const t = new WriteThread(fd);
      t.put(Buffer.alloc(2 << 20));
      t.end(true);
      expect(() => t.result()).toThrow(expect.objectContaining({ code: "ENOSPC", syscall: "write" }));
    } finally {
      closeSync(fd);
    }
  });
});
