/**
 * One writer at a time per dataset: a lock file created exclusively (`wx`), holding who took it.
 * A second command gets a clear message instead of corrupting the dataset; a lock left by a process
 * that no longer exists on this machine is taken over. Whoever takes the lock first removes the
 * temporaries of writers that died (temporaries.ts) and is told what was removed.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { ParkscoreError } from "../errors.js";
import { removeDeadTemporaries, type Swept } from "./temporaries.js";

interface LockInfo {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export async function withLock<T>(dir: string, command: string, f: (swept: Swept) => Promise<T> | T): Promise<T> {
  const path = join(dir, ".lock");
  take(path, command);
  try {
    return await f(removeDeadTemporaries(dir, alive));
  } finally {
    rmSync(path, { force: true });
  }
}

function take(path: string, command: string, retried = false): void {
  const info: LockInfo = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  try {
    mkdirSync(join(path, ".."), { recursive: true });
    const fd = openSync(path, "wx");
    writeSync(fd, JSON.stringify(info));
    closeSync(fd);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    const holder = readHolder(path);
    if (!retried && holder && holder.host === hostname() && !alive(holder.pid)) {
      rmSync(path, { force: true });
      return take(path, command, true);
    }
    throw new ParkscoreError({
      code: "store.locked",
      file: path,
      message: holder
        ? `the dataset is being written by another parkscore (${holder.command}, process ${holder.pid} on ${holder.host}, since ${holder.since})`
        : "the dataset is locked by another parkscore",
      fix: `wait for it to finish; if no parkscore is running, delete ${path}`,
    });
  }
}

function readHolder(path: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as LockInfo;
  } catch {
    return undefined;
  }
}

/** Whether a process of this machine is running (EPERM: it is, as another user). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
