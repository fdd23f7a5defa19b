/**
 * Reading from an Arrow IPC file only what a frame needs. The file format ends with a footer that
 * locates every record batch; each batch's metadata locates every column's buffers in its body. So
 * the reader reads the footer, the dictionaries and each batch's metadata, then only the buffers
 * of the columns the scheme uses, each into its place in an image of the file: a zeroed buffer of
 * the file's size whose other pages are never touched, so they cost neither a read nor memory.
 * The image is shared memory that V8 is told about late (engine/kernels/late-count.ts): counted as it is made,
 * it would start a full garbage collection in every large read.
 * tableFromIPC then reads the image as it would the whole file, and nothing looks at the columns
 * left out. A scheme using 20 of a file's 200 columns reads a tenth of it; the benchmark's file,
 * 16 of 22 columns, two thirds.
 *
 * Anything unusual — the stream format, compressed bodies, nested or view types, a column the plan
 * cannot find — gives undefined, and the caller reads the whole file as before (and reports what
 * it finds there).
 */
import type { FileHandle } from "node:fs/promises";
import { DataType, MessageHeader, tableFromIPC, type Field, type Table } from "apache-arrow";
import { Footer, type FileBlock } from "apache-arrow/ipc/metadata/file";
import { Message, type RecordBatch as BatchHeader } from "apache-arrow/ipc/metadata/message";
import { ProblemList } from "../errors.js";
import { countLater } from "../kernels/late-count.js";
import { frameFromTable } from "./arrow.js";
import type { Frame, ReadSpec } from "./frame.js";
import { checkKey } from "./key.js";
import { planColumns, type ColumnPlan } from "./plan.js";
import { readRanges } from "./pread.js";

/** "ARROW1" and its padding at the start; the footer length and "ARROW1" at the end. */
const MAGIC = 8;
const TAIL = 10;

/**
 * The frame of an Arrow IPC file, reading only the columns `spec` asks for, or undefined (read the
 * whole file). The I/O threads read the key columns first, while this thread makes the table from
 * the metadata; then the other columns, while this thread checks the key (key.ts). Problems go to
 * `list`, the key's last.
 */
export async function readArrowFile(fh: FileHandle, size: number, file: string, spec: ReadSpec, list: ProblemList): Promise<Frame | undefined> {
  const layout = await fileLayout(fh, size, file, spec);
  if (layout === undefined) return undefined;
  const { image, plan, first, rest } = layout;
  const keyReading = readRanges(fh, image, first);
  let table: Table | undefined;
  try {
    table = tableFromIPC(image); // reads only the footer, metadata and dictionaries, already in the image: no column's values
  } catch {
    table = undefined; // the whole read says what is wrong
  }
  await keyReading;
  if (table === undefined) return undefined;
  const reading = readRanges(fh, image, rest);
  reading.catch(() => undefined); // awaited below; this keeps a failure seen before then from going unhandled
  const key = new Set(spec.key ?? []);
  const keyPlan = { ...plan, numeric: plan.numeric.filter((c) => key.has(c.name)), text: plan.text.filter((c) => key.has(c.name)) };
  const keyProblems = new ProblemList();
  checkKey(frameFromTable(table, file, keyPlan, keyProblems), spec, keyProblems);
  await reading;
  const frame = frameFromTable(table, file, plan, list, true);
  for (const p of keyProblems.problems) list.add(p);
  list.omitted += keyProblems.omitted;
  list.warnings.push(...keyProblems.warnings);
  return frame;
}

