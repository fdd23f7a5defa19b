/**
 * The one entry point for input data: pick the reader by extension, read the columns the scheme
 * needs, then check what every format must satisfy — the file has rows, and the key (the
 * enterprise id, or period + id) is present and unique on every row. All problems of a file are
 * collected and thrown together, so the user fixes the file in one pass.
 */
import { open } from "node:fs/promises";
import { extname } from "node:path";
import { ParkscoreError, ProblemList } from "../errors.js";
import { readArrow } from "./arrow.js";
import { readCsv } from "./csv.js";
import type { Frame, ReadOptions, ReadSpec } from "./frame.js";
import { readParquet } from "./parquet.js";
import { readXlsx } from "./xlsx.js";

/** The readers there are. */
export type Format = "csv" | "xlsx" | "arrow" | "parquet";

/** Extensions understood, and the reader for each. */
export const FORMATS: Readonly<Record<string, Format>> = {
  ".csv": "csv",
  ".txt": "csv",
  ".tsv": "csv",
  ".xlsx": "xlsx",
  ".arrow": "arrow",
  ".feather": "arrow",
  ".ipc": "arrow",
  ".parquet": "parquet",
};

/** Read `file` into a frame holding the columns `spec` asks for, or throw every problem found. */
export async function readFrame(file: string, spec: ReadSpec, opts: ReadOptions = {}): Promise<Frame> {
  const format = formatOf(file);
  const bytes = await readBytes(file);
  const list = new ProblemList();
  let frame: Frame;
  try {
    switch (format) {
      case "csv":
        frame = readCsv(bytes, file, spec, { encoding: opts.encoding }, list);
        break;
      case "xlsx":
        frame = await readXlsx(bytes, file, spec, { sheet: opts.sheet }, list);
        break;
      case "arrow":
        frame = readArrow(bytes, file, spec, list);
        break;
      case "parquet":
        frame = readParquet(bytes, file, spec, list);
        break;
    }
  } catch (e) {
    // A reader stops at a fatal problem; report it with those it had already found.
    if (!(e instanceof ParkscoreError) || list.size === 0) throw e;
    for (const p of e.problems) list.add(p);
    list.omitted += e.omitted;
    list.throwIfAny();
    throw e;
  }
  if (frame.nrows === 0) {
    list.add({
      code: "data.no-rows",
      file,
      message: "the file has a header but no data rows",
      fix: "check that you chose the right file (or sheet), and that the data was exported with it",
    });
  } else checkKey(frame, spec, list);
  list.throwIfAny();
  return frame;
}

/** The reader for a file name, or an error listing the supported extensions. */
export function formatOf(file: string): Format {
  const ext = extname(file).toLowerCase();
  const format = FORMATS[ext];
  if (format) return format;
  const supported = Object.keys(FORMATS).join(", ");
  throw new ParkscoreError({
    code: "data.unknown-format",
    file,
    message: ext ? `cannot read "${ext}" files` : "the file name has no extension, so its format is unknown",
    value: ext || undefined,
    fix:
      ext === ".xls"
        ? "save the workbook as .xlsx (Excel: File › Save As › Excel Workbook), or export it as CSV"
        : `use one of ${supported} (rename the file if it is one of these)`,
  });
}

/**
 * The whole file in one buffer. Read in 64 MiB slices into a buffer of the file's size:
 * `fs.promises.readFile` reads small chunks and is a third slower on a file of hundreds of MB.
 */
