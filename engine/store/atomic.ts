/**
 * Atomic writes: every file goes to a temporary name in its own folder, is flushed to disk, and only
 * when all of them are written are they renamed into place (then the folders are synced, making the
 * renames durable). A failure before the renames removes the temporaries and leaves the folders
 * exactly as they were.
 *
 * An output folder is replaced whole (replaceFolder) and a dataset's new run folder appears whole
 * (addFolder): the folder is built as a hidden sibling on the same file system and renamed into
 * place at the end, so a failed run leaves the old folder byte for byte and a successful one leaves
 * nothing of it.
 *
 * Flushing: one fsync per file for a handful of files; for a large batch (a report's 10,000 cards,
 * where a fsync per file would take longer than writing them) one syncfs(2) of the file system
 * (`sync -f`, coreutils ≥ 8.24), falling back to per-file fsyncs where that is not available.
 */
import { execFileSync } from "node:child_process";
import { createHash, type Hash } from "node:crypto";
import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { ParkscoreError } from "../errors.js";
import { alive } from "./lock.js";
import { WriteThread } from "./write-thread.js";
import { isSystemError, systemProblem } from "../system-error.js";

export interface OutputFile {
  /** Path relative to the folder. */
  name: string;
  /** The bytes, or their chunks as a generator makes them: a large file is written as it is made. */
  data: string | Uint8Array | Iterable<Uint8Array>;
}

/** The sha256 of each file written, by its name: computed from the bytes as they are written. */
export type Written = Record<string, string>;

/** Above this many files, one file-system sync instead of one fsync per file. */
const BATCH = 64;

export function writeFilesAtomically(dir: string, files: OutputFile[]): Written {
  const temps: string[] = [], finals: string[] = [];
  const folders = new Set<string>();
  const stamp = `${process.pid}.${Date.now().toString(36)}`;
  let written: Written;
  try {
    written = writeAll(dir, files, folders, temps, (final) => (finals.push(final), join(dirname(final), `.${basename(final)}.${stamp}.tmp`)));
  } catch (e) {
    for (const temp of temps) rmSync(temp, { force: true });
    throw writeError(e, dir);
  }
  temps.forEach((temp, i) => renameSync(temp, finals[i]));
  for (const folder of folders) syncPath(folder);
  return written;
}

/**
 * Each file at `pathOf` its place under `dir` (the place itself, or a temporary beside it), the
 * folders made as needed and noted in `folders`, each path noted in `written` before it is written.
 */
function writeAll(dir: string, files: OutputFile[], folders: Set<string>, written: string[], pathOf: (final: string) => string = (f) => f): Written {
  const batch = files.length > BATCH;
  const first = written.length;
  const finishing: [string, () => string][] = [];
  let failure: unknown;
  try {
    for (const f of files) {
      const final = join(dir, f.name);
      const folder = dirname(final);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      const path = pathOf(final);
      written.push(path);
      finishing.push([f.name, startFile(path, f.data, !batch)]);
    }
  } catch (e) {
    failure = e;
  }
  // Large files still being written on their threads are waited for together, at the end (after a failure too: their files must be closed).
  const hashes: Written = {};
  for (const [name, finish] of finishing) {
    try {
      hashes[name] = finish();
    } catch (e) {
      failure ??= e;
    }
  }
  if (failure !== undefined) throw failure;
  if (batch) syncBatch(dir, written.slice(first));
  return hashes;
}

/** A folder being built beside its target. */
export interface Staging {
  /** Where it is being built (a hidden sibling of the target), for what must read it back, as Chromium does. */
  readonly dir: string;
  /** Writes files into it, flushed to disk as writeFilesAtomically's are; gives their sha256. */
  write(files: OutputFile[]): Written;
}

/** In a folder parkscore replaces whole: says so, and lets the next run know the folder is its to replace. */
export const OUTPUT_MARK = ".parkscore";
const MARK_TEXT = "This folder was written by parkscore: the next parkscore run writing here replaces it whole.\n";

