import { Float64, Int64, Table, Utf8, tableToIPC, vectorFromArray } from "apache-arrow";
import { writeFileSync } from "node:fs";
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from "parquet-wasm";
import { afterAll, describe, expect, it } from "vitest";
import { readParquet } from "../../../engine/data/parquet.js";
import { readFrame } from "../../../engine/data/read.js";
import { errorOf, tempDir } from "./helpers.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Parquet bytes for an Arrow table, written by parquet-wasm from an IPC stream. */
function toParquet(table: Table, compression?: Compression): Uint8Array {
  const props = compression === undefined ? undefined : new WriterPropertiesBuilder().setCompression(compression).build();
  return writeParquet(WasmTable.fromIPCStream(tableToIPC(table, "stream")), props);
}

const table = new Table({
  企业代码: vectorFromArray(["E001", "E002", "E003"], new Utf8()),
  亩均税收: vectorFromArray([12.5, null, 0.1], new Float64()),
  从业人数: vectorFromArray([100n, 250n, 7n], new Int64()),
  增长率: vectorFromArray(["12%", "1,234.5", ""], new Utf8()),
});

describe("Parquet", () => {
  it("reads numbers (nulls as NaN), 64-bit ints, numeric text and text", async () => {
    const file = tmp.path("data.parquet");
    writeFileSync(file, toParquet(table, Compression.SNAPPY));
    const f = await readFrame(file, { numeric: ["亩均税收", "从业人数", "增长率"], text: ["企业代码"], key: ["企业代码"] });
    expect(f.nrows).toBe(3);
    expect(Array.from(f.numbers.get("亩均税收")!)).toEqual([12.5, NaN, 0.1]);
    expect(Array.from(f.numbers.get("从业人数")!)).toEqual([100, 250, 7]);
    expect(Array.from(f.numbers.get("增长率")!)).toEqual([0.12, 1234.5, NaN]);
    expect(f.texts.get("企业代码")).toEqual(["E001", "E002", "E003"]);
    expect(f.origin.headers.get("亩均税收")).toBe("亩均税收");
  });

  it("maps headers and reports missing columns like every other format", async () => {
    const bytes = toParquet(table);
    const f = readParquet(bytes, "m.parquet", { headerMap: { 企业代码: "id" }, numeric: ["从业人数"], text: ["id"] });
    expect(f.texts.get("id")).toEqual(["E001", "E002", "E003"]);
    expect(f.origin.headers.get("id")).toBe("企业代码");
    const e = await errorOf(() => readParquet(bytes, "m.parquet", { numeric: ["营业收入"], text: [] }));
    expect(e.problems[0]).toMatchObject({ code: "data.missing-column", column: "营业收入", file: "m.parquet" });
  });

  it("refuses bytes that are not Parquet", async () => {
    const e = await errorOf(() => readParquet(Buffer.from("PAR1 but not really"), "bad.parquet", { numeric: [], text: [] }));
    expect(e.code).toBe("data.bad-parquet");
    expect(e.message).toContain("bad.parquet");
  });
});
