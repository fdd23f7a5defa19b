/**
 * Result columns of one scoring, carved from a few large buffers instead of one allocation each.
 *
 * V8 starts a full garbage collection each time external memory grows by tens of megabytes: a
 * buffer per column (some fifty 8 MB columns at a million rows) would bring several per scoring.
 *
 * A large arena is shared memory whose pages a helper thread touches ahead of use (prefault.ts),
 * so that this thread takes few page faults; each column is claimed from it before being handed out,
 * and the arena is settled (its memory counted by V8) when `inArena` ends.
 *
 * A scoring's result keeps all its columns, so they live as long as before; but a single column
 * kept alone keeps its whole buffer alive, and one sent to another thread should be copied
 * (`ownBuffer` in data/frame.ts) rather than cloned with its buffer.
 *
 * `inArena(rows, columns, f)` runs `f` with an arena sized for `columns` columns of `rows` rows
 * (more buffers are added if it needs more); inside it `column(rows)` takes the next free column.
 * Outside one, or below `ARENA_MIN_ROWS` (where allocation costs nothing worth sharing a buffer
 * for), `column` is a plain `new Float64Array`. Fresh columns are zero-filled either way.
 */
import { FreshBuffer } from "./prefault.js";

export const ARENA_MIN_ROWS = 65536;

/** Columns added when an arena runs out (its first buffer holds the caller's estimate). */
const GROWTH = 8;

class Arena {
  private buffer: FreshBuffer;
  private used = 0;
  constructor(readonly rows: number, columns: number) {
    this.buffer = new FreshBuffer(8 * rows * Math.max(1, columns));
  }
  settle(): void {
    this.buffer.settle();
  }
  take(n: number): Float64Array {
    if (this.used + 8 * n > this.buffer.buffer.byteLength) {
      this.buffer.settle();
      this.buffer = new FreshBuffer(8 * Math.max(n, this.rows * GROWTH));
      this.used = 0;
    }
    this.buffer.claim(this.used, this.used + 8 * n);
    const out = new Float64Array(this.buffer.buffer, this.used, n);
    this.used += 8 * n;
    return out;
  }
}

let current: Arena | undefined;

/** A zero-filled column of `n` values, from the arena in force if any. */
export function column(n: number): Float64Array {
  return current !== undefined && n === current.rows ? current.take(n) : new Float64Array(n);
}

/** Runs `f` with an arena for about `columns` columns of `rows` rows (within an arena already in force, that one serves). */
export function inArena<T>(rows: number, columns: number, f: () => T): T {
  if (current !== undefined || rows < ARENA_MIN_ROWS) return f();
  current = new Arena(rows, columns);
  try {
    return f();
  } finally {
    current.settle();
    current = undefined;
  }
}

