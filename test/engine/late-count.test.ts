import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { beforeEach, describe, expect, it, vi } from "vitest";

type LateCount = typeof import("../../engine/late-count.js");

const MB = 2 ** 20;
/** The memory of ArrayBuffers now (shared ones included): counting a buffer adds its stand-in, of its size. */
const counted = () => process.memoryUsage().arrayBuffers;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** The module as a fresh process has it: nothing counted, nothing waiting. */
let late: LateCount;
beforeEach(async () => {
  vi.resetModules();
  late = await import("../../engine/late-count.js");
});

describe("late counting of shared buffers", () => {
  it("puts off the first buffer, and counts it, once, with the next count", () => {
    const image = new SharedArrayBuffer(64 * MB);
    const arena = new SharedArrayBuffer(32 * MB);
    let before = counted();
    late.countLater(image);
    expect(counted() - before).toBeLessThan(MB);
    before = counted();
    late.countNow(arena);
    expect(counted() - before).toBeGreaterThan(95 * MB);
    before = counted();
    late.countNow(arena);
    late.countNow(image);
    expect(counted() - before).toBeLessThan(MB);
  });

  it("counts a buffer put off when the next is put off, so that one waits at most", () => {
    const first = new SharedArrayBuffer(64 * MB);
    const second = new SharedArrayBuffer(16 * MB);
    late.countLater(first);
    const before = counted();
    late.countLater(second);
    // The first is counted now, and so the second at once: a buffer counted earlier is alive.
    expect(counted() - before).toBeGreaterThan(79 * MB);
  });

  it("counts at once while a buffer counted earlier is alive", () => {
    const earlier = new SharedArrayBuffer(16 * MB);
    const next = new SharedArrayBuffer(64 * MB);
    late.countNow(earlier);
    const before = counted();
    late.countLater(next);
    expect(counted() - before).toBeGreaterThan(63 * MB);
  });

  it("puts off again once every buffer counted earlier has been collected", async () => {
    (() => late.countNow(new SharedArrayBuffer(16 * MB)))();
    await collect();
    const next = new SharedArrayBuffer(64 * MB);
    const before = counted();
    late.countLater(next);
    expect(counted() - before).toBeLessThan(MB);
  });
});

/** A full collection, then a turn of the event loop for the finalizers it queued. */
async function collect(): Promise<void> {
  for (let k = 0; k < 3; k++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
}
