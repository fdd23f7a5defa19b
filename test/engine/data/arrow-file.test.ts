import { Dictionary, Float64, Int32, Int64, List, Field, Table, Utf8, tableToIPC, vectorFromArray } from "apache-arrow";
import { readFileSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { readArrow } from "../../../engine/data/arrow.js";
import { readArrowFile } from "../../../engine/data/arrow-file.js";
import type { Frame, ReadSpec } from "../../../engine/data/frame.js";
import { readFrame } from "../../../engine/data/read.js";
import { TextColumns } from "../../../engine/data/text.js";
import { ProblemList } from "../../../engine/errors.js";
import { errorOf, tempDir } from "./helpers.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** A table of every flat type the reader handles, `rows` long, written in batches of `batch` rows. */
function table(rows: number, batch: number): Table {
  const k = Array.from({ length: rows }, (_, i) => i);
  const whole = new Table({
    id: vectorFromArray(k.map((i) => (i % 17 === 5 ? ` E${i} ` : `E${i}`)), new Utf8()),
    name: vectorFromArray(k.map((i) => (i % 11 === 0 ? null : `武安${i}号公司`)), new Utf8()),
    skipped: vectorFromArray(k.map((i) => `not read ${i}`.repeat(20)), new Utf8()),
    tax: vectorFromArray(k.map((i) => (i % 7 === 0 ? null : i * 0.5)), new Float64()),
    staff: vectorFromArray(k.map((i) => (i % 13 === 0 ? null : i)), new Int32()),
    big: vectorFromArray(k.map((i) => BigInt(i) * 1000n), new Int64()),
    park: vectorFromArray(k.map((i) => (i % 3 ? "东山" : "广耀")), new Dictionary(new Utf8(), new Int32())),
    wide: vectorFromArray(k.map((i) => i), new Float64()),
  });
  const batches = [];
  for (let s = 0; s < rows; s += batch) batches.push(...whole.slice(s, s + batch).batches);
  return new Table(batches);
}

const spec: ReadSpec = { numeric: ["tax", "staff", "big"], text: ["id", "name", "park"], key: ["id"] };

function same(a: Frame, b: Frame): void {
  expect(a.nrows).toBe(b.nrows);
  expect([...a.numbers.keys()]).toEqual([...b.numbers.keys()]);
  for (const [k, v] of a.numbers) expect(Array.from(v)).toEqual(Array.from(b.numbers.get(k)!));
  expect(new Map(a.texts)).toEqual(new Map(b.texts));
}

/** The frame read column by column, or undefined when the reader wants the whole file. */
async function byColumn(file: string, s: ReadSpec, list = new ProblemList()): Promise<Frame | undefined> {
  const fh = await open(file, "r");
  try {
    return await readArrowFile(fh, (await fh.stat()).size, file, s, list);
  } finally {
    await fh.close();
  }
}

describe("reading only the wanted columns of an Arrow file", () => {
  it("gives the frame the whole file gives, in one batch or many", async () => {
    for (const batch of [500, 64, 7]) {
      const file = tmp.path(`t${batch}.arrow`);
      writeFileSync(file, tableToIPC(table(500, batch), "file"));
      const f = await byColumn(file, spec);
      expect(f).toBeDefined();
      same(f!, readArrow(readFileSync(file), file, spec));
      same(await readFrame(file, spec), readArrow(readFileSync(file), file, spec));
    }
  });

  it("leaves the columns not asked for unread", async () => {
    const file = tmp.path("skip.arrow");
    const bytes = tableToIPC(table(300, 300), "file");
    writeFileSync(file, bytes);
    const f = (await byColumn(file, spec))!;
    // The id column views the image of the file the reader read into.
    const image = Buffer.from((f.texts as TextColumns).utf8("id")!.chunks[0].bytes.buffer);
    expect(image.length).toBe(bytes.length);
    const marker = Buffer.from("not read 7not read 7");
    expect(Buffer.from(bytes).indexOf(marker)).toBeGreaterThan(0);
    expect(image.indexOf(marker)).toBe(-1);
    // What it read is the file's own bytes, where it read them.
    expect(image.indexOf(Buffer.from("武安12号公司"))).toBe(Buffer.from(bytes).indexOf(Buffer.from("武安12号公司")));
    expect(image.reduce((n, b) => n + (b !== 0 ? 1 : 0), 0)).toBeLessThan(bytes.reduce((n, b) => n + (b !== 0 ? 1 : 0), 0) / 2);
  });

  it("reads the whole file when it cannot do less: the stream format, a nested column, a missing column", async () => {
    const stream = tmp.path("s.arrow");
    writeFileSync(stream, tableToIPC(table(50, 50), "stream"));
    expect(await byColumn(stream, spec)).toBeUndefined();
    same(await readFrame(stream, spec), readArrow(readFileSync(stream), stream, spec));

    const nested = tmp.path("n.arrow");
    const t = table(20, 20);
    const list = vectorFromArray(Array.from({ length: 20 }, (_, i) => [i, i + 1]), new List(new Field("item", new Int32(), true)));
    writeFileSync(nested, tableToIPC(new Table({ ...Object.fromEntries(t.schema.fields.map((f) => [f.name, t.getChild(f.name)!])), list }), "file"));
    expect(await byColumn(nested, spec)).toBeUndefined();
    same(await readFrame(nested, spec), readArrow(readFileSync(nested), nested, spec));

    const missing = { ...spec, numeric: [...spec.numeric, "absent"] };
    expect(await byColumn(nested, missing)).toBeUndefined();
    const e = await errorOf(() => readFrame(tmp.path("t500.arrow"), missing));
    expect(e.problems.map((p) => p.code)).toEqual(["data.missing-column"]);
  });

  it("never reads past a damaged file's end: bytes cut from its middle are reported, not read as zeros", async () => {
    const bytes = Buffer.from(tableToIPC(table(2000, 2000), "file"));
    const cut = Buffer.concat([bytes.subarray(0, 20_000), bytes.subarray(30_000)]);
    const file = tmp.path("cut.arrow");
    writeFileSync(file, cut);
    expect(await byColumn(file, spec)).toBeUndefined();
    const e = await errorOf(() => readFrame(file, spec));
    expect(e.problems[0]).toMatchObject({ code: "data.bad-arrow", file });
  });

  it("checks the key while reading, and lists its problems after the columns' own", async () => {
    const file = tmp.path("dup.arrow");
    const t = new Table({ id: vectorFromArray(["A", "B", "A", null], new Utf8()), tax: vectorFromArray(["1", "x", "3", "4"], new Utf8()), period: vectorFromArray([1, 1, 1, 1], new Float64()) });
    writeFileSync(file, tableToIPC(t, "file"));
    const s: ReadSpec = { numeric: ["tax"], text: ["id"], key: ["id"] };
    const list = new ProblemList();
    expect(await byColumn(file, s, list)).toBeDefined();
    expect(list.problems.map((p) => [p.code, p.row])).toEqual([
      ["data.not-a-number", 3],
      ["data.empty-key", 5],
      ["data.duplicate-key", 4],
    ]);
    const e = await errorOf(() => readFrame(file, s));
    expect(e.problems).toEqual(list.problems);
    // A combined key with a number column, read first as well.
    const two = await errorOf(() => readFrame(file, { numeric: ["period"], text: ["id"], key: ["period", "id"] }));
    expect(two.problems.map((p) => [p.code, p.row, p.value])).toEqual([
      ["data.empty-key", 5, undefined],
      ["data.duplicate-key", 4, "1, A"],
    ]);
  });
});
