/**
 * A large file written, hashed and flushed on another thread while this one makes its bytes:
 * writing a million-row table's chunks, hashing them (sha256) and waiting for the disk would
 * otherwise take this thread as long as making them. This thread waits, synchronously, for the
 * file to be whole when it asks for the result, so callers see an ordinary blocking write.
 *
 * The two threads share a ring of SLOTS buffers: this thread copies each chunk into the next free
 * one and marks it full; the other writes it out, hashes it and marks it free. Copying into memory
 * already touched costs a fraction of what fresh buffers would (their pages faulted in, one by
 * one), and the producer may reuse or keep its chunk. A fast producer waits for a free slot, so
 * memory stays bounded. A failure on the thread (a full disk) is thrown here as the same system
 * error (code, syscall) the write would have thrown.
 */
import { Worker } from "node:worker_threads";

const SLOTS = 8;
const SLOT_BYTES = 4 << 20;
// state[k]: slot k is FREE or FULL; length[k]: its bytes, or END / END_SYNC after the last chunk.
const FREE = 0, FULL = 1;
const END = -1, END_SYNC = -2;
// outcome: RUNNING until the thread is DONE (its sha256 in the text) or FAILED (the error as JSON).
const RUNNING = 0, DONE = 1, FAILED = 2;

/** The thread's whole program: take the slots in turn, write, hash, free; then say how it ended. */
const PROGRAM = `
const { workerData: { fd, ring, control, text } } = require("node:worker_threads");
const { fsyncSync, writeSync } = require("node:fs");
const { createHash } = require("node:crypto");
const c = new Int32Array(control);
const state = c.subarray(0, ${SLOTS}), length = c.subarray(${SLOTS}, ${2 * SLOTS}), outcome = c.subarray(${2 * SLOTS});
const hash = createHash("sha256");
const end = (how, message) => {
  const bytes = Buffer.from(message, "utf8");
  new Uint8Array(text).set(bytes.subarray(0, text.byteLength - 4), 4);
  new DataView(text).setUint32(0, Math.min(bytes.length, text.byteLength - 4));
  Atomics.store(outcome, 0, how);
  Atomics.notify(outcome, 0);
  for (let k = 0; k < ${SLOTS}; k++) (Atomics.store(state, k, ${FREE}), Atomics.notify(state, k));
};
try {
  for (let k = 0; ; k = (k + 1) % ${SLOTS}) {
    while (Atomics.load(state, k) !== ${FULL}) Atomics.wait(state, k, ${FREE});
    const n = length[k];
    if (n < 0) {
      if (n === ${END_SYNC}) fsyncSync(fd);
      end(${DONE}, hash.digest("hex"));
      break;
    }
    const chunk = new Uint8Array(ring, k * ${SLOT_BYTES}, n);
    for (let off = 0; off < n; ) off += writeSync(fd, chunk, off, n - off);
    hash.update(chunk);
    Atomics.store(state, k, ${FREE});
    Atomics.notify(state, k);
  }
} catch (e) {
  end(${FAILED}, JSON.stringify({ code: e.code, syscall: e.syscall, message: e.message }));
}
`;

export class WriteThread {
  private readonly ring = new SharedArrayBuffer(SLOTS * SLOT_BYTES);
  private readonly control = new Int32Array(new SharedArrayBuffer(4 * (2 * SLOTS + 1)));
  private readonly state = this.control.subarray(0, SLOTS);
  private readonly length = this.control.subarray(SLOTS, 2 * SLOTS);
  private readonly outcome = this.control.subarray(2 * SLOTS);
  private readonly text = new SharedArrayBuffer(4096);
  private readonly worker: Worker;
  private next = 0;

  constructor(fd: number) {
    this.worker = new Worker(PROGRAM, { eval: true, workerData: { fd, ring: this.ring, control: this.control.buffer, text: this.text } });
    this.worker.unref();
  }

  /** Copies `chunk` into the ring, a slot at a time, waiting for free slots. */
  put(chunk: Uint8Array): void {
    for (let off = 0; off < chunk.length && Atomics.load(this.outcome, 0) === RUNNING; off += SLOT_BYTES) {
      const n = Math.min(SLOT_BYTES, chunk.length - off);
      const k = this.take();
      new Uint8Array(this.ring, k * SLOT_BYTES, n).set(chunk.subarray(off, off + n));
      this.fill(k, n);
    }
  }

  /** Says that every chunk has been put; the thread then flushes the file to disk if `sync`. */
  end(sync: boolean): void {
    if (Atomics.load(this.outcome, 0) === RUNNING) this.fill(this.take(), sync ? END_SYNC : END);
  }

  /** Waits until the file is whole (and flushed); gives its sha256, or throws the thread's failure. */
  result(): string {
    while (Atomics.load(this.outcome, 0) === RUNNING) Atomics.wait(this.outcome, 0, RUNNING, 1000);
    const length = new DataView(this.text).getUint32(0);
    const message = Buffer.from(this.text, 4, length).toString("utf8");
    if (Atomics.load(this.outcome, 0) === DONE) return message;
    const { code, syscall, message: text } = JSON.parse(message) as { code?: string; syscall?: string; message: string };
    throw Object.assign(new Error(text), { code, syscall });
  }

  /** Stops the thread, for a file given up half-written (its temporary is removed by the caller). */
  abort(): void {
    void this.worker.terminate();
  }

  /** The next slot, once the thread has freed it. */
  private take(): number {
    const k = this.next;
    this.next = (k + 1) % SLOTS;
    while (Atomics.load(this.state, k) === FULL && Atomics.load(this.outcome, 0) === RUNNING) Atomics.wait(this.state, k, FULL, 1000);
    return k;
  }

  private fill(k: number, length: number): void {
    this.length[k] = length;
    Atomics.store(this.state, k, FULL);
    Atomics.notify(this.state, k);
  }
}
