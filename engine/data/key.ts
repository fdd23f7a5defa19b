/**
 * The key check every reader's frame goes through: each row's key (the enterprise id, or period +
 * id) is present, and no two rows share one. Values compare as the user sees them, trimmed.
 *
 * Rows are hashed (FNV-1a over text, murmur3's block step over bytes, then murmur3's final mix so
 * sequential ids spread); a bitmap of hashes picks out the few rows that may repeat one another,
 * and only those are compared: a fraction of the cost of a Map over a million fresh strings. A
 * text column still undecoded (text.ts) is hashed and compared on its UTF-8 bytes, so that reading
 * ids from Arrow never makes their strings.
 *
 * A key holding a control character (ESC, BEL, a line break…) is refused: it could not be shown or
 * typed back. Keys that differ but look the same (look-alike.ts: `E001`, Cyrillic `Е001`, full-width
 * `Ｅ001`) are kept apart, with a warning. Both concern only the rare values with a byte outside
 * printable ASCII, noted while the bytes are hashed: plain ASCII ids cost a few operations per four
 * bytes and nothing more.
 */
import { isUtf8 } from "node:buffer";
import { forBlocks, listingBlocks } from "../kernels/blocks.js";
import type { ProblemList } from "../errors.js";
import { hasControl, printable } from "../printable.js";
import { sourceRow, type Frame, type ReadSpec } from "./frame.js";
import { deceptiveCharacters, lookAlikeKey } from "./look-alike.js";
import { isNullAt, TextColumns, type Utf8Chunk, type Utf8Text } from "./text.js";

/**
 * Every key value present, free of control characters, and the combined key unique; keys that only
 * look the same are warned about (list.warnings). A key column that is optional and absent leaves
 * the key; if a required one is missing (already reported), the key is not checked.
 */
export function checkKey(frame: Frame, spec: ReadSpec, list: ProblemList): void {
  const key = spec.key ?? [];
  if (key.length === 0) return;
  const optional = new Set(spec.optionalText ?? []);
  const has = (c: string) => frame.texts.has(c) || frame.numbers.has(c);
  if (key.some((c) => !has(c) && !optional.has(c))) return;
  const cols = key.filter(has);
  if (cols.length === 0) return;

  const { file, headers } = frame.origin;
  const header = (c: string) => headers.get(c) ?? c;
  const parts = cols.map((c) => keyPart(frame, c));
  const names = cols.map(header).join(" + ");
  const n = frame.nrows;
  const hashes = new Int32Array(n).fill(FNV_BASIS);
  const empty = new Uint8Array(n);
  const odd = new Uint8Array(n);
  for (const p of parts) p.mix(hashes, empty, odd);
  for (const i of rowsWith(empty)) {
    parts.forEach((p, j) => {
      if (p.text(i) !== "") return;
      const c = header(cols[j]);
      list.add({
        code: "data.empty-key",
        file,
        row: sourceRow(frame, i),
        column: c,
        message: `the ${c} is empty; every row needs one`,
        fix: "fill in the value, or delete the row if it is not an enterprise",
      });
    });
  }
  const oddRows = rowsWith(odd);
  for (const i of oddRows) {
    parts.forEach((p, j) => {
      const v = p.text(i);
      if (!hasControl(v)) return;
      const c = header(cols[j]);
      list.add({
        code: "data.control-character",
        file,
        row: sourceRow(frame, i),
        column: c,
        message: `the ${c} holds a control character (shown as \\x..), which no one could see or type back`,
        value: printable(v),
        fix: "remove it from the cell (it often comes from a copy and paste)",
      });
    });
  }
  for (const [first, i] of duplicatePairs(parts, hashes, empty)) {
    const shown = parts.map((p) => p.text(i)).join(", ");
    list.add({
      code: "data.duplicate-key",
      file,
      row: sourceRow(frame, i),
      column: names,
      message: `${names} "${shown}" is repeated: rows ${sourceRow(frame, first)} and ${sourceRow(frame, i)}`,
      value: shown,
      fix: "give each row its own key, or remove the repeated row",
    });
  }
  const groups = lookAlikeGroups(parts, hashes, empty, oddRows);
  if (groups.length === 0) return;
  const shown = (i: number) => {
    const key = parts.map((p) => p.text(i)).join(", ");
    const odd = deceptiveCharacters(key);
    return `"${key}" (row ${sourceRow(frame, i)}${odd.length ? `: ${odd.join(" ")}` : ""})`;
  };
  const MAX = 10;
  list.warnings.push({
    code: "data.look-alike-key",
    file,
    column: names,
    message: `${names} values that look the same but differ (full-width, Cyrillic or Greek letters, invisible characters), each kept as a different enterprise: ${groups
      .slice(0, MAX)
      .map((g) => g.map(shown).join(" vs "))
      .join("; ")}${groups.length > MAX ? `; and ${groups.length - MAX} more` : ""}`,
    fix: "if they are one enterprise, write its key the same way in every row and period; if not, give them keys that differ visibly",
  });
}

