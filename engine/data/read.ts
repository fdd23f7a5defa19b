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
import { readArrowColumns } from "./arrow-file.js";
import { checkKey } from "./key.js";
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
  const bytes = await readBytes(file, format === "arrow" ? (fh, size) => readArrowColumns(fh, size, file, spec) : undefined);
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
 * The file in one buffer: what `part` reads of it (the wanted columns of an Arrow file), or else the
 * whole file, read in 64 MiB slices into a buffer of the file's size (`fs.promises.readFile` reads
 * small chunks and is a third slower on a file of hundreds of MB).
 */
async function readBytes(file: string, part?: (fh: FileHandle, size: number) => Promise<Uint8Array | undefined>): Promise<Uint8Array> {
  try {
    const fh = await open(file, "r");
    try {
      const size = (await fh.stat()).size;
      if (size === 0) return Buffer.alloc(0);
      const some = part && (await part(fh, size));
      if (some) return some;
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
