import { Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { textColumn } from "../../../engine/data/arrow.js";
import { TextColumns, Utf8Text } from "../../../engine/data/text.js";

/** An Arrow Utf8 column of these values, in chunks of `chunk` rows, as read back from IPC bytes. */
function utf8(values: (string | null)[], chunk = values.length): Utf8Text {
  const batches = [];
  for (let s = 0; s < values.length; s += chunk) batches.push(new Table({ v: vectorFromArray(values.slice(s, s + chunk), new Utf8()) }).batches[0]);
  const table = tableFromIPC(tableToIPC(new Table(batches)));
  const col = textColumn(table.getChild("v")!, values.length);
  expect(col).toBeInstanceOf(Utf8Text);
  return col as Utf8Text;
}

describe("Utf8Text", () => {
  const values = [" E001 ", "武安市甲公司", null, "", "\u3000全角\u3000", "E002"];
  const expected = ["E001", "武安市甲公司", "", "", "全角", "E002"];

  it("decodes values trimmed, nulls and empties as '', one chunk or several", () => {
    for (const chunk of [6, 4, 1]) {
      const t = utf8(values, chunk);
      expect(t.length).toBe(6);
      expect(t.decode()).toEqual(expected);
      expect(Array.from({ length: 6 }, (_, i) => t.at(i))).toEqual(expected);
    }
  });

  it("copies into bytes of its own", () => {
    const t = utf8(values, 4);
    const copy = t.copy();
    for (const c of t.chunks) c.bytes.fill(0x20); // the buffer is reused for something else
    expect(copy.decode()).toEqual(expected);
  });
});

describe("TextColumns", () => {
  it("decodes a column on first get, keeps the reader's column order, and knows its columns without decoding", () => {
    const lazy = utf8(["a", "b"]);
    const cols = new TextColumns([
      ["id", lazy],
      ["park", ["P1", "P2"]],
    ]);
    expect(cols.has("id")).toBe(true);
    expect(cols.size).toBe(2);
    expect([...cols.keys()]).toEqual(["id", "park"]);
    expect(cols.utf8("id")).toBe(lazy);
    expect(cols.utf8("park")).toBeUndefined();

    const ids = cols.get("id");
    expect(ids).toEqual(["a", "b"]);
    expect(cols.get("id")).toBe(ids); // decoded once
    expect(cols.utf8("id")).toBeUndefined();
    expect([...cols]).toEqual([
      ["id", ["a", "b"]],
      ["park", ["P1", "P2"]],
    ]);
  });

  it("decodes everything when iterated, as a plain Map of strings would give", () => {
    const cols = new TextColumns([
      ["park", ["P1"]],
      ["id", utf8(["x"])],
    ]);
    expect(new Map(cols)).toEqual(new Map([["park", ["P1"]], ["id", ["x"]]]));
    const seen: string[] = [];
    cols.forEach((v, k) => seen.push(`${k}=${v.join()}`));
    expect(seen).toEqual(["park=P1", "id=x"]);
    cols.set("id", ["y"]);
    expect(cols.get("id")).toEqual(["y"]);
    expect(cols.delete("park")).toBe(true);
    expect([...cols.values()]).toEqual([["y"]]);
  });
});
