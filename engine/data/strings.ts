/**
 * A column of strings from one UTF-8 buffer: value i is bytes[offsets[i], offsets[i + 1]).
 *
 * Decoding each value with its own native call costs ~150–300 ns, which for a million ids and a
 * million names is most of a read. Instead the buffer is decoded in a few large slices and each
 * value is cut out with `substring` (plain JS), using character offsets computed in one pass
 * over the bytes. Non-ASCII slices (Chinese names) go through ICU's UTF-8 → UTF-16 transcoder,
 * several times faster than V8's UTF-8 decoder on CJK text. Values that repeat (parks,
 * industries) share one string per distinct value. Values are trimmed: "E001 " and "E001" are
 * the same enterprise to the user.
 */
import { isAscii, isUtf8, transcode } from "node:buffer";

/** Bytes decoded per slice: large enough to amortise the native calls, far below V8's string limit. */
const SLICE_BYTES = 1 << 24;
/** Values looked at before deciding that a column is too varied to share strings. */
const SAMPLE = 16384;
/** Most distinct values remembered for sharing. */
const MAX_SHARED = 1 << 16;

/**
 * Strings already made for a column, found by a hash of their bytes (open addressing; a Map
 * costs several times more per lookup, and this runs once per cell of a repeating column).
 */
class Shared {
  private readonly mask = (MAX_SHARED << 1) - 1;
  private readonly hashes = new Int32Array(MAX_SHARED << 1);
  private readonly at = new Int32Array(MAX_SHARED << 1).fill(-1);
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly texts: string[] = [];
  constructor(private readonly bytes: Uint8Array) {}

  get size(): number {
    return this.texts.length;
  }

  /** The string already made for bytes[s, e) (hash h), or undefined; remembers where to add it. */
  find(h: number, s: number, e: number): string | undefined {
    const b = this.bytes;
    let slot = h & this.mask;
    for (let k = this.at[slot]; k !== -1; slot = (slot + 1) & this.mask, k = this.at[slot]) {
      if (this.hashes[slot] === h && this.ends[k] - this.starts[k] === e - s && sameBytes(b, this.starts[k], s, e - s)) return this.texts[k];
    }
    this.free = slot;
    return undefined;
  }

  /** Remember `text` for the bytes just looked up with {@link find}. */
  add(h: number, s: number, e: number, text: string): void {
    if (this.texts.length >= MAX_SHARED) return;
    this.hashes[this.free] = h;
    this.at[this.free] = this.texts.length;
    this.starts.push(s);
    this.ends.push(e);
    this.texts.push(text);
  }
  private free = 0;
}

/**
 * The `n` strings of a column. `offsets` has n + 1 ascending entries (byte positions in
 * `bytes`, each value starting where the previous ends); `isNull(i)`, when given, marks values
 * that are '' whatever their bytes.
 */
export function utf8Column(bytes: Uint8Array, offsets: ArrayLike<number>, n: number, isNull?: (i: number) => boolean): string[] {
  const out = new Array<string>(n);
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decode = utf8Slicer(buf);
  let shared: Shared | undefined = new Shared(bytes);

  for (let i = 0; i < n; ) {
    // A slice of whole values, at most SLICE_BYTES long (or one value, if that is longer).
    const g0 = offsets[i];
    let j = i + 1;
    while (j < n && offsets[j + 1] - g0 <= SLICE_BYTES) j++;
    const g1 = offsets[j];
    const piece = buf.subarray(g0, g1);
    const ascii = isAscii(piece);
    // Character offsets follow from the bytes only when they are valid UTF-8; otherwise each
    // value is decoded on its own (invalid bytes become U+FFFD).
    const text = ascii ? decode(g0, g1) : isUtf8(piece) ? utf16(piece, decode, g0, g1) : undefined;
    let ch = 0;
    let b = g0;
    for (let k = i; k < j; k++) {
      const s = offsets[k];
      const e = offsets[k + 1];
      const cs = ch;
      if (ascii) ch = e - g0;
      else if (text !== undefined)
        for (; b < e; b++) {
          const c = bytes[b];
          // One UTF-16 unit per character start, two for a 4-byte sequence (a surrogate pair).
          if ((c & 0xc0) !== 0x80) ch += c >= 0xf0 ? 2 : 1;
        }
      // A column of mostly distinct values (ids, names) stops sharing after the sample.
      if (k === SAMPLE && shared !== undefined && shared.size * 2 > SAMPLE) shared = undefined;
      if (s === e || (isNull !== undefined && isNull(k))) {
        out[k] = "";
        continue;
      }
      if (shared !== undefined) {
        let h = 0x811c9dc5;
        for (let p = s; p < e; p++) h = Math.imul(h ^ bytes[p], 0x01000193);
        let v = shared.find(h, s, e);
        if (v === undefined) {
          v = trim(text !== undefined ? text.substring(cs, ch) : decode(s, e));
          shared.add(h, s, e, v);
        }
        out[k] = v;
        continue;
      }
      out[k] = trim(text !== undefined ? text.substring(cs, ch) : decode(s, e));
    }
    i = j;
  }
  return out;
}

/** Valid non-ASCII UTF-8 as a JS string, via ICU's transcoder when Node has it. */
function utf16(piece: Buffer, decode: (s: number, e: number) => string, g0: number, g1: number): string {
  try {
    const u16 = transcode(piece, "utf8", "ucs2");
    return u16.toString("ucs2");
  } catch {
    return decode(g0, g1); // a Node built without ICU
  }
}

/** `v.trim()`, skipping the call in the usual case of no white space at either end. */
function trim(v: string): string {
  return v.length > 0 && !isSpace(v.charCodeAt(0)) && !isSpace(v.charCodeAt(v.length - 1)) ? v : v.trim();
}

/** What `trim` removes: ECMAScript's white space and line terminators (a full-width space U+3000 among them). */
function isSpace(c: number): boolean {
  if (c > 32 && c < 127) return false;
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function sameBytes(b: Uint8Array, a: number, c: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (b[a + i] !== b[c + i]) return false;
  return true;
}

/**
 * UTF-8 slice decoder for `buf`. Node's Buffer has a native `utf8Slice(start, end)` under
 * `toString`; calling it directly skips argument checks that cost as much as decoding a short
 * value. Falls back to `toString` where it is missing.
 */
export function utf8Slicer(buf: Buffer): (s: number, e: number) => string {
  const fast = buf as Buffer & { utf8Slice?: (s: number, e: number) => string };
  if (typeof fast.utf8Slice === "function") return (s, e) => fast.utf8Slice!(s, e);
  return (s, e) => buf.toString("utf8", s, e);
}
