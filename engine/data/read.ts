/**
 * The one entry point for input data: pick the reader by extension, read the columns the scheme
 * needs, then check what every format must satisfy — the file has rows, and the key (the
 * enterprise id, or period + id) is present and unique on every row. All problems of a file are
 * collected and thrown together, so the user fixes the file in one pass.
 */
import { open, type FileHandle } from "node:fs/promises";
import { extname } from "node:path";
import { ParkscoreError, ProblemList } from "../errors.js";
import { readArrow } from "./arrow.js";
import { readArrowFile } from "./arrow-file.js";
import { readCsv } from "./csv.js";
import type { Frame, ReadOptions, ReadSpec } from "./frame.js";
import { checkKey } from "./key.js";
import { readParquet } from "./parquet.js";
import { readRanges } from "./pread.js";
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
  const list = new ProblemList();
  // An Arrow file is read column by column, its key checked on the way (arrow-file.ts); failing that, whole.
  const byColumn = format === "arrow" ? await withFile(file, (fh, size) => (size > 0 ? readArrowFile(fh, size, file, spec, list) : Promise.resolve(undefined))) : undefined;
  if (byColumn) return finish(byColumn, file, spec, list, false);
  const bytes = await withFile(file, readWhole);
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
  return finish(frame, file, spec, list, true);
}

/** What every format must satisfy: rows, and (unless the reader did it) a present, unique key; then every problem at once. */
function finish(frame: Frame, file: string, spec: ReadSpec, list: ProblemList, keyToCheck: boolean): Frame {
  if (frame.nrows === 0) {
    list.add({
      code: "data.no-rows",
      file,
      message: "the file has a header but no data rows",
      fix: "check that you chose the right file (or sheet), and that the data was exported with it",
    });
  } else if (keyToCheck) checkKey(frame, spec, list);
  list.throwIfAny();
  return list.warnings.length ? { ...frame, warnings: list.warnings } : frame;
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
 * The whole file in one buffer, read in large pieces two at a time (pread.ts; `fs.promises.readFile`
 * reads small chunks and is a third slower on a file of hundreds of MB).
 */
async function readWhole(fh: FileHandle, size: number): Promise<Uint8Array> {
  if (size === 0) return Buffer.alloc(0);
  const buf = Buffer.allocUnsafeSlow(size); // never pooled: offset 0, so Arrow can view it
  const read = await readRanges(fh, buf, [[0, size]]);
  return read === size ? buf : buf.subarray(0, read);
}

/** Runs `use` on the open file and its size; a file that cannot be opened or read is an error saying why. */
async function withFile<T>(file: string, use: (fh: FileHandle, size: number) => Promise<T>): Promise<T> {
  try {
    const fh = await open(file, "r");
    try {
      return await use(fh, (await fh.stat()).size);
    } finally {
      await fh.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (e instanceof ParkscoreError || typeof code !== "string") throw e; // not the file system's complaint
    throw new ParkscoreError(
      code === "ENOENT"
        ? { code: "data.file-not-found", file, message: "the file does not exist", fix: "check the path and the file name" }
        : code === "EISDIR"
          ? { code: "data.not-a-file", file, message: "this is a directory, not a data file", fix: "name the data file inside it" }
          : {
              code: "data.unreadable",
              file,
              message: `cannot read the file (${code})`,
              fix: "check that the file exists and that you may read it",
            },
    );
  }
}