/**
 * Builds an output folder beside `dir` and swaps it in when `build` has finished: the old folder
 * (if any) stays byte for byte when anything fails, and nothing of it remains when all succeeds.
 * A non-empty folder is replaced only if parkscore wrote it (it holds OUTPUT_MARK, or only names
 * the new folder holds too), so that `--out .` or a dataset folder is never wiped.
 */
export async function replaceFolder<T>(dir: string, build: (s: Staging) => T | Promise<T>): Promise<T> {
  return buildBeside(dir, true, build);
}

/** A new folder (a dataset's run) that appears whole or not at all; it is an error if `dir` exists. */
export async function addFolder<T>(dir: string, build: (s: Staging) => T | Promise<T>): Promise<T> {
  return buildBeside(dir, false, build);
}

let serial = 0;

async function buildBeside<T>(dir: string, replace: boolean, build: (s: Staging) => T | Promise<T>): Promise<T> {
  const target = realTarget(dir);
  const parent = dirname(target);
  const stamp = `${process.pid}.${Date.now().toString(36)}.${serial++}`;
  const staging = join(parent, `.${basename(target)}.${stamp}.new`);
  const backup = join(parent, `.${basename(target)}.${stamp}.old`);
  const folders = new Set<string>([staging]);
  try {
    mkdirSync(parent, { recursive: true });
    removeLeftovers(parent, basename(target));
    checkReplaceable(target, replace);
    mkdirSync(staging);
  } catch (e) {
    throw writeError(e, dir);
  }
  let result: T;
  try {
    if (replace) startFile(join(staging, OUTPUT_MARK), MARK_TEXT, true)();
    result = await build({
      dir: staging,
      write: (files) => writeAll(staging, files, folders, []),
    });
    for (const folder of folders) syncPath(folder);
    if (replace && existsSync(target)) checkOwned(target, staging);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw writeError(e, dir);
  }
  try {
    if (replace && existsSync(target)) {
      // Linux cannot swap two folders in one step: the old one is moved aside, the new one moved in, and
      // if that second rename fails the old one is moved back, so the target is never left without either.
      renameSync(target, backup);
      try {
        renameSync(staging, target);
      } catch (e) {
        renameSync(backup, target);
        throw e;
      }
    } else renameSync(staging, target);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw writeError(e, dir);
  }
  syncPath(parent);
  try {
    rmSync(backup, { recursive: true, force: true });
  } catch {
    /* the new folder is in place; the next run into it removes what is left (removeLeftovers) */
  }
  return result;
}

/** The folder itself when `dir` is a symbolic link to one, so the link stays and what it points at is replaced. */
function realTarget(dir: string): string {
  const abs = resolve(dir);
  try {
    return lstatSync(abs).isSymbolicLink() ? realpathSync(abs) : abs;
  } catch {
    return abs;
  }
}

/**
 * Staging and backup folders of writers that died (killed mid-run): a staging folder is removed;
 * a backup is put back if its writer died between the two renames and left no folder in its place.
 */
function removeLeftovers(parent: string, name: string): void {
  const prefix = `.${name}.`;
  for (const entry of readdirSync(parent)) {
    if (!entry.startsWith(prefix)) continue;
    const m = /^(\d+)\.[0-9a-z]+\.\d+\.(new|old)$/.exec(entry.slice(prefix.length));
    if (!m || alive(Number(m[1]))) continue;
    const path = join(parent, entry);
    if (m[2] === "old" && !existsSync(join(parent, name))) renameSync(path, join(parent, name));
    else rmSync(path, { recursive: true, force: true });
  }
}

function checkReplaceable(target: string, replace: boolean): void {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory())
    throw new ParkscoreError({ code: "store.write", file: target, message: "is a file, not a folder; nothing was changed", fix: "give a folder, not a file, as the output" });
  if (!replace) throw new ParkscoreError({ code: "store.write", file: target, message: "already exists, and a run is never rewritten; nothing was changed", fix: "run the command again (it picks a new run id)" });
}

