/**
 * Atomic writes: every file goes to a temporary name in the same folder, is flushed to disk
 * (fsync), and only when all of them are written are they renamed into place. A failure before
 * that removes the temporaries and leaves the folder exactly as it was.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { ParkscoreError } from "../errors.js";

export interface OutputFile {
  /** Path relative to the folder. */
  name: string;
  data: Uint8Array | Uint8Array[] | string;
}

export function writeFilesAtomically(dir: string, files: OutputFile[]): void {
  const temps: { temp: string; final: string }[] = [];
  try {
    for (const f of files) {
      const final = join(dir, f.name);
      mkdirSync(dirname(final), { recursive: true });
      const temp = join(dirname(final), `.${basename(final)}.${process.pid}.${Date.now().toString(36)}.tmp`);
      temps.push({ temp, final });
      writeSynced(temp, f.data);
    }
  } catch (e) {
    for (const { temp } of temps) rmSync(temp, { force: true });
    const err = e as NodeJS.ErrnoException;
    if (typeof err.code !== "string") throw e;
    throw new ParkscoreError({
      code: "store.write",
      file: dir,
      message: `cannot write the results here (${err.code}: ${err.message.replace(/^[A-Z]+: /, "")}); nothing was changed`,
      fix: err.code === "EEXIST" || err.code === "ENOTDIR" ? "give a folder, not a file, as the output" : "choose a folder you can write to",
    });
  }
  for (const { temp, final } of temps) renameSync(temp, final);
  syncDir(dir);
}

function writeSynced(path: string, data: OutputFile["data"]): void {
  const fd = openSync(path, "wx");
  try {
    const parts = typeof data === "string" ? [Buffer.from(data, "utf8")] : Array.isArray(data) ? data : [data];
    for (const p of parts) {
      let off = 0;
      while (off < p.length) off += writeSync(fd, p, off, p.length - off);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes the renames durable; some platforms cannot open a folder, which is harmless. */
function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not supported here */
  }
}