/**
 * Rows whose keys are equal as they look (lookAlikeKey) but not as they are, in groups. Only a row
 * with a byte outside printable ASCII (`oddRows`) can look like another without being it: its
 * look-alike key is hashed as the row hashes are, and one pass over the hashes finds the rows holding
 * that key as it is (plain `E001` for Cyrillic `Е001`).
 */
function lookAlikeGroups(parts: KeyPart[], hashes: Int32Array, empty: Uint8Array, oddRows: number[]): number[][] {
  const groups = new Map<string, number[]>();
  const wanted = new Map<number, string[]>(); // look-alike keys by hash (two may share one)
  for (const i of oddRows) {
    if (empty[i]) continue;
    const texts = parts.map((p) => p.text(i));
    const looks = texts.map(lookAlikeKey);
    if (looks.every((v, j) => v === texts[j])) continue;
    const key = looks.join(KEY_SEPARATOR);
    groups.set(key, [...(groups.get(key) ?? []), i]);
    let h = FNV_BASIS;
    parts.forEach((p, j) => (h = Math.imul(p.mixText(looks[j], h) ^ SEPARATOR, FNV_PRIME)));
    h = finalMix(h);
    wanted.set(h, [...(wanted.get(h) ?? []), key]);
  }
  if (wanted.size === 0) return [];
  const filter = new Int32Array(1 << 11); // 2^16 bits on a hash's low bits
  for (const h of wanted.keys()) filter[(h & 0xffff) >>> 5] |= 1 << (h & 31);
  for (const i of listingBlocks(hashes.length, (b, e, rows) => onFilter(hashes, empty, filter, b, e, rows))) {
    const key = parts.map((p) => p.text(i)).join(KEY_SEPARATOR);
    if (wanted.get(hashes[i])?.includes(key)) groups.get(key)!.push(i);
  }
  return [...groups.values()]
    .filter((rows) => new Set(rows.map((i) => parts.map((p) => p.text(i)).join(KEY_SEPARATOR))).size > 1)
    .map((rows) => rows.sort((a, b) => a - b))
    .sort((a, b) => a[0] - b[0]);
}

const KEY_SEPARATOR = "\u001f";

/** One key column: mixes each row's value into the row hashes, compares two rows, shows a row. */
interface KeyPart {
  /** Each row's value (then a separator) mixed into h; empty[i] = 1 where the value is '', odd[i] = 1 where it holds a character outside printable ASCII. */
  mix(h: Int32Array, empty: Uint8Array, odd: Uint8Array): void;
  /** A text `s` mixed into hash x as a value of this part is (without the separator). */
  mixText(s: string, x: number): number;
  same(a: number, b: number): boolean;
  text(i: number): string;
}

const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** Mixed in after each part, so that ("ab", "c") and ("a", "bc") differ. */
const SEPARATOR = 0x1f;

function keyPart(frame: Frame, c: string): KeyPart {
  const utf8 = frame.texts instanceof TextColumns ? frame.texts.utf8(c) : undefined;
  if (utf8 && utf8.chunks.every(validUtf8)) return utf8Part(utf8);
  const t = frame.texts.get(c);
  if (t) return stringPart(t);
  // A numeric key column, as its decimal text.
  return stringPart(Array.from(frame.numbers.get(c)!, (x) => (Number.isNaN(x) ? "" : String(x))));
}

function stringPart(values: string[]): KeyPart {
  return {
    mix(h, empty, odd) {
      forBlocks(values.length, (b, e) => mixStrings(values, h, empty, odd, b, e));
    },
    mixText: mixString,
    same: (a, b) => values[a] === values[b],
    text: (i) => values[i],
  };
}

/**
 * A Utf8 column by its bytes. A value starting and ending with a printable ASCII byte is its own
 * trimmed text, byte for byte; any other (rare: blanks around it, a non-ASCII first or last
 * character that might be a full-width space) is decoded, trimmed and re-encoded, so that both
 * kinds hash and compare as their trimmed text.
 */
