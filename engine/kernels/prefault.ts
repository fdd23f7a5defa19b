/**
 * Memory for a scoring's result columns, made ready by a helper thread while the scoring computes.
 *
 * The first write to each 4 KB page of fresh memory traps into the kernel, which finds and zeroes
 * a page. This thread cannot avoid that cost, but another core can take it: a helper thread writes
 * a zero into every page, ahead of the columns the scoring is about to fill (parallel first touch).
 * The values are the same either way, since the memory was zero already.
 *
 * The buffer is shared, so no byte may be written by both threads: it is cut into chunks, and
 * each chunk is claimed by one thread before that thread writes into it.
 * - The helper claims the next chunk with `Atomics.add` on a shared counter, writes it, then
 *   publishes how far it has got (`done`: every chunk it claimed below that is written).
 * - This thread, before it writes bytes [begin, end), moves the counter past their chunks (`claim`),
 *   so that the helper skips them, and waits for any of them that the helper had claimed first.
 * Claims come in increasing order, as an arena hands out its columns.
 *
 * Shared memory has two costs that a plain ArrayBuffer does not, both handled here:
 * - The helper is a thread of its own for each buffer and exits when the buffer is done. A thread
 *   kept for the next buffer would hold every buffer it was sent until its own garbage collection,
 *   which a thread that allocates nothing never runs.
 * - V8 does not count a SharedArrayBuffer's memory towards starting a garbage collection; a
 *   buffer is counted once its columns are written (`settle`, late-count.ts). Counted from the
 *   start, as a plain buffer is, it would start a collection as the scoring begins, when the
 *   columns it holds cannot be garbage yet.
 */
import { isMainThread, Worker } from "node:worker_threads";
import { countNow } from "./late-count.js";

const PAGE = 4096;
const CHUNK = 64 * PAGE;
/** Below this a buffer's page faults cost less than a helper takes to start (~25 ms). */
export const PREFAULT_MIN_BYTES = 32 * 2 ** 20;

// control[0]: the next chunk to claim; control[1]: the helper has written its chunks below this.
const HELPER = `
const { workerData: { buffer, control } } = require("node:worker_threads");
const bytes = new Uint8Array(buffer);
const chunks = Math.ceil(bytes.length / ${CHUNK});
for (let k = Atomics.add(control, 0, 1); k < chunks; k = Atomics.add(control, 0, 1)) {
  const end = Math.min(bytes.length, (k + 1) * ${CHUNK});
  for (let i = k * ${CHUNK}; i < end; i += ${PAGE}) bytes[i] = 0;
  Atomics.store(control, 1, k + 1);
  Atomics.notify(control, 1);
}`;

/** A zero-filled buffer whose pages, when it is large, a helper thread touches ahead of their use. */
export class FreshBuffer {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  /** Shared with the helper; absent without one. */
  private readonly control?: Int32Array;
  /** End of this thread's last claim, in chunks: the helper's claims since then lie in [owned, control[0]). */
  private owned = 0;

  /**
   * `prefault: false` gives a plain ArrayBuffer, every page left to this thread. By default only
   * the main thread prefaults: worker threads (sensitivity analysis) already keep every core busy.
   */
  constructor(bytes: number, prefault = isMainThread && bytes >= PREFAULT_MIN_BYTES) {
    if (!prefault) {
      this.buffer = new ArrayBuffer(bytes);
      return;
    }
    const buffer = new SharedArrayBuffer(bytes);
    const control = new Int32Array(new SharedArrayBuffer(8));
    try {
      // A helper that fails to start claims nothing, and this thread then writes every page itself.
      new Worker(HELPER, { eval: true, workerData: { buffer, control } }).on("error", () => {}).unref();
    } catch {
      this.buffer = new ArrayBuffer(bytes); // no thread to be had: this one does the work
      return;
    }
    this.buffer = buffer;
    this.control = control;
  }

  /** Counts a shared buffer's memory in V8's collection schedule once its columns are written, and any buffer waiting (late-count.ts); later calls add nothing. */
  settle(): void {
    countNow(this.buffer instanceof SharedArrayBuffer ? this.buffer : undefined);
  }

  /** Makes bytes [begin, end) this thread's to write; call in increasing order. */
  claim(begin: number, end: number): void {
    const c = this.control;
    if (c === undefined) return;
    const first = Math.max(Math.floor(begin / CHUNK), this.owned);
    const last = Math.ceil(end / CHUNK);
    let next = Atomics.load(c, 0);
    while (next < last) {
      const seen = Atomics.compareExchange(c, 0, next, last);
      if (seen === next) {
        this.owned = last;
        break;
      }
      next = seen;
    }
    // Chunks in [first, min(next, last)) were the helper's: wait until it has written them.
    const helpers = Math.min(next, last);
    if (first >= helpers) return;
    for (let done = Atomics.load(c, 1); done < helpers; done = Atomics.load(c, 1)) Atomics.wait(c, 1, done);
  }
}