/** A non-empty folder parkscore did not write is not parkscore's to replace. */
function checkOwned(target: string, staging: string): void {
  const entries = readdirSync(target);
  if (entries.length === 0 || entries.includes(OUTPUT_MARK) || entries.every((e) => existsSync(join(staging, e)))) return;
  throw new ParkscoreError({
    code: "store.not-an-output",
    file: target,
    message: `holds files parkscore did not write (${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", …" : ""}), and an output folder is replaced whole; nothing was changed`,
    fix: "give a new or empty folder as the output, or move those files away",
  });
}

/** A file-system failure as the one line the user sees; anything else as it is. */
function writeError(e: unknown, dir: string): unknown {
  if (e instanceof ParkscoreError || !isSystemError(e)) return e;
  const p = systemProblem(e);
  return new ParkscoreError({ ...p, code: "store.write", file: dir, message: `${p.message} (${e.code}); nothing was changed` });
}

/** Chunks smaller than this are gathered into one write (an Arrow writer hands out many of a few bytes). */
const SMALL = 64 << 10;
const GATHER = 1 << 20;

/**
 * Writes `data` to a new file at `path` (flushed to disk when `sync`), hashing it as it is written,
 * and gives a function that returns the sha256 once the file is whole. A file whose first write is
 * a full chunk is large: it is written, hashed and flushed on a thread of its own, which the
 * caller waits for only when it asks for the hash, so the next file can be made meanwhile.
 */
function startFile(path: string, data: OutputFile["data"], sync: boolean): () => string {
  const fd = openSync(path, "wx");
  let thread: WriteThread | undefined;
  let hash: Hash | undefined;
  // Made only for a file given in several chunks: a report writes thousands of one-piece files.
  let gathered: Buffer | undefined;
  let used = 0;
  const put = (p: Uint8Array, large: boolean) => {
    if (thread === undefined && hash === undefined) {
      if (large) thread = new WriteThread(fd);
      else hash = createHash("sha256");
    }
    if (thread) return thread.put(p);
    hash!.update(p);
    let off = 0;
    while (off < p.length) off += writeSync(fd, p, off, p.length - off);
  };
  try {
    if (typeof data === "string" || data instanceof Uint8Array) {
      const whole = typeof data === "string" ? Buffer.from(data, "utf8") : data;
      put(whole, whole.length >= GATHER);
    } else {
      for (const p of data) {
        if (p.length < SMALL) {
          gathered ??= Buffer.allocUnsafe(GATHER);
          if (used + p.length > GATHER) (put(gathered.subarray(0, used), true), (used = 0));
          gathered.set(p, used);
          used += p.length;
        } else {
          if (used) (put(gathered!.subarray(0, used), p.length >= GATHER), (used = 0));
          put(p, p.length >= GATHER);
        }
      }
      if (used) put(gathered!.subarray(0, used), false);
    }
  } catch (e) {
    thread?.abort();
    closeSync(fd);
    throw e;
  }
  if (thread) {
    const t = thread;
    t.end(sync);
    return () => {
      try {
        return t.result();
      } finally {
        closeSync(fd);
      }
    };
  }
  try {
    const hex = (hash ?? createHash("sha256")).digest("hex");
    if (sync) fsyncSync(fd);
    return () => hex;
  } finally {
    closeSync(fd);
  }
}

/** A file's bytes a chunk at a time, for copying a delivered file into the store without holding it whole. */
export function* fileChunks(path: string): Generator<Uint8Array, void, undefined> {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.allocUnsafe(GATHER);
    for (let n; (n = readSync(fd, buf, 0, GATHER, null)) > 0; ) yield buf.subarray(0, n);
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

/**
 * The process that wrote a temporary, from its name (`.<name>.<pid>.<stamp>.tmp`, as
 * writeFilesAtomically names them); undefined for any other name.
 */
export function temporaryWriter(name: string): number | undefined {
  const m = /^\..+\.(\d+)\.[0-9a-z]+\.tmp$/.exec(name);
  return m ? Number(m[1]) : undefined;
}
