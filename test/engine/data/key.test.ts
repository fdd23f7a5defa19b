import { Float64, Table, Utf8, makeData, makeVector, tableFromIPC, tableToIPC, vectorFromArray, type Vector } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { readArrow } from "../../../engine/data/arrow.js";
import type { ReadSpec } from "../../../engine/data/frame.js";
import { checkKey } from "../../../engine/data/key.js";
import { TextColumns } from "../../../engine/data/text.js";
import { ProblemList } from "../../../engine/errors.js";
import { rng } from "./helpers.js";

const spec: ReadSpec = { numeric: ["x"], text: ["id"], key: ["id"] };

/** Arrow IPC bytes of `id` (Utf8, in chunks) and `x` columns. */
function ipc(ids: (string | null)[], chunk: number, period?: number[]): Uint8Array {
  const batches = [];
  for (let s = 0; s < ids.length; s += chunk) {
    const cols: Record<string, Vector> = {
      id: vectorFromArray(ids.slice(s, s + chunk), new Utf8()),
      x: vectorFromArray(ids.slice(s, s + chunk).map((_, i) => s + i), new Float64()),
    };
    if (period) cols.period = vectorFromArray(period.slice(s, s + chunk), new Float64());
    batches.push(new Table(cols).batches[0]);
  }
  return tableToIPC(new Table(batches));
}

/** The problems as [code, row, value] — found by checkKey on the frame as read. */
function problems(bytes: Uint8Array, s: ReadSpec = spec): [string, number | undefined, string | undefined][] {
  const list = new ProblemList(10_000);
  const frame = readArrow(bytes, "t.arrow", s, list);
  expect(frame.texts).toBeInstanceOf(TextColumns);
  checkKey(frame, s, list);
  return list.problems.map((p) => [p.code, p.row, p.value]);
}

/** An independent check: a Map over the trimmed strings, empty keys first, then repeats, in row order. */
function naive(ids: (string | null)[]): [string, number | undefined, string | undefined][] {
  const keys = ids.map((v) => (v ?? "").trim());
  const empty = keys.flatMap((k, i) => (k === "" ? [["data.empty-key", i + 2, undefined] as [string, number, undefined]] : []));
  const first = new Map<string, number>();
  const repeats: [string, number, string][] = [];
  keys.forEach((k, i) => {
    if (k === "") return;
    if (first.has(k)) repeats.push(["data.duplicate-key", i + 2, k]);
    else first.set(k, i);
  });
  return [...empty, ...repeats];
}

describe("checkKey on undecoded Arrow text", () => {
  it("finds the same empty and repeated ids as a Map over the trimmed strings, whatever the spaces and chunks", () => {
    const r = rng(3);
    const base = Array.from({ length: 5000 }, (_, i) => `91130481MA${String(i).padStart(8, "0")}`);
    const ids: (string | null)[] = base.map((id) => {
      const u = r();
      if (u < 0.01) return null;
      if (u < 0.02) return "";
      if (u < 0.03) return "  ";
      const dup = u < 0.06 ? base[Math.floor(r() * base.length)] : id;
      const w = r();
      return w < 0.02 ? ` ${dup}` : w < 0.04 ? `${dup}\u3000` : w < 0.05 ? `\u00a0${dup}\t` : w < 0.06 ? `武安${dup}` : dup;
    });
    const expected = naive(ids);
    expect(expected.filter((p) => p[0] === "data.duplicate-key").length).toBeGreaterThan(50);
    for (const chunk of [5000, 1024, 7]) expect(problems(ipc(ids, chunk))).toEqual(expected);
  });

  it("finds every repeat when half the rows share one id, each named against its first row", () => {
    const ids = Array.from({ length: 3000 }, (_, i) => (i % 2 ? "E1" : `E${i + 2}`));
    const expected = naive(ids);
    expect(expected).toHaveLength(1499); // "E1" at rows 3, 5, …; "E2" is row 2's own id
    expect(problems(ipc(ids, 3000))).toEqual(expected);
    const list = new ProblemList(10_000);
    checkKey(readArrow(ipc(ids, 3000), "t.arrow", spec, list), spec, list);
    expect(list.problems.at(-1)?.message).toBe('id "E1" is repeated: rows 3 and 3001');
  });

  it("names both rows of a repeat, and reports the value as the user sees it", () => {
    const list = new ProblemList();
    const frame = readArrow(ipc(["E001", "E002", "E001 "], 2), "t.arrow", spec, list);
    checkKey(frame, spec, list);
    expect(list.problems).toHaveLength(1);
    expect(list.problems[0]).toMatchObject({ code: "data.duplicate-key", row: 4, column: "id", value: "E001", message: 'id "E001" is repeated: rows 2 and 4' });
    expect((frame.texts as TextColumns).utf8("id")).toBeDefined(); // the check decoded no id
  });

  it("checks a key of a number and text column together", () => {
    const bytes = ipc(["A", "A", "B", "A"], 3, [2023, 2024, 2023, 2023]);
    const two: ReadSpec = { numeric: ["x", "period"], text: ["id"], key: ["period", "id"] };
    expect(problems(bytes, two)).toEqual([["data.duplicate-key", 5, "2023, A"]]);
  });

  it("falls back to the decoded strings when the bytes are not valid UTF-8", () => {
    // "A\xff" twice (decoded as "A\ufffd") and "A\xfe", which decodes to the same text.
    const bytes = Uint8Array.from([0x41, 0xff, 0x41, 0xff, 0x41, 0xfe, 0x42]);
    const id = makeVector(makeData({ type: new Utf8(), length: 4, nullCount: 0, valueOffsets: Int32Array.from([0, 2, 4, 6, 7]), data: bytes }));
    const table = new Table({ id, x: vectorFromArray([1, 2, 3, 4], new Float64()) });
    const rows = problems(tableToIPC(table));
    expect(rows).toEqual([
      ["data.duplicate-key", 3, "A\ufffd"],
      ["data.duplicate-key", 4, "A\ufffd"],
    ]);
    expect(tableFromIPC(tableToIPC(table)).numRows).toBe(4);
  });
});
