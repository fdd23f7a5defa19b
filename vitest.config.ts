import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

// `npm test` stays browser-free and offline: the browser suites under test/e2e run with `npm run test:e2e`,
// the packed-library test under test/package (it installs from the npm registry) with `npm run test:package`.
const include = ["test/**/*.test.ts"];
const exclude = ["test/e2e/**", "test/package/**", "node_modules/**"];

// A file that replaces modules (vi.mock) needs modules of its own; every other file shares one
// module registry per worker, so that the engine and its libraries load once per worker, not once per file.
const mocking = readdirSync("test", { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".test.ts") && !/^(e2e|package)\//.test(f))
  .map((f) => join("test", f))
  .filter((f) => /\bvi\.(do)?[mM]ock\(/.test(readFileSync(f, "utf8")));

export default defineConfig({
  test: {
    globalSetup: ["test/compiled-program.ts"],
    // One fork per core: the tests' worker threads and the few spawned processes fill the rest.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 15_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: "shared", include, exclude: [...exclude, ...mocking], isolate: false } },
      { extends: true, test: { name: "isolated", include: mocking, exclude, isolate: true } },
    ],
  },
});
