/**
 * Atomic writes: every file goes to a temporary name in its own folder, is flushed to disk, and only
 * when all of them are written are they renamed into place (then the folders are synced, making the
 * renames durable). A failure before the renames removes the temporaries and leaves the folders
 * exactly as they were.
 *
 * Flushing: one fsync per file for a handful of files; for a large batch (a report's 10,000 cards,
 * where per-file fsyncs took 11–18 s on the benchmark machine) one syncfs(2) of the file system
 * (`sync -f`, coreutils ≥ 8.24), falling back to per-file fsyncs where that is not available.
 */
import { execFileSync } from "node:child_process";
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { ParkscoreError } from "../errors.js";
import { isSystemError, systemProblem } from "../system-error.js";

export interface OutputFile {
  /** Path relative to the folder. */
  name: string;
  data: Uint8Array | Uint8Array[] | string;
}

/** Above this many files, one file-system sync instead of one fsync per file. */
const BATCH = 64;

export function writeFilesAtomically(dir: string, files: OutputFile[]): void {
  const temps: { temp: string; final: string }[] = [];
  const folders = new Set<string>();
  const stamp = `${process.pid}.${Date.now().toString(36)}`;
  const batch = files.length > BATCH;
  try {
    for (const f of files) {
      const final = join(dir, f.name);
      const folder = dirname(final);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      const temp = join(folder, `.${basename(final)}.${stamp}.tmp`);
      temps.push({ temp, final });
      writeFile(temp, f.data, !batch);
    }
    if (batch) syncBatch(dir, temps.map((t) => t.temp));
  } catch (e) {
    for (const { temp } of temps) rmSync(temp, { force: true });
    if (!isSystemError(e)) throw e;
    const p = systemProblem(e);
    throw new ParkscoreError({ ...p, code: "store.write", file: dir, message: `${p.message} (${e.code}); nothing was changed` });
  }
  for (const { temp, final } of temps) renameSync(temp, final);
  for (const folder of folders) syncPath(folder);
}

function writeFile(path: string, data: OutputFile["data"], sync: boolean): void {
  const fd = openSync(path, "wx");
  try {
    const parts = typeof data === "string" ? [Buffer.from(data, "utf8")] : Array.isArray(data) ? data : [data];
    for (const p of parts) {
      let off = 0;
      while (off < p.length) off += writeSync(fd, p, off, p.length - off);
    }
    if (sync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** One syncfs for the file system holding `dir`; one fsync per file where `sync -f` is not available. */
function syncBatch(dir: string, paths: string[]): void {
  try {
    execFileSync("sync", ["-f", dir], { stdio: "ignore" });
    return;
  } catch {
    /* no coreutils sync -f here */
  }
  for (const p of paths) {
    const fd = openSync(p, "r+");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

/** fsync of a folder; some platforms cannot open a folder, which is harmless. */
function syncPath(dir: string): void {
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
