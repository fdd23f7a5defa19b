/**
 * Writing a table as an Arrow IPC file: numbers as Float64 (missing → null), ranks as Int32
 * (0 → null), text as Utf8, booleans as Bool. Number buffers are handed to Arrow without copying,
 * and the file is given out as the writer makes it, so it is never whole in memory.
 */
import { AsyncByteQueue, Bool, Field, Float64, Int32, LargeUtf8, makeData, makeVector, RecordBatchFileWriter, Schema, Table, Utf8, vectorFromArray, type Vector } from "apache-arrow";
import type { OutputColumn } from "./table.js";

export function arrowTable(columns: OutputColumn[]): Table {
  const vectors: Record<string, Vector> = {};
  const fields: Field[] = [];
  for (const c of columns) {
    let v: Vector;
    switch (c.type) {
      case "text":
        v = utf8Vector(c.values);
        break;
      case "number": {
        const x = c.values;
        const bitmap = new Uint8Array((x.length + 7) >> 3);
        const nullCount = x.length - presentNumbers(x, bitmap);
        v = makeVector(makeData({ type: new Float64(), length: x.length, data: x, nullBitmap: nullCount ? bitmap : undefined, nullCount }));
        break;
      }
      case "rank": {
        const x = c.values;
        const bitmap = new Uint8Array((x.length + 7) >> 3);
        const nullCount = x.length - nonZero(x, bitmap);
        v = makeVector(makeData({ type: new Int32(), length: x.length, data: x, nullBitmap: nullCount ? bitmap : undefined, nullCount }));
        break;
      }
      case "boolean": {
        // Padded to 64 bytes, as apache-arrow's builder pads it, so the file's bytes are the builder's.
        const bits = new Uint8Array((((c.values.length + 7) >> 3) + 63) & ~63);
        nonZero(c.values, bits);
        v = makeVector(makeData({ type: new Bool(), length: c.values.length, data: bits, nullCount: 0 }));
        break;
      }
    }
    vectors[c.name] = v;
    fields.push(new Field(c.name, v.type, true));
  }
  return new Table(new Schema(fields), vectors);
}

/**
 * The file's bytes in the order the writer makes them, a record batch at a time: each column's
 * buffer is handed out as it is (a view of the column, not a copy). One batch of the whole table,
 * so that a reader takes each column as one piece without joining them.
 */
export function* arrowStream(columns: OutputColumn[]): Generator<Uint8Array, void, undefined> {
  const table = arrowTable(columns);
  const sink = new Drain();
  const writer = new RecordBatchFileWriter().reset(sink, table.schema);
  yield* sink.take();
  for (const batch of table.batches) {
    writer.write(batch);
    yield* sink.take();
  }
  writer.finish();
  yield* sink.take();
}

/** The whole file in one buffer, for what is small or must be hashed before it is written. */
export function arrowBytes(columns: OutputColumn[]): Uint8Array {
  return Buffer.concat([...arrowStream(columns)]);
}

/** Where apache-arrow's writer puts its chunks: kept until taken, instead of queued for an async reader. */
class Drain extends AsyncByteQueue {
  private chunks: Uint8Array[] = [];
  override write(value: Uint8Array): boolean {
    this.chunks.push(value);
    return true;
  }
  take(): Uint8Array[] {
    const c = this.chunks;
    this.chunks = [];
    return c;
  }
}

/**
 * Strings as a Utf8 vector, encoded straight into one buffer: apache-arrow's builder, value by
 * value, is several times slower, and a million-row import stores several text columns. Text beyond
 * Utf8's 2 GiB of 32-bit offsets is LargeUtf8, through the builder.
 */
function utf8Vector(values: string[]): Vector {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += Buffer.byteLength(values[i] ?? "", "utf8");
    if (total > 0x7fffffff) return vectorFromArray(values, new LargeUtf8());
    offsets[i + 1] = total;
  }
  const bytes = Buffer.alloc(total);
  for (let i = 0; i < n; i++) if (offsets[i + 1] > offsets[i]) bytes.write(values[i], offsets[i], "utf8");
  return makeVector(makeData({ type: new Utf8(), length: n, valueOffsets: offsets, data: bytes, nullCount: 0 }));
}

/** Sets bit i of `bits` (Arrow's order: least significant first) where x[i] is a number; gives their count. */
function presentNumbers(x: Float64Array, bits: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v === v) {
      bits[i >> 3] |= 1 << (i & 7);
      count++;
    }
  }
  return count;
}

/** Sets bit i of `bits` where x[i] is not 0; gives their count. */
function nonZero(x: Int32Array | Uint8Array, bits: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== 0) {
      bits[i >> 3] |= 1 << (i & 7);
      count++;
    }
  }
  return count;
}
