/**
 * Temporaries of writers that died (kill -9 mid-import) are removed by the next writer while it holds
 * the dataset's lock; a live writer's never are. A dead writer is simulated by a temporary named as
 * atomic.ts names them, carrying the pid of a process that has exited.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ParkscoreError } from "../../../engine/errors.js";
import { temporaryWriter } from "../../../engine/store/atomic.js";
import { importContracts } from "../../../engine/store/contracts.js";
import { importPeriod, initDataset } from "../../../engine/store/dataset.js";
import { withLock } from "../../../engine/store/lock.js";
import { scoreStored } from "../../../engine/store/runs.js";
import { ROOT, tempDir } from "../../cli/helpers.js";
import { MERGED_DEMO } from "../../merged-demo.js";


/** The pid of a process that has exited (spawnSync waits for it and reaps it). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", ""]);
  expect(r.status).toBe(0);
  return r.pid!;
}

function demoDataset(): string {
  const dir = join(tempDir(), "ds");
  initDataset(dir);
  copyFileSync(MERGED_DEMO.scheme, join(dir, "scheme.yaml"));
  return dir;
}

function temporary(folder: string, name: string, pid: number, bytes: number): string {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `.${name}.${pid}.${Date.now().toString(36)}.tmp`);
  writeFileSync(path, Buffer.alloc(bytes, 1));
  return path;
}

describe("temporaries of dead writers", { timeout: 30_000 }, () => {
  it("are read back from atomic.ts's names, and only from those", () => {
    expect(temporaryWriter(".r0002.arrow.4242.mfx3k2a1.tmp")).toBe(4242);
    expect(temporaryWriter(".scores.csv.17.0.tmp")).toBe(17);
    expect(temporaryWriter("r0002.arrow")).toBeUndefined();
    expect(temporaryWriter(".lock")).toBeUndefined();
    expect(temporaryWriter(".notes.tmp")).toBeUndefined();
  });

  it("are removed by the next import, which says how many and how large; its own and a live process's outside the lock's folders stay", async () => {
    const dir = demoDataset();
    const dead = deadPid();
    const periods = join(dir, "periods", "2025");
    const arrow = temporary(periods, "r0001.arrow", dead, 1_500_000);
    const source = temporary(periods, "r0001.source.csv", dead, 500_000);
    const halfRun = join(dir, "runs", "2025", "0001-20261126T231500Z-0badc0de");
    const scores = temporary(halfRun, "scores.csv", dead, 1000);
    const deadInit = temporary(dir, "scheme.yaml", dead, 10);
    // The dataset's own folder is written without the lock (init): a live process's temporary there stays.
    const liveInit = temporary(dir, "scheme.yaml", process.ppid, 10);
    // This process's own temporaries are never another writer's leftovers.
    const own = temporary(periods, "r0009.arrow", process.pid, 10);

    const { revision, swept } = await importPeriod(dir, "2025", MERGED_DEMO.csv(2025));
    expect(swept).toEqual({ count: 4, bytes: 1_500_000 + 500_000 + 1000 + 10 });
    for (const gone of [arrow, source, scores, deadInit]) expect(existsSync(gone)).toBe(false);
    expect(existsSync(halfRun)).toBe(false); // held nothing but a dead writer's temporary
    expect(existsSync(liveInit)).toBe(true);
    expect(existsSync(own)).toBe(true);
    expect(revision.revision).toBe(1);
    expect(readdirSync(periods).filter((f) => !f.startsWith("."))).toEqual(["r0001.arrow", "r0001.json", "r0001.source.csv"]);
  });

  it("are removed from a department source's folder too", async () => {
    const dir = demoDataset();
    const land = temporary(join(dir, "periods", "2025", "sources", "land"), "r0001.arrow", deadPid(), 2000);
    const { swept } = await importPeriod(dir, "2025", MERGED_DEMO.csv(2025));
    expect(swept).toEqual({ count: 1, bytes: 2000 });
    expect(existsSync(land)).toBe(false);
  });

  it("in the folders only a lock holder writes, a temporary of a live process that is not this one is a dead writer's (a reused pid)", async () => {
    const dir = demoDataset();
    await importPeriod(dir, "2025", MERGED_DEMO.csv(2025));
    const reused = temporary(join(dir, "runs", "2025"), "0002-20261126T231500Z-0badc0de", process.ppid, 100);
    const run = await scoreStored(dir, "2025");
    expect(run.swept).toEqual({ count: 1, bytes: 100 });
    expect(existsSync(reused)).toBe(false);
  });

  it("are removed by an import of land contracts too, the other writer under the lock", async () => {
    const dir = demoDataset();
    const left = temporary(join(dir, "contracts"), "r0001.csv", deadPid(), 300);
    const r = await importContracts(dir, join(ROOT, "datasets", "demo", "contracts.csv"));
    expect(r.swept).toEqual({ count: 1, bytes: 300 });
    expect(existsSync(left)).toBe(false);
  });

  it("are left alone by a writer that does not get the lock", async () => {
    const dir = demoDataset();
    await withLock(dir, "import 2025", async () => {
      const left = temporary(join(dir, "periods", "2025"), "r0001.arrow", deadPid(), 10);
      await expect(importPeriod(dir, "2025", MERGED_DEMO.csv(2025))).rejects.toThrow(ParkscoreError);
      expect(existsSync(left)).toBe(true);
    });
  });
});
