/**
 * A worker thread of a sensitivity analysis: builds its own Sampler from the job (preparing the
 * period once), says it is ready, then scores the chunks of runs it is sent and returns their outputs, transferring
 * the buffers. Errors go back as their problems, so the main thread can rethrow them as they were.
 */
import { parentPort, workerData } from "node:worker_threads";
import { MethodError, ParkscoreError } from "../errors.js";
import { Sampler, type SamplerJob } from "./monte-carlo.js";

const port = parentPort!;
let sampler: Sampler | undefined;
try {
  sampler = new Sampler(workerData as SamplerJob);
  port.postMessage({ ready: true });
} catch (e) {
  fail(e);
}
port.on("message", (m: { from: number; to: number }) => {
  try {
    sampler ??= new Sampler(workerData as SamplerJob);
    const c = sampler.runChunk(m.from, m.to);
    port.postMessage({ chunk: c }, [c.ranks.buffer as ArrayBuffer, c.grades.buffer as ArrayBuffer, c.shift.buffer as ArrayBuffer]);
  } catch (e) {
    fail(e);
  }
});

function fail(e: unknown): void {
  if (e instanceof ParkscoreError) port.postMessage({ problems: e.problems, omitted: e.omitted });
  else if (e instanceof MethodError) port.postMessage({ problems: [{ code: "sensitivity.method", message: e.message }], omitted: 0 });
  else port.postMessage({ internal: String((e as Error)?.stack ?? e) });
}
