import { Float64, Table, Utf8, tableToIPC, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { readArrow } from "../../../engine/data/arrow.js";
import { detachedFrame, ownBuffer } from "../../../engine/data/frame.js";
import { TextColumns } from "../../../engine/data/text.js";

describe("detachedFrame", () => {
  it("survives being sent to another thread: text decoded, each number column in its own buffer", () => {
    const table = new Table({
      id: vectorFromArray(["E1", " E2", "E3"], new Utf8()),
      name: vectorFromArray(["甲", null, "丙"], new Utf8()),
      tax: vectorFromArray([1.5, 2, 3], new Float64()),
      va: vectorFromArray([4, null, 6], new Float64()),
    });
    const frame = readArrow(tableToIPC(table), "t.arrow", { numeric: ["tax", "va"], text: ["id", "name"] });
    expect(frame.texts).toBeInstanceOf(TextColumns);
    // Why it is needed: a structured clone of TextColumns keeps none of its columns.
    expect(structuredClone(frame.texts).size).toBe(0);

    const sent = structuredClone(detachedFrame(frame));
    expect(new Map(sent.texts)).toEqual(
      new Map([
        ["id", ["E1", "E2", "E3"]],
        ["name", ["甲", "", "丙"]],
      ]),
    );
    expect(Array.from(sent.numbers.get("va")!)).toEqual([4, NaN, 6]);
    for (const v of detachedFrame(frame).numbers.values()) expect(v.byteLength).toBe(v.buffer.byteLength);
    expect(sent.origin.file).toBe("t.arrow");
  });
});

describe("ownBuffer", () => {
  it("keeps a column that fills its own buffer, and copies one that shares a buffer or shared memory", () => {
    const own = Float64Array.of(1, 2);
    expect(ownBuffer(own)).toBe(own);
    const part = new Float64Array(new ArrayBuffer(32), 8, 2);
    const shared = new Float64Array(new SharedArrayBuffer(16));
    shared.set([3, 4]);
    for (const v of [part, shared]) {
      const copy = ownBuffer(v);
      expect(copy).not.toBe(v);
      expect(copy.buffer).toBeInstanceOf(ArrayBuffer);
      expect(copy.byteLength).toBe(copy.buffer.byteLength);
      expect(Array.from(copy)).toEqual(Array.from(v));
    }
  });
});
