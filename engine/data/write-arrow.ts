/**
 * Writing a table as an Arrow IPC file: numbers as Float64 (missing → null), ranks as Int32
 * (0 → null), text as Utf8, booleans as Bool. Number buffers are handed to Arrow without copying.
 */
import { Bool, Field, Float64, Int32, makeData, makeVector, Schema, Table, tableToIPC, Utf8, vectorFromArray, type Vector } from "apache-arrow";
import type { OutputColumn } from "./table.js";

export function arrowTable(columns: OutputColumn[]): Table {
  const vectors: Record<string, Vector> = {};
  const fields: Field[] = [];
  for (const c of columns) {
    let v: Vector;
    switch (c.type) {
      case "text":
        v = vectorFromArray(c.values, new Utf8());
        break;
      case "number": {
        const x = c.values;
        const { nullBitmap, nullCount } = validity(x.length, (i) => x[i] === x[i]);
        v = makeVector(makeData({ type: new Float64(), length: x.length, data: x, nullBitmap, nullCount }));
        break;
      }
      case "rank": {
        const x = c.values;
        const { nullBitmap, nullCount } = validity(x.length, (i) => x[i] !== 0);
        v = makeVector(makeData({ type: new Int32(), length: x.length, data: x, nullBitmap, nullCount }));
        break;
      }
      case "boolean":
        v = vectorFromArray(Array.from(c.values, (b) => b === 1), new Bool());
        break;
    }
    vectors[c.name] = v;
    fields.push(new Field(c.name, v.type, true));
  }
  return new Table(new Schema(fields), vectors);
}

export function arrowBytes(columns: OutputColumn[]): Uint8Array {
  return tableToIPC(arrowTable(columns), "file");
}

/** Arrow's validity bitmap (bit set = present); none at all when every value is present. */
function validity(n: number, valid: (i: number) => boolean): { nullBitmap?: Uint8Array; nullCount: number } {
  const bitmap = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    if (valid(i)) bitmap[i >> 3] |= 1 << (i & 7);
    else nulls++;
  }
  return nulls ? { nullBitmap: bitmap, nullCount: nulls } : { nullCount: 0 };
}
