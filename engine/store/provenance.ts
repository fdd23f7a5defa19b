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
  const found = upFrom((dir) => {
    const p = join(dir, "package.json");
    return existsSync(p) && JSON.parse(readFileSync(p, "utf8")).name === "parkscore" ? dir : undefined;
  });
  if (found === undefined) throw new Error("cannot find parkscore's package.json");
  return found;
}

/**
 * The file `rel` of the installed package `pkg`, searched as Node resolves it: in node_modules from
 * here up, so that it is found in a checkout and when parkscore is itself installed beside its dependencies.
 */
export function installedFile(pkg: string, rel: string): string | undefined {
  return upFrom((dir) => {
    const p = join(dir, "node_modules", pkg, rel);
    return existsSync(p) ? p : undefined;
  });
}

function upFrom(find: (dir: string) => string | undefined): string | undefined {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const found = find(dir);
    if (found !== undefined || dirname(dir) === dir) return found;
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
    const p = installedFile(name, "package.json");
    if (p !== undefined) dependencies[name] = JSON.parse(readFileSync(p, "utf8")).version;
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
