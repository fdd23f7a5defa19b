/**
 * Telling V8 about a large shared buffer when a garbage collection can be of use.
 *
 * V8 counts the memory of every ArrayBuffer, and once that has grown by some tens of megabytes
 * since its last full garbage collection it starts another, which marks the whole JavaScript heap.
 * A buffer that is about to be filled and used cannot be garbage itself, so that collection is of
 * use only if earlier large buffers have become garbage meanwhile; otherwise, on two cores, it just
 * takes the time of the work it interrupts, as the image of a large Arrow file would in every read.
 *
 * V8 does not count a SharedArrayBuffer at all, which would let dead buffers pile up between
 * collections (gigabytes, scoring a million rows in a loop). So the largest buffers (an Arrow
 * file's image, a scoring's arena) are shared, and each is counted once, through an untouched
 * ArrayBuffer of its size that it holds: V8 counts that, and it takes no physical memory
 * (`process.memoryUsage().arrayBuffers` shows it, though). It is a property of the buffer, not
 * a WeakMap's value, so that a dead buffer's memory comes back in the same collection as the buffer.
 * - `countNow(buffer)` counts it at once, with the buffer waiting if any. A scoring counts its
 *   arena when it ends (prefault.ts `settle`), and with it the image of the file it scored: one collection
 *   follows the pair instead of one in each.
 * - `countLater(buffer)` counts it at once too while a buffer counted earlier is still alive,
 *   since that may be garbage by now (the last period's, reading files in a loop), and only a
 *   collection frees it. Otherwise nothing a collection could free is ours, and the count waits
 *   for the next `countNow` or `countLater`: so at most one buffer waits.
 */

/** Each counted buffer's stand-in, kept by the buffer itself. */
const STAND_IN = Symbol("V8's count of this buffer");

/** Counted buffers not collected yet (this lags a collection by a little, and errs towards counting at once). */
let alive = 0;
const collected = new FinalizationRegistry<null>(() => alive--);

/** The buffer put off, if any (weakly: a buffer dropped while it waits is freed all the same). */
let waiting: WeakRef<SharedArrayBuffer> | undefined;

/** Counts `buffer` (if given) and the buffer waiting; counting a buffer again does nothing. */
export function countNow(buffer?: SharedArrayBuffer): void {
  const w = waiting?.deref();
  waiting = undefined;
  if (w !== undefined) count(w);
  if (buffer !== undefined) count(buffer);
}

/** Counts `buffer` now if a buffer counted earlier is alive, else at the next `countNow` or `countLater`. */
export function countLater(buffer: SharedArrayBuffer): void {
  countNow();
  if (alive > 0) count(buffer);
  else waiting = new WeakRef(buffer);
}

function count(buffer: SharedArrayBuffer): void {
  if (Object.hasOwn(buffer, STAND_IN)) return;
  Object.defineProperty(buffer, STAND_IN, { value: new ArrayBuffer(buffer.byteLength) });
  alive++;
  collected.register(buffer, null);
}