function utf8Part(text: Utf8Text): KeyPart {
  /** Trimmed bytes of the values that are not their own trimmed text, by row. */
  const trimmed = new Map<number, Uint8Array>();
  const at = (i: number): { bytes: Uint8Array; s: number; e: number } => {
    const t = trimmed.get(i);
    return t ? { bytes: t, s: 0, e: t.length } : text.bytesOf(i);
  };
  return {
    mix(h, empty, odd) {
      const flags = new Uint8Array(text.length);
      let base = 0;
      for (const c of text.chunks) {
        const at = base;
        forBlocks(c.length, (b, e) => mixChunk(c, h, flags, odd, at, b, e));
        base += c.length;
      }
      for (const i of rowsWith(flags, EMPTY)) empty[i] = 1;
      for (const i of rowsWith(flags, UNCLEAN)) {
        const v = Buffer.from(text.at(i), "utf8");
        trimmed.set(i, v);
        if (v.length === 0) empty[i] = 1;
        h[i] = Math.imul(mixBytes(v, viewOf(v), 0, v.length, h[i], odd, i) ^ SEPARATOR, FNV_PRIME);
      }
    },
    mixText(s, x) {
      const v = Buffer.from(s, "utf8");
      return mixBytes(v, viewOf(v), 0, v.length, x, new Uint8Array(1), 0);
    },
    same(a, b) {
      const x = at(a), y = at(b);
      if (x.e - x.s !== y.e - y.s) return false;
      for (let p = 0; p < x.e - x.s; p++) if (x.bytes[x.s + p] !== y.bytes[y.s + p]) return false;
      return true;
    },
    text: (i) => text.at(i),
  };
}

/** Flags of mixChunk: an empty value; a value whose bytes are not its trimmed text, left for the caller to mix. */
const EMPTY = 1;
const UNCLEAN = 2;

// The loops over rows, each alone in a leaf function called per block of rows (engine/kernels/README.md).

/** Values [b, e) of a chunk whose first row is `base`. */
function mixChunk(c: Utf8Chunk, h: Int32Array, flags: Uint8Array, odd: Uint8Array, base: number, b: number, e: number): void {
  const bytes = c.bytes, offsets = c.offsets, view = viewOf(bytes);
  for (let j = b; j < e; j++) {
    const s = offsets[j], e = offsets[j + 1];
    if (s === e || isNullAt(c, j)) {
      flags[base + j] = EMPTY;
      h[base + j] = Math.imul(h[base + j] ^ SEPARATOR, FNV_PRIME);
      continue;
    }
    const first = bytes[s], last = bytes[e - 1];
    if (first <= 0x20 || first >= 0x7f || last <= 0x20 || last >= 0x7f) {
      flags[base + j] = UNCLEAN;
      continue;
    }
    h[base + j] = Math.imul(mixBytes(bytes, view, s, e, h[base + j], odd, base + j) ^ SEPARATOR, FNV_PRIME);
  }
}

/**
 * Bytes [s, e) mixed into hash x, four at a time (murmur3's block step; read as one little-endian
 * word through `view`, which the optimiser turns into a single load), then the rest one by one.
 * On the way, odd[row] = 1 if a byte is below 0x20 or above 0x7e: in a word w, (w - 0x20202020) & ~w
 * has a byte's top bit set where that byte is below 0x20, (w + 0x01010101) | w where it is above 0x7e.
 */
