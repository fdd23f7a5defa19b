import {
  Bool,
  Decimal,
  Dictionary,
  Float32,
  Float64,
  Int32,
  Int64,
  Table,
  Utf8,
  makeData,
  makeVector,
  tableFromArrays,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
} from "apache-arrow";
import { writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { arrowTableToFrame, readArrow } from "../../../engine/data/arrow.js";
import { sourceRow } from "../../../engine/data/frame.js";
import { readFrame } from "../../../engine/data/read.js";
import { errorOf, tempDir } from "./helpers.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function sample(): Table {
  return new Table({
    id: vectorFromArray(["E001", "E002", "E003"], new Utf8()),
    tax: vectorFromArray([12.5, 0.1, -3], new Float64()),
    staff: vectorFromArray([10, 20, 30], new Int32()),
    big: vectorFromArray([1n, 2n ** 40n, -5n], new Int64()),
    withNull: vectorFromArray([1.5, null, 2.5], new Float64()),
    f32: vectorFromArray([0.5, 1.5, null], new Float32()),
    numText: vectorFromArray(["1,234.5", "12%", null], new Utf8()),
    park: vectorFromArray(["高新区", "高新区", null], new Dictionary(new Utf8(), new Int32())),
    flag: vectorFromArray([true, false, null], new Bool()),
  });
}

