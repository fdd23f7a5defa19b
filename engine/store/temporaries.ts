/**
 * Temporaries left by writers that died mid-write (kill -9, a power cut). Atomic writes (atomic.ts)
 * put each file under a hidden temporary name and rename it at the end, so a writer that never got
 * there leaves them behind, unseen — hundreds of MB after a large import. The next writer, holding
 * the dataset's lock, removes them: in the folders only a lock holder writes (periods/<p>/,
 * periods/<p>/sources/<id>/, runs/<p>/, runs/<p>/<run>/, contracts/) every temporary but its own,
 * since the lock proves no one else is writing there; in the dataset's own folder, where `init`
 * writes without the lock, only those of processes that no longer exist.
 */
import { existsSync, readdirSync, rmdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { temporaryWriter } from "./atomic.js";

/** What was removed: how many temporaries, how many bytes. */
export interface Swept {
  count: number;
  bytes: number;
}

/**
 * Removes the dead writers' temporaries of dataset `dir`; the caller holds its lock. `alive` tells
 * whether a process exists (lock.ts).
 */
export function removeDeadTemporaries(dir: string, alive: (pid: number) => boolean): Swept {
  const swept: Swept = { count: 0, bytes: 0 };
  sweep(dir, (pid) => pid !== process.pid && !alive(pid), swept);
  const locked = (pid: number) => pid !== process.pid;
  sweep(join(dir, "contracts"), locked, swept);
  for (const period of subfolders(join(dir, "periods"))) {
    sweep(period, locked, swept);
    for (const source of subfolders(join(period, "sources"))) sweep(source, locked, swept);
  }
  for (const runs of subfolders(join(dir, "runs"))) {
    sweep(runs, locked, swept);
    for (const run of subfolders(runs)) {
      // A run folder that held nothing but a dead writer's temporaries was never a run.
      if (sweep(run, locked, swept) && readdirSync(run).length === 0) rmdirSync(run);
    }
  }
  return swept;
}

/** Removes the temporaries in `folder` whose writer `dead` condemns; whether it removed any. */
function sweep(folder: string, dead: (pid: number) => boolean, swept: Swept): boolean {
  let removed = false;
  for (const name of entries(folder)) {
    const pid = temporaryWriter(name);
    if (pid === undefined || !dead(pid)) continue;
    const path = join(folder, name);
    swept.bytes += size(path);
    swept.count++;
    rmSync(path, { recursive: true, force: true });
    removed = true;
  }
  return removed;
}

function entries(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder) : [];
}

/** The folders in `folder`, other than temporaries. */
function subfolders(folder: string): string[] {
  return entries(folder)
    .filter((name) => temporaryWriter(name) === undefined)
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isDirectory());
}

/** Bytes of a file, or of everything in a folder. */
function size(path: string): number {
  const st = statSync(path);
  return st.isDirectory() ? readdirSync(path).reduce((s, name) => s + size(join(path, name)), 0) : st.size;
}