async function readBytes(file: string): Promise<Buffer> {
  try {
    const fh = await open(file, "r");
    try {
      const size = (await fh.stat()).size;
      if (size === 0) return Buffer.alloc(0);
      const buf = Buffer.allocUnsafeSlow(size); // never pooled: offset 0, so Arrow can view it
      let at = 0;
      while (at < size) {
        const { bytesRead } = await fh.read(buf, at, Math.min(1 << 26, size - at), at);
        if (bytesRead === 0) break;
        at += bytesRead;
      }
      return at === size ? buf : buf.subarray(0, at);
    } finally {
      await fh.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ParkscoreError(
      code === "ENOENT"
        ? { code: "data.file-not-found", file, message: "the file does not exist", fix: "check the path and the file name" }
        : code === "EISDIR"
          ? { code: "data.not-a-file", file, message: "this is a directory, not a data file", fix: "name the data file inside it" }
          : {
              code: "data.unreadable",
              file,
              message: `cannot read the file (${code ?? (e as Error).message})`,
              fix: "check that the file exists and that you may read it",
            },
    );
  }
}

/**
 * Every key value present, and the combined key unique. A key column that is optional and absent
 * leaves the key; if a required one is missing (already reported), the key is not checked.
 */
export function checkKey(frame: Frame, spec: ReadSpec, list: ProblemList): void {
  const key = spec.key ?? [];
  if (key.length === 0) return;
  const optional = new Set(spec.optionalText ?? []);
  const has = (c: string) => frame.texts.has(c) || frame.numbers.has(c);
  if (key.some((c) => !has(c) && !optional.has(c))) return;
  const cols = key.filter(has);
  if (cols.length === 0) return;

  const { file, rows, headers } = frame.origin;
  const header = (c: string) => headers.get(c) ?? c;
  // Each key column as text per row ('' = missing); numbers as their decimal text.
  const parts = cols.map((c) => {
    const t = frame.texts.get(c);
    if (t) return t;
    const v = frame.numbers.get(c)!;
    return Array.from(v, (x) => (Number.isNaN(x) ? "" : String(x)));
  });
  const names = cols.map(header).join(" + ");
  const n = frame.nrows;
  const hashes = keyHashes(parts, n);
  for (let i = 0; i < n; i++) {
    if (hashes[i] !== EMPTY) continue;
    cols.forEach((c, j) => {
      if (parts[j][i] !== "") return;
      list.add({
        code: "data.empty-key",
        file,
        row: rows[i],
        column: header(c),
        message: `the ${header(c)} is empty; every row needs one`,
        fix: "fill in the value, or delete the row if it is not an enterprise",
      });
    });
  }
  for (const [first, i] of duplicatePairs(parts, hashes, n)) {
    const shown = parts.map((p) => p[i]).join(", ");
    list.add({
      code: "data.duplicate-key",
      file,
      row: rows[i],
      column: names,
      message: `${names} "${shown}" is repeated: rows ${rows[first]} and ${rows[i]}`,
      value: shown,
      fix: "give each row its own key, or remove the repeated row",
    });
  }
}

/** Hash marking a row whose key has an empty part. */
const EMPTY = 0;

/**
 * A 32-bit hash of each row's combined key (FNV-1a, then murmur3's final mix so sequential ids
 * spread), or EMPTY when a part is empty. Own hashing plus the open-addressing table below costs a
 * fraction of a Map over a million fresh strings, and this runs on every read.
 */
function keyHashes(parts: string[][], n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    let empty = false;
    for (let j = 0; j < parts.length; j++) {
      const v = parts[j][i];
      if (v.length === 0) empty = true;
      for (let k = 0; k < v.length; k++) h = Math.imul(h ^ v.charCodeAt(k), 0x01000193);
      h = Math.imul(h ^ 0x1f, 0x01000193); // part separator
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out[i] = empty ? EMPTY : h === EMPTY ? 1 : h;
  }
  return out;
}

/** [first row, repeating row] for every row whose key equals an earlier row's. */
function duplicatePairs(parts: string[][], hashes: Int32Array, n: number): [number, number][] {
  const size = 1 << Math.max(4, Math.ceil(Math.log2(n * 2 + 1)));
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const h = hashes[i];
    if (h === EMPTY) continue;
    let slot = h & mask;
    let first = slots[slot];
    while (first !== -1 && !(hashes[first] === h && sameKey(parts, first, i))) {
      slot = (slot + 1) & mask;
      first = slots[slot];
    }
    if (first === -1) slots[slot] = i;
    else pairs.push([first, i]);
  }
  return pairs;
}

function sameKey(parts: string[][], a: number, b: number): boolean {
  for (const p of parts) if (p[a] !== p[b]) return false;
  return true;
}