describe("Arrow", () => {
  it("hands a null-free single-chunk Float64 column over without copying", () => {
    const bytes = tableToIPC(sample(), "file");
    const f = readArrow(bytes, "a.arrow", { numeric: ["tax"], text: [] });
    const tax = f.numbers.get("tax")!;
    expect(Array.from(tax)).toEqual([12.5, 0.1, -3]);
    // The view is on the IPC bytes themselves.
    expect(tax.buffer).toBe(bytes.buffer);
    // And on the Arrow data's buffer when given a table.
    const table = tableFromIPC(bytes);
    const g = arrowTableToFrame(table, "a.arrow", { numeric: ["tax"], text: [] });
    expect(g.numbers.get("tax")!.buffer).toBe(table.getChild("tax")!.data[0].values.buffer);
  });

  it("hands a Float64 column with nulls over without copying when it owns the bytes, NaN at the nulls", () => {
    const bytes = tableToIPC(sample(), "file");
    const f = readArrow(bytes, "a.arrow", { numeric: ["withNull"], text: [] });
    const v = f.numbers.get("withNull")!;
    expect(Array.from(v)).toEqual([1.5, NaN, 2.5]);
    expect(v.buffer).toBe(bytes.buffer);
    // A table handed in by a caller is not written to: its column is copied.
    const table = tableFromIPC(tableToIPC(sample(), "file"));
    const g = arrowTableToFrame(table, "a.arrow", { numeric: ["withNull"], text: [] });
    expect(Array.from(g.numbers.get("withNull")!)).toEqual([1.5, NaN, 2.5]);
    expect(g.numbers.get("withNull")!.buffer).not.toBe(table.getChild("withNull")!.data[0].values.buffer);
    expect(Number.isNaN(table.getChild("withNull")!.data[0].values[1])).toBe(false);
  });

  it("marks nulls from the bitmap across whole bytes and odd tails", () => {
    const values = Array.from({ length: 37 }, (_, i) => (i % 5 === 3 || i === 36 ? null : i));
    const t = new Table({ x: vectorFromArray(values, new Int32()), y: vectorFromArray(values, new Float64()) });
    const f = readArrow(tableToIPC(t), "n.arrow", { numeric: ["x", "y"], text: [] });
    const expected = values.map((v) => (v === null ? NaN : v));
    expect(Array.from(f.numbers.get("x")!)).toEqual(expected);
    expect(Array.from(f.numbers.get("y")!)).toEqual(expected);
    // A sliced table: values start at the slice, the bitmap at its offset.
    const g = arrowTableToFrame(t.slice(3, 20), "n.arrow", { numeric: ["x", "y"], text: ["y"] });
    expect(Array.from(g.numbers.get("x")!)).toEqual(expected.slice(3, 20));
    expect(Array.from(g.numbers.get("y")!)).toEqual(expected.slice(3, 20));
    expect(g.texts.get("y")).toEqual(values.slice(3, 20).map((v) => (v === null ? "" : String(v))));
  });

  it("converts ints, bigints, floats with nulls, numeric text, dictionaries and booleans", () => {
    const f = readArrow(tableToIPC(sample(), "stream"), "a.arrows", {
      numeric: ["staff", "big", "withNull", "f32", "numText", "flag"],
      text: ["id", "park", "staff", "big", "tax", "withNull"],
    });
    expect(Array.from(f.numbers.get("staff")!)).toEqual([10, 20, 30]);
    expect(Array.from(f.numbers.get("big")!)).toEqual([1, 2 ** 40, -5]);
    expect(Array.from(f.numbers.get("withNull")!)).toEqual([1.5, NaN, 2.5]);
    expect(Array.from(f.numbers.get("f32")!)).toEqual([0.5, 1.5, NaN]);
    expect(Array.from(f.numbers.get("numText")!)).toEqual([1234.5, 0.12, NaN]);
    expect(Array.from(f.numbers.get("flag")!)).toEqual([1, 0, NaN]);
    expect(f.texts.get("id")).toEqual(["E001", "E002", "E003"]);
    expect(f.texts.get("park")).toEqual(["高新区", "高新区", ""]);
    expect(f.texts.get("staff")).toEqual(["10", "20", "30"]);
    expect(f.texts.get("big")).toEqual(["1", "1099511627776", "-5"]);
    expect(f.texts.get("tax")).toEqual(["12.5", "0.1", "-3"]);
    expect(f.texts.get("withNull")).toEqual(["1.5", "", "2.5"]);
    expect([0, 1, 2].map((i) => sourceRow(f, i))).toEqual([2, 3, 4]); // record i + 1 after the header
  });

  it("scales decimals, and writes them as text", () => {
    // 128-bit decimals: four little-endian 32-bit words per value; 12345 and -250 at scale 2.
    const words = new Uint32Array([12345, 0, 0, 0, 0xffffff06, 0xffffffff, 0xffffffff, 0xffffffff]);
    const dec = makeVector(makeData({ type: new Decimal(2, 10, 128), length: 2, data: words }));
    const t = new Table({ id: vectorFromArray(["A", "B"], new Utf8()), amount: dec });
    const f = arrowTableToFrame(t, "d.arrow", { numeric: ["amount"], text: ["amount"] });
    expect(Array.from(f.numbers.get("amount")!)).toEqual([123.45, -2.5]);
    expect(f.texts.get("amount")).toEqual(["123.45", "-2.5"]);
  });

  it("copies a Float64 column split over several record batches", () => {
    const a = tableFromArrays({ x: Float64Array.from([1, 2]) });
    const b = tableFromArrays({ x: Float64Array.from([3]) });
    const t = a.concat(b);
    expect(t.getChild("x")!.data.length).toBe(2);
    const f = arrowTableToFrame(t, "t.arrow", { numeric: ["x"], text: [] });
    expect(Array.from(f.numbers.get("x")!)).toEqual([1, 2, 3]);
  });

  it("reports text that is not a number, and non-numeric column types", async () => {
    const withText = new Table({
      id: vectorFromArray(["A", "B"], new Utf8()),
      x: vectorFromArray(["1.5", "abc"], new Utf8()),
      d: vectorFromArray([new Date(0), new Date(1)]),
    });
    const e = await errorOf(() => readArrow(tableToIPC(withText), "w.arrow", { numeric: ["x", "d"], text: ["id"] }));
    expect(e.problems[0]).toMatchObject({ code: "data.not-a-number", file: "w.arrow", row: 3, column: "x", value: "abc" });
    expect(e.problems[1]).toMatchObject({ code: "data.not-a-number", column: "d" });
    expect(e.problems[1].message).toContain("not numbers");
  });

  it("reads .arrow, .feather and .ipc files, file or stream format", async () => {
    for (const [name, format] of [
      ["a.arrow", "file"],
      ["a.feather", "file"],
      ["a.ipc", "stream"],
    ] as const) {
      const file = tmp.path(name);
      writeFileSync(file, tableToIPC(sample(), format));
      const f = await readFrame(file, { numeric: ["tax", "staff"], text: ["id"], key: ["id"] });
      expect(Array.from(f.numbers.get("tax")!)).toEqual([12.5, 0.1, -3]);
      expect(f.texts.get("id")).toEqual(["E001", "E002", "E003"]);
    }
  });

  it("refuses bytes that are not Arrow", async () => {
    const e = await errorOf(() => readArrow(Buffer.from("id,x\n1,2\n"), "fake.arrow", { numeric: [], text: [] }));
    expect(e.code).toBe("data.bad-arrow");
  });
});
