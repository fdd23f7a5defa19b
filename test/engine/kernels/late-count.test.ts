import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { beforeEach, describe, expect, it } from "vitest";
import * as late from "../../../engine/kernels/late-count.js";

const MB = 2 ** 20;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/**
 * What `f` adds to the memory of ArrayBuffers (shared ones included): counting a buffer adds its
 * stand-in, of its size. Garbage is collected first, so that no buffer freed meanwhile (a stand-in
 * can start a collection) hides what `f` adds.
 */
function added(f: () => void): number {
  gc();
  const before = process.memoryUsage().arrayBuffers;
  f();
  return process.memoryUsage().arrayBuffers - before;
}

// Each test starts as a fresh process does: nothing waiting, and no counted buffer alive (the
// earlier tests' buffers are counted now if they waited, then collected).
beforeEach(async () => {
  late.countNow();
  await collect();
});

describe("late counting of shared buffers", () => {
  it("puts off the first buffer, and counts it, once, with the next count", () => {
    const image = new SharedArrayBuffer(64 * MB);
    const arena = new SharedArrayBuffer(32 * MB);
    expect(added(() => late.countLater(image))).toBeLessThan(MB);
    expect(added(() => late.countNow(arena))).toBeGreaterThan(95 * MB);
    expect(added(() => (late.countNow(arena), late.countNow(image)))).toBeLessThan(MB);
  });

  it("counts a buffer put off when the next is put off, so that one waits at most", () => {
    const first = new SharedArrayBuffer(64 * MB);
    const second = new SharedArrayBuffer(16 * MB);
    late.countLater(first);
    // The first is counted now, and so the second at once: a buffer counted earlier is alive.
    expect(added(() => late.countLater(second))).toBeGreaterThan(79 * MB);
    expect(first.byteLength).toBe(64 * MB); // alive throughout
  });

  it("counts at once while a buffer counted earlier is alive", () => {
    const earlier = new SharedArrayBuffer(16 * MB);
    const next = new SharedArrayBuffer(64 * MB);
    late.countNow(earlier);
    expect(added(() => late.countLater(next))).toBeGreaterThan(63 * MB);
    expect(earlier.byteLength).toBe(16 * MB); // alive throughout
  });

  it("puts off again once every buffer counted earlier has been collected", async () => {
    (() => late.countNow(new SharedArrayBuffer(16 * MB)))();
    await collect();
    const next = new SharedArrayBuffer(64 * MB);
    expect(added(() => late.countLater(next))).toBeLessThan(MB);
  });
});

/** A full collection, then a turn of the event loop for the finalizers it queued. */
async function collect(): Promise<void> {
  for (let k = 0; k < 3; k++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
}