function mixBytes(bytes: Uint8Array, view: DataView, s: number, e: number, x: number, odd: Uint8Array, row: number): number {
  let p = s;
  let seen = 0;
  for (; p + 4 <= e; p += 4) {
    const w = view.getInt32(p, true);
    seen |= (((w - 0x20202020) | 0) & ~w) | ((w + 0x01010101) | w);
    let k = Math.imul(w, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    x ^= k;
    x = (Math.imul((x << 13) | (x >>> 19), 5) + 0xe6546b64) | 0;
  }
  for (; p < e; p++) {
    const c = bytes[p];
    seen |= ((c - 0x20) | (0x7e - c)) >>> 24;
    x = Math.imul(x ^ c, FNV_PRIME);
  }
  if (seen & 0x80808080) odd[row] = 1;
  return x;
}

function viewOf(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

function validUtf8(c: Utf8Chunk): boolean {
  const b = c.bytes.subarray(c.offsets[0], c.offsets[c.length]);
  return isUtf8(b);
}

/** Values [b, e): hashed one UTF-16 unit at a time; a unit below 0x20 or above 0x7e sets the sign bit of `outside`. */
function mixStrings(values: string[], h: Int32Array, empty: Uint8Array, odd: Uint8Array, b: number, e: number): void {
  for (let i = b; i < e; i++) {
    const v = values[i];
    if (v.length === 0) empty[i] = 1;
    let x = h[i];
    let outside = 0;
    for (let k = 0; k < v.length; k++) {
      const c = v.charCodeAt(k);
      x = Math.imul(x ^ c, FNV_PRIME);
      outside |= (c - 0x20) | (0x7e - c);
    }
    h[i] = Math.imul(x ^ SEPARATOR, FNV_PRIME);
    odd[i] |= outside >>> 31;
  }
}

function mixString(s: string, x: number): number {
  for (let k = 0; k < s.length; k++) x = Math.imul(x ^ s.charCodeAt(k), FNV_PRIME);
  return x;
}

/** The rows where flags[i] is `flag` (rare), ascending: found by the native scan of indexOf, many times a loop's speed. */
function rowsWith(flags: Uint8Array, flag = 1): number[] {
  const rows: number[] = [];
  for (let i = flags.indexOf(flag); i !== -1; i = flags.indexOf(flag, i + 1)) rows.push(i);
  return rows;
}

/**
 * [first row, repeating row] for every row whose key equals an earlier row's, in row order (rows
 * with an empty part are skipped).
 *
 * A filter first finds the few rows that can be repeats. Each row sets the bit of its hash's top
 * bits in a bitmap of 16 or more bits per row (2 MiB at a million rows, which stays in the cache,
 * where a table of every row would cost a cache and TLB miss per row), and is listed if that bit
 * was already set: about one row in 32. Then only the rows on those bits, the listed ones and the
 * rows they met, go through the exact check, a small open-addressing table on their full hashes.
 * Each loop is its own leaf function (engine/kernels/README.md).
 */
function duplicatePairs(parts: KeyPart[], hashes: Int32Array, empty: Uint8Array): [number, number][] {
  const n = hashes.length;
  const log2 = Math.min(32, Math.max(10, Math.ceil(Math.log2(n + 1)) + 4));
  const shift = 32 - log2;
  const bits = new Int32Array(2 ** (log2 - 5));
  const met = listingBlocks(n, (b, e, rows) => finishAndMark(hashes, empty, bits, shift, b, e, rows));
  if (met.length === 0) return [];
  bits.fill(0);
  for (const i of met) {
    const bit = hashes[i] >>> shift;
    bits[bit >>> 5] |= 1 << (bit & 31);
  }
  const rows = Int32Array.from(listingBlocks(n, (b, e, r) => onBits(hashes, empty, bits, shift, b, e, r)));
  const keys = rows.map((i) => hashes[i]);
  const slots = new Int32Array(2 ** Math.max(4, Math.ceil(Math.log2(rows.length * 2 + 1))));
  const pairs: [number, number][] = [];
  findRepeats(keys, rows, slots, (a, b) => parts.every((p) => p.same(a, b)), pairs);
  return pairs;
}

/**
 * Rows [b, e): each row's hash gets murmur3's final mix (a row with an empty part keeps 0) and sets
 * its bit in `bits`; lists the rows (with no empty part) whose bit was already set.
 */
function finishAndMark(h: Int32Array, empty: Uint8Array, bits: Int32Array, shift: number, b: number, e: number, rows: Int32Array): number {
  let k = 0;
  for (let i = b; i < e; i++) {
    const x = finalMix(h[i]);
    const present = 1 - empty[i];
    h[i] = x & -present;
    const bit = x >>> shift;
    const w = bit >>> 5;
    const v = bits[w];
    rows[k] = i;
    k += (v >> (bit & 31)) & present;
    bits[w] = v | ((1 << (bit & 31)) & -present);
  }
  return k;
}

/** murmur3's final mix, so that sequential ids spread over the hash's bits. */
function finalMix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/** Rows [b, e) (with no empty part) whose hash's low 16 bits are set in `filter`. */
function onFilter(h: Int32Array, empty: Uint8Array, filter: Int32Array, b: number, e: number, rows: Int32Array): number {
  let k = 0;
  for (let i = b; i < e; i++) {
    const x = h[i];
    rows[k] = i;
    k += (filter[(x & 0xffff) >>> 5] >> (x & 31)) & (1 - empty[i]);
  }
  return k;
}

/** Rows [b, e) (with no empty part) whose hash's bit is set in `bits`. */
function onBits(h: Int32Array, empty: Uint8Array, bits: Int32Array, shift: number, b: number, e: number, rows: Int32Array): number {
  let k = 0;
  for (let i = b; i < e; i++) {
    const bit = h[i] >>> shift;
    rows[k] = i;
    k += (bits[bit >>> 5] >> (bit & 31)) & (1 - empty[i]);
  }
  return k;
}

/** The repeats among `rows` (ascending, `keys` their hashes), with `slots` as the hash table (-1 = free, else an index into rows). */
function findRepeats(keys: Int32Array, rows: Int32Array, slots: Int32Array, same: (a: number, b: number) => boolean, pairs: [number, number][]): void {
  const mask = slots.length - 1;
  slots.fill(-1);
  for (let k = 0; k < rows.length; k++) {
    const h = keys[k];
    let slot = h & mask;
    let q = slots[slot];
    while (q !== -1 && !(keys[q] === h && same(rows[q], rows[k]))) {
      slot = (slot + 1) & mask;
      q = slots[slot];
    }
    if (q === -1) slots[slot] = k;
    else pairs.push([rows[q], rows[k]]);
  }
}
