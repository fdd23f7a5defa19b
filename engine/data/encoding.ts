/**
 * CSV text encoding. Chinese park administrations export CSV from Excel as GBK as often as
 * UTF-8, and a file that decodes as UTF-8 almost never is anything else, so: BOM → UTF-8,
 * valid UTF-8 → UTF-8, otherwise GB18030 (a superset of GBK and GB2312). Excel's "Unicode text"
 * is UTF-16, told by its BOM or, without one, by NUL bytes (which text in the other encodings
 * never holds) in the odd (little-endian) or even (big-endian) places. `--encoding` overrides.
 * Whatever the source, the CSV scanner sees UTF-8 bytes.
 */
import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { ParkscoreError } from "../errors.js";

/** The encodings a CSV may be in, as the user names them. */
export type CsvEncoding = "utf-8" | "gbk" | "gb18030" | "utf-16le" | "utf-16be";

/** Names accepted by `--encoding` (case-insensitive), with their aliases. */
const NAMES: Record<string, CsvEncoding> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  gbk: "gbk",
  gb2312: "gbk",
  cp936: "gbk",
  gb18030: "gb18030",
  "utf-16le": "utf-16le",
  utf16le: "utf-16le",
  "utf-16be": "utf-16be",
  utf16be: "utf-16be",
};
export const ACCEPTED_ENCODINGS: readonly CsvEncoding[] = ["utf-8", "gbk", "gb18030", "utf-16le", "utf-16be"];

/** Normalise a user-supplied encoding name, or throw listing the accepted ones. */
export function parseEncodingName(name: string, file?: string): CsvEncoding {
  const enc = NAMES[name.trim().toLowerCase()];
  if (enc) return enc;
  throw new ParkscoreError({
    code: "data.unknown-encoding",
    file,
    message: `unknown encoding "${name}"`,
    value: name,
    fix: `use one of ${ACCEPTED_ENCODINGS.join(", ")}, or leave --encoding out to detect it`,
  });
}

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** How far into a file NUL bytes are looked for. */
const SAMPLE = 4096;

/** NUL bytes in the file's first bytes, at even and at odd offsets. */
function nulBytes(bytes: Uint8Array): { even: number; odd: number } {
  const n = { even: 0, odd: 0 };
  for (let i = 0, end = Math.min(bytes.length, SAMPLE); i < end; i++) if (bytes[i] === 0) (i & 1) === 0 ? n.even++ : n.odd++;
  return n;
}

/** UTF-16 by its BOM, or by NUL bytes nearly all in the odd (LE: ASCII `a` is 61 00) or even (BE) places. */
function utf16Order(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const { even, odd } = nulBytes(bytes);
  if (odd > 0 && odd >= 4 * even) return "utf-16le";
  if (even > 0 && even >= 4 * odd) return "utf-16be";
  return undefined;
}

/** Guess the encoding of CSV bytes: UTF-8 by its BOM, UTF-16 by its BOM or NUL bytes, UTF-8 if it decodes cleanly, else GB18030. */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  if (hasUtf8Bom(bytes)) return "utf-8";
  return utf16Order(bytes) ?? (isUtf8(bytes) ? "utf-8" : "gb18030");
}

/**
 * The file's content as UTF-8 bytes (BOM kept: the CSV reader skips it), decoding from
 * `encoding` or the detected one. UTF-8 input is returned as is, without a copy.
 */
export function toUtf8(bytes: Buffer, file: string, encoding?: string): { bytes: Buffer; encoding: CsvEncoding } {
  const enc = encoding !== undefined ? parseEncodingName(encoding, file) : detectEncoding(bytes);
  if (!enc.startsWith("utf-16")) {
    const nul = nulBytes(bytes);
    if (nul.even + nul.odd > 0) {
      const utf16 = utf16Order(bytes);
      throw new ParkscoreError({
        code: "data.bad-encoding",
        file,
        message: utf16 ? `the file is ${utf16.toUpperCase()} text, not ${enc.toUpperCase()}` : "the file holds NUL bytes, which no CSV text does: it is not a text file (a workbook renamed to .csv?) or is in an encoding parkscore does not read (UTF-32)",
        fix: utf16 ? "leave --encoding out, so that it is read as UTF-16, or save it as CSV UTF-8" : 'open it in Excel and save it as "CSV UTF-8 (comma delimited)"',
      });
    }
  }
  if (enc === "utf-8") {
    if (encoding !== undefined && !hasUtf8Bom(bytes) && !isUtf8(bytes)) {
      const at = firstInvalidUtf8(bytes);
      throw new ParkscoreError({
        code: "data.bad-encoding",
        file,
        line: lineAt(bytes, at),
        message: `the file is not valid UTF-8 (byte ${at + 1})`,
        fix: "leave --encoding out to detect the encoding, or pass --encoding gbk",
      });
    }
    return { bytes, encoding: enc };
  }
  return { bytes: transcode(bytes, enc), encoding: enc };
}

/**
 * Decode `bytes` from a GB encoding or UTF-16 into UTF-8, in chunks so no single JS string holds
 * the whole file (V8 caps strings near 512M characters). UTF-8 needs at most 1.5× the bytes (GB:
 * 2 → 3 for CJK, 4 → 4 for the GB18030 four-byte forms; UTF-16: 2 → at most 3, a surrogate pair
 * 4 → 4), so one buffer of that size is filled in place. A UTF-16 BOM is dropped by the decoder.
 *
 * Node's own TextDecoder (ICU) decodes GB18030 about twice as fast as iconv-lite; iconv-lite is
 * the fallback for a Node built without full ICU. GBK is decoded as GB18030, its superset.
 */
function transcode(bytes: Buffer, enc: Exclude<CsvEncoding, "utf-8">): Buffer {
  const decoder = textDecoder(enc);
  const out = Buffer.allocUnsafe(Math.ceil(bytes.length * 1.5) + 16);
  const CHUNK = 1 << 24;
  let written = 0;
  for (let p = 0; p < bytes.length; p += CHUNK) {
    written += out.write(decoder.write(bytes.subarray(p, Math.min(bytes.length, p + CHUNK))), written, "utf8");
  }
  const tail = decoder.end();
  if (tail) written += out.write(tail, written, "utf8");
  return out.subarray(0, written);
}

/** A streaming decoder: write() a chunk, get its text; end() flushes a split character. */
function textDecoder(enc: Exclude<CsvEncoding, "utf-8">): { write(b: Buffer): string; end(): string } {
  try {
    const td = new TextDecoder(enc === "gbk" ? "gb18030" : enc);
    return { write: (b) => td.decode(b, { stream: true }), end: () => td.decode() };
  } catch {
    const d = iconv.getDecoder(enc);
    return { write: (b) => d.write(b), end: () => d.end() ?? "" };
  }
}

/** Offset of the first byte that breaks UTF-8 (only called once a file is known to be invalid). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0 || i + n >= b.length) return i;
    for (let k = 1; k <= n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

function lineAt(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < b.length; i++) if (b[i] === 10) line++;
  return line;
}
