/**
 * A large file written, hashed and flushed on another thread while this one makes its bytes:
 * writing a million-row table's chunks, hashing them (sha256) and waiting for the disk would
 * otherwise take this thread as long as making them. This thread waits, synchronously, for the
 * file to be whole when it asks for the result, so callers see an ordinary blocking write.
 *
 * Each chunk is copied (the producer may reuse its buffer, or hand out views of live columns) and
 * moved to the thread. At most LIMIT bytes are in flight: past that this thread waits, so a fast
 * producer cannot fill memory. A failure on the thread (a full disk) is thrown here as the same
 * system error (code, syscall) the write would have thrown.
 */
import { Worker } from "node:worker_threads";

const LIMIT = 64 << 20;
const INFLIGHT = 0;
const STATE = 1;
const RUNNING = 0, DONE = 1, FAILED = 2;

/** The thread's whole program: write each chunk to the file, hash it, and count it done. */
const PROGRAM = `
const { parentPort, workerData } = require("node:worker_threads");
const { fsyncSync, writeSync } = require("node:fs");
const { createHash } = require("node:crypto");
const control = new Int32Array(workerData.control);
const result = new Uint8Array(workerData.result);
const hash = createHash("sha256");
const finish = (state, text) => {
  result.set(Buffer.from(text, "utf8").subarray(0, result.length - 4), 4);
  new DataView(workerData.result).setUint32(0, Math.min(Buffer.byteLength(text), result.length - 4));
  Atomics.store(control, 1, state);
  Atomics.notify(control, 1);
  Atomics.store(control, 0, 0);
  Atomics.notify(control, 0);
  parentPort.close();
};
parentPort.on("message", (chunk) => {
  if (Atomics.load(control, 1) !== 0) return;
  try {
    if (chunk === "end" || chunk === "end+sync") {
      if (chunk === "end+sync") fsyncSync(workerData.fd);
      return finish(1, hash.digest("hex"));
    }
    for (let off = 0; off < chunk.length; ) off += writeSync(workerData.fd, chunk, off, chunk.length - off);
  } catch (e) {
    return finish(2, JSON.stringify({ code: e.code, syscall: e.syscall, message: e.message }));
  }
  hash.update(chunk);
  Atomics.sub(control, 0, chunk.length);
  Atomics.notify(control, 0);
});
`;

export class WriteThread {
  private readonly control = new Int32Array(new SharedArrayBuffer(8));
  private readonly outcome = new SharedArrayBuffer(4096);
  private readonly worker: Worker;

  constructor(fd: number) {
    this.worker = new Worker(PROGRAM, { eval: true, workerData: { fd, control: this.control.buffer, result: this.outcome } });
    this.worker.unref();
  }

  /** Hands a copy of `chunk` to the thread; waits first while too much is still unwritten. */
  put(chunk: Uint8Array): void {
    for (let v = Atomics.load(this.control, INFLIGHT); v > LIMIT && Atomics.load(this.control, STATE) === RUNNING; v = Atomics.load(this.control, INFLIGHT)) Atomics.wait(this.control, INFLIGHT, v, 1000);
    if (Atomics.load(this.control, STATE) !== RUNNING) return; // the failure is thrown by end()
    const copy = new Uint8Array(chunk); // a copy: Buffer#slice would be a view
    Atomics.add(this.control, INFLIGHT, copy.length);
    this.worker.postMessage(copy, [copy.buffer]);
  }

  /** Stops the thread, for a file given up half-written (its temporary is removed by the caller). */
  abort(): void {
    void this.worker.terminate();
  }

  /** Says that every chunk has been put; the thread then flushes the file to disk if `sync`. */
  end(sync: boolean): void {
    this.worker.postMessage(sync ? "end+sync" : "end");
  }

  /** Waits until the file is whole (and flushed); gives its sha256, or throws the thread's failure. */
  result(): string {
    while (Atomics.load(this.control, STATE) === RUNNING) Atomics.wait(this.control, STATE, RUNNING, 1000);
    const length = new DataView(this.outcome).getUint32(0);
    const text = Buffer.from(this.outcome, 4, length).toString("utf8");
    if (Atomics.load(this.control, STATE) === DONE) return text;
    const { code, syscall, message } = JSON.parse(text) as { code?: string; syscall?: string; message: string };
    throw Object.assign(new Error(message), { code, syscall });
  }
}
