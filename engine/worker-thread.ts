/**
 * A worker thread running a module that sits next to its caller: the compiled `NAME.js` from dist/,
 * or the TypeScript source `NAME.ts` under tsx or vitest, loaded through tsx's ESM loader
 * registered in the new thread.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/** `caller` is the caller's `import.meta.url`; `name` the module's file name without extension. */
export function startWorker(caller: string, name: string, options: WorkerOptions): Worker {
  if (!caller.endsWith(".ts")) return new Worker(new URL(`./${name}.js`, caller), options);
  const tsx = pathToFileURL(join(dirname(createRequire(caller).resolve("tsx/package.json")), "dist", "esm", "api", "index.mjs")).href;
  const target = new URL(`./${name}.ts`, caller).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`;
  return new Worker(boot, { ...options, eval: true });
}
