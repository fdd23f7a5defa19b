import { describe, expect, it } from "vitest";
import { FreshBuffer, PREFAULT_MIN_BYTES } from "../../../engine/kernels/prefault.js";

const MB = 2 ** 20;
/** Blocks this thread for `ms`, as a long computation between two columns would. */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const firstZero = (b: ArrayBufferLike) => Buffer.from(b).indexOf(0);
const allZero = (b: ArrayBufferLike) => {
  const words = new Int32Array(b, 0, b.byteLength >> 2);
  for (let i = 0; i < words.length; i++) if (words[i] !== 0) return false;
  return new Uint8Array(b, words.byteLength).every((x) => x === 0);
};

describe("FreshBuffer", () => {
  it("is a plain zero-filled ArrayBuffer when small or when asked, with nothing to claim", () => {
    for (const fb of [new FreshBuffer(MB), new FreshBuffer(PREFAULT_MIN_BYTES, false)]) {
      expect(fb.buffer).toBeInstanceOf(ArrayBuffer);
      fb.claim(0, fb.buffer.byteLength);
      expect(allZero(fb.buffer)).toBe(true);
    }
  });

  it("is shared memory, zero-filled, when a helper thread prefaults it", () => {
    const fb = new FreshBuffer(PREFAULT_MIN_BYTES);
    expect(fb.buffer).toBeInstanceOf(SharedArrayBuffer);
    fb.claim(0, fb.buffer.byteLength);
    expect(allZero(fb.buffer)).toBe(true);
  });

  it("counts shared memory in V8's schedule once settled, and once only", () => {
    const fb = new FreshBuffer(PREFAULT_MIN_BYTES, true);
    const before = process.memoryUsage().arrayBuffers;
    fb.settle();
    fb.settle();
    const added = process.memoryUsage().arrayBuffers - before;
    expect(added).toBeGreaterThanOrEqual(PREFAULT_MIN_BYTES);
    expect(added).toBeLessThan(2 * PREFAULT_MIN_BYTES);
  });

  // The helper writes a zero into every page it claims. Were it to write into a range this thread
  // had claimed, or this thread not wait for a chunk the helper was still writing, some byte set
  // here would read 0 at the end. Column sizes are odd, so claims start and end inside chunks and
  // pages; the pauses let the helper get ahead, so that this thread then catches up with it.
  it("never lets the helper write what this thread claimed, whoever is ahead", async () => {
    for (const lead of ["this thread", "the helper"]) {
      const size = 48 * MB + 12345;
      const fb = new FreshBuffer(size, true);
      const bytes = new Uint8Array(fb.buffer);
      if (lead === "the helper") await new Promise((r) => setTimeout(r, 60)); // started, and well ahead
      for (let at = 0, k = 1; at < size; k++) {
        const end = Math.min(size, at + 1_000_003);
        fb.claim(at, end);
        // From the top down: this thread gets ahead of the helper in any chunk the helper is still writing.
        for (let p = end; p > at; p -= 4096) bytes.fill(k % 255 || 1, Math.max(at, p - 4096), p);
        at = end;
        if (k % 8 === 0) pause(2); // lets the helper overtake and claim chunks this thread wants next
      }
      // Everything is claimed now, so the helper can write nothing more.
      expect(firstZero(fb.buffer), lead).toBe(-1);
      for (let at = 0, k = 1; at < size; at += 1_000_003, k++) expect(bytes[at]).toBe(k % 255 || 1);
    }
  });
});