/** What to read of an Arrow IPC file: an image of its size holding its metadata and dictionaries, and the byte ranges of the wanted columns, key columns first. */
async function fileLayout(fh: FileHandle, size: number, file: string, spec: ReadSpec): Promise<{ image: Uint8Array; plan: ColumnPlan; first: [number, number][]; rest: [number, number][] } | undefined> {
  if (size < MAGIC + TAIL) return undefined;
  const buffer = new SharedArrayBuffer(size);
  countLater(buffer);
  const image = new Uint8Array(buffer);
  await readRanges(fh, image, [[0, MAGIC], [size - TAIL, size]]);
  if (!isMagic(image, 0) || !isMagic(image, size - 6)) return undefined;
  const footerLength = new DataView(image.buffer).getInt32(size - TAIL, true);
  const footerStart = size - TAIL - footerLength;
  if (footerLength <= 0 || footerStart < MAGIC) return undefined;
  await readRanges(fh, image, [[footerStart, footerStart + footerLength]]);

  let footer: Footer;
  try {
    footer = Footer.decode(image.subarray(footerStart, footerStart + footerLength));
  } catch {
    return undefined;
  }
  const fields = footer.schema.fields;
  const layout = bufferLayout(fields);
  if (layout === undefined) return undefined;
  const problems = new ProblemList();
  const plan = planColumns(file, fields.map((f) => f.name), spec, problems);
  if (problems.size > 0) return undefined; // a missing column: the whole read reports it
  const key = new Set(spec.key ?? []);
  const planned = [...plan.numeric, ...plan.text, ...plan.rest];
  const keyFields = planned.filter((c) => key.has(c.name)).map((c) => c.index);
  const otherFields = planned.filter((c) => !key.has(c.name)).map((c) => c.index);

  const first: [number, number][] = [];
  const rest: [number, number][] = [];
  // Every block must lie between the magic and the footer: a file that says otherwise is damaged, and the whole read reports it.
  const inside = (b: FileBlock) => b.offset >= MAGIC && b.offset + b.metaDataLength + b.bodyLength <= footerStart;
  const dictionaries = [...footer.dictionaryBatches()];
  if (!dictionaries.every(inside)) return undefined;
  await readRanges(fh, image, dictionaries.map((b): [number, number] => [b.offset, b.offset + b.metaDataLength + b.bodyLength]));
  for (const block of footer.recordBatches()) {
    if (!inside(block)) return undefined;
    const header = await batchHeader(fh, image, block);
    if (header === undefined || header.nodes.length !== fields.length || header.buffers.length !== layout.total) return undefined;
    if (header.buffers.some((b) => b.offset < 0 || b.offset + b.length > block.bodyLength)) return undefined;
    const body = block.offset + block.metaDataLength;
    const ranges = (fs: number[]) => merged(fs.flatMap((f) => header.buffers.slice(layout.start[f], layout.start[f] + layout.count[f]))).map(([s, e]): [number, number] => [body + s, body + e]);
    first.push(...ranges(keyFields));
    rest.push(...ranges(otherFields));
  }
  return { image, plan, first, rest };
}

/** Byte ranges [start, end) covering the buffers, neighbours (up to Arrow's 64-byte padding apart) read as one. */
function merged(buffers: { offset: number; length: number }[]): [number, number][] {
  const out: [number, number][] = [];
  for (const b of [...buffers].filter((b) => b.length > 0).sort((x, y) => x.offset - y.offset)) {
    const last = out[out.length - 1];
    if (last && b.offset - last[1] <= 64) last[1] = Math.max(last[1], b.offset + b.length);
    else out.push([b.offset, b.offset + b.length]);
  }
  return out;
}

/** Where each top-level field's buffers start in a batch's buffer list, and how many it has; undefined for a schema with nested or view types. */
function bufferLayout(fields: Field[]): { start: number[]; count: number[]; total: number } | undefined {
  const start: number[] = [];
  const count: number[] = [];
  let total = 0;
  for (const f of fields) {
    const k = buffersOf(f.type);
    if (k === undefined) return undefined;
    start.push(total);
    count.push(k);
    total += k;
  }
  return { start, count, total };
}

/** Buffers of a column of this type (as apache-arrow's VectorLoader reads them), or undefined when not a flat type. */
function buffersOf(t: DataType): number | undefined {
  if (DataType.isNull(t)) return 0;
  if (DataType.isUtf8(t) || DataType.isLargeUtf8(t) || DataType.isBinary(t) || DataType.isLargeBinary(t)) return 3; // validity, offsets, bytes
  const flat =
    DataType.isBool(t) || DataType.isInt(t) || DataType.isFloat(t) || DataType.isDecimal(t) || DataType.isDate(t) || DataType.isTime(t) ||
    DataType.isTimestamp(t) || DataType.isInterval(t) || DataType.isDuration(t) || DataType.isFixedSizeBinary(t) || DataType.isDictionary(t);
  return flat ? 2 : undefined; // validity, values (a dictionary's indices)
}

/** A record batch's metadata, read into the image; undefined for anything but an uncompressed record batch. */
async function batchHeader(fh: FileHandle, image: Uint8Array, block: FileBlock): Promise<BatchHeader | undefined> {
  await readRanges(fh, image, [[block.offset, block.offset + block.metaDataLength]]);
  const view = new DataView(image.buffer, block.offset, block.metaDataLength);
  // An encapsulated message: 0xFFFFFFFF, then the metadata's length, then the metadata (older files omit the marker).
  const marked = view.byteLength >= 8 && view.getInt32(0, true) === -1;
  const at = marked ? 8 : 4;
  const length = view.getInt32(marked ? 4 : 0, true);
  if (length <= 0 || at + length > block.metaDataLength) return undefined;
  try {
    const message = Message.decode(image.subarray(block.offset + at, block.offset + at + length));
    if (message.headerType !== MessageHeader.RecordBatch) return undefined;
    const header = message.header() as BatchHeader;
    return header.compression == null ? header : undefined;
  } catch {
    return undefined;
  }
}

function isMagic(b: Uint8Array, at: number): boolean {
  return b[at] === 0x41 && b[at + 1] === 0x52 && b[at + 2] === 0x52 && b[at + 3] === 0x4f && b[at + 4] === 0x57 && b[at + 5] === 0x31; // ARROW1
}
