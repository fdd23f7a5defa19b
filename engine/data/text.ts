/**
 * Text kept as Arrow lays it out — UTF-8 bytes and offsets, in one or more chunks — and decoded
 * only when a value is asked for. A million ids and a million names read from Arrow then cost no
 * string at all until results are written: the key check works on the bytes (key.ts), scoring
 * never reads a name, and the garbage collector has two million fewer objects to trace each time
 * it runs during scoring. Decoding is utf8Column's (strings.ts): values trimmed, nulls as ''.
 *
 * `TextColumns` is the frame's map of text columns, decoding each on first `get` (or iteration),
 * so every consumer keeps reading `frame.texts.get(name)` as plain strings.
 */
import { utf8Column, utf8Slicer } from "./strings.js";

/** One chunk of a Utf8 column: value i is bytes[offsets[i], offsets[i + 1]). */
export interface Utf8Chunk {
  readonly bytes: Uint8Array;
  /** length + 1 ascending byte positions in `bytes`. */
  readonly offsets: Int32Array | Float64Array;
  readonly length: number;
  /** Validity bitmap (1 = present, LSB first) starting at bit `bitOffset`; absent when there are no nulls. */
  readonly validity?: Uint8Array;
  readonly bitOffset: number;
}

/** Whether value i of a chunk is null. */
export function isNullAt(c: Utf8Chunk, i: number): boolean {
  if (c.validity === undefined) return false;
  const bit = c.bitOffset + i;
  return (c.validity[bit >> 3] & (1 << (bit & 7))) === 0;
}

/** A text column not yet decoded. */
export class Utf8Text {
  readonly length: number;
  /** Row where each chunk starts. */
  private readonly starts: number[];
  private slicers?: ((s: number, e: number) => string)[];

  constructor(readonly chunks: readonly Utf8Chunk[]) {
    let n = 0;
    this.starts = chunks.map((c) => ((n += c.length), n - c.length));
    this.length = n;
  }

  /** Where value i's bytes are: bytes[s, e) of chunk k (s = e when null). */
  bytesOf(i: number): { k: number; bytes: Uint8Array; s: number; e: number } {
    let k = this.chunks.length - 1;
    while (k > 0 && this.starts[k] > i) k--;
    const c = this.chunks[k];
    const j = i - this.starts[k];
    return isNullAt(c, j) ? { k, bytes: c.bytes, s: 0, e: 0 } : { k, bytes: c.bytes, s: c.offsets[j], e: c.offsets[j + 1] };
  }

  /** Value i, trimmed ('' when null or empty). */
  at(i: number): string {
    const { k, s, e } = this.bytesOf(i);
    if (s === e) return "";
    this.slicers ??= this.chunks.map((ch) => utf8Slicer(asBuffer(ch.bytes)));
    return this.slicers[k](s, e).trim();
  }

  /** Every value, trimmed, nulls as ''; values that repeat (parks, industries) share one string. */
  decode(): string[] {
    const parts = this.chunks.map((c) => utf8Column(c.bytes, c.offsets, c.length, c.validity === undefined ? undefined : (i) => isNullAt(c, i)));
    return parts.length === 1 ? parts[0] : parts.flat();
  }

  /** A copy owning its bytes, for text viewing a buffer that is about to be reused. */
  copy(): Utf8Text {
    return new Utf8Text(
      this.chunks.map((c) => {
        const first = c.offsets[0];
        const offsets = new Int32Array(c.length + 1);
        for (let i = 0; i <= c.length; i++) offsets[i] = c.offsets[i] - first;
        const validity = c.validity?.slice(c.bitOffset >> 3, ((c.bitOffset + c.length + 7) >> 3) + 1);
        return { bytes: c.bytes.slice(first, c.offsets[c.length]), offsets, length: c.length, validity, bitOffset: c.bitOffset & 7 };
      }),
    );
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A text column as a reader hands it over: strings, or UTF-8 to decode when needed. */
export type TextSource = string[] | Utf8Text;

/**
 * The text columns of a frame: a Map of string arrays whose Arrow-read columns are decoded on first
 * use, in place (the column order stays the reader's). Everything that reads values (`get`,
 * iteration, `forEach`) decodes; `has`, `size`, `keys` and {@link utf8} do not.
 */
export class TextColumns extends Map<string, string[]> {
  readonly #columns = new Map<string, TextSource>();

  constructor(columns: Iterable<readonly [string, TextSource]> = []) {
    super();
    for (const [name, v] of columns) this.#columns.set(name, v);
  }

  /** The column's undecoded UTF-8, if it has not been decoded yet. */
  utf8(name: string): Utf8Text | undefined {
    const v = this.#columns.get(name);
    return v instanceof Utf8Text ? v : undefined;
  }

  override get(name: string): string[] | undefined {
    const v = this.#columns.get(name);
    if (!(v instanceof Utf8Text)) return v;
    const decoded = v.decode();
    this.#columns.set(name, decoded);
    return decoded;
  }

  override has(name: string): boolean {
    return this.#columns.has(name);
  }

  override get size(): number {
    return this.#columns.size;
  }

  override set(name: string, v: string[]): this {
    this.#columns.set(name, v);
    return this;
  }

  override delete(name: string): boolean {
    return this.#columns.delete(name);
  }

  override clear(): void {
    this.#columns.clear();
  }

  override forEach(f: (value: string[], key: string, map: Map<string, string[]>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) f.call(thisArg, v, k, this);
  }

  override keys(): MapIterator<string> {
    return this.#columns.keys();
  }

  override entries(): MapIterator<[string, string[]]> {
    return this.#decoded().entries();
  }

  override values(): MapIterator<string[]> {
    return this.#decoded().values();
  }

  override [Symbol.iterator](): MapIterator<[string, string[]]> {
    return this.entries();
  }

  #decoded(): Map<string, string[]> {
    for (const name of this.#columns.keys()) this.get(name);
    return this.#columns as Map<string, string[]>;
  }
}
