/**
 * Vitest's global setup: the program compiled by tsc, for the few tests that run it as a process
 * (test/cli/helpers.ts). It is kept under node_modules/.cache, where the compiled files find the
 * dependencies as dist/ does, in a folder named by the hash of the sources: a run whose sources did
 * not change compiles nothing, and a spawned command loads plain JavaScript instead of compiling the
 * sources again through tsx.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The compiled cli/main.js. */
    program: string;
  }
}

const ROOT = join(import.meta.dirname, "..");
const SOURCES = ["engine", "cli", "notebooks/runtime"];
const CACHE = join(ROOT, "node_modules", ".cache", "parkscore-program");

export default function setup(project: TestProject): void {
  project.provide("program", compiledProgram());
}

function compiledProgram(): string {
  const dir = join(CACHE, sourceHash());
  const main = join(dir, "cli", "main.js");
  if (existsSync(main)) return main;
  const building = `${dir}.${process.pid}.tmp`;
  // Type errors do not stop the emit (npm run typecheck reports them); only a program that was not written does.
  const tsc = spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.json"), "--outDir", building, "--declaration", "false", "--sourceMap", "false"], { encoding: "utf8" });
  if (!existsSync(join(building, "cli", "main.js"))) throw new Error(`tsc wrote no program:\n${tsc.stdout}${tsc.stderr}`);
  for (const old of existsSync(CACHE) ? readdirSync(CACHE) : []) if (join(CACHE, old) !== building) rmSync(join(CACHE, old), { recursive: true, force: true });
  renameSync(building, dir);
  return main;
}

/** The hash of what the compiled program is made of: the sources and the compiler's settings. */
function sourceHash(): string {
  const hash = createHash("sha256");
  for (const f of ["package.json", "tsconfig.json"]) hash.update(`${f}\0`).update(readFileSync(join(ROOT, f)));
  for (const dir of SOURCES)
    for (const f of readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" }).sort())
      if (f.endsWith(".ts")) hash.update(`${dir}/${f}\0`).update(readFileSync(join(ROOT, dir, f)));
  return hash.digest("hex").slice(0, 16);
}
