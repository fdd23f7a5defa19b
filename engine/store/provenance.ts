/**
 * What a run used, so a published ranking can be reproduced and defended: parkscore's version, the
 * Node version, the installed versions of the libraries that compute, and file hashes.
 */
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder holding parkscore's package.json (works from the sources and from dist/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const p = join(dir, "package.json");
    if (existsSync(p) && JSON.parse(readFileSync(p, "utf8")).name === "parkscore") return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error("cannot find parkscore's package.json");
    dir = up;
  }
}

const COMPUTING = ["apache-arrow", "mathjs", "simple-statistics", "zod", "yaml", "iconv-lite", "exceljs", "parquet-wasm"];

export interface Versions {
  parkscore: string;
  node: string;
  dependencies: Record<string, string>;
}

let cached: Versions | undefined;

export function versions(): Versions {
  if (cached) return cached;
  const root = packageRoot();
  const own = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const dependencies: Record<string, string> = {};
  for (const name of COMPUTING) {
    const p = join(root, "node_modules", name, "package.json");
    if (existsSync(p)) dependencies[name] = JSON.parse(readFileSync(p, "utf8")).version;
  }
  return (cached = { parkscore: own.version, node: process.version, dependencies });
}

/** sha256 of a file, streamed (inputs can be hundreds of megabytes). */
export function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash("sha256");
    createReadStream(path)
      .on("data", (d) => h.update(d))
      .on("error", reject)
      .on("end", () => resolve(h.digest("hex")));
  });
}
