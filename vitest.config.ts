import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

// `npm test` stays browser-free and offline: the browser suites under test/e2e run with `npm run test:e2e`,
// the packed-library test under test/package (it installs from the npm registry) with `npm run test:package`.
const include = ["test/**/*.test.ts"];
const exclude = ["test/e2e/**", "test/package/**", "node_modules/**"];

// Files share one module registry per worker, so that the engine and its libraries load once per worker,
// not once per file; except a file that replaces modules (vi.mock), and one that needs the module state
// of a fresh process: late counting is counted process-wide, and other files' buffers stay alive.
const isolated = [
  ...readdirSync("test", { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".test.ts") && !/^(e2e|package)\//.test(f))
    .map((f) => join("test", f))
    .filter((f) => /\bvi\.(do)?[mM]ock\(/.test(readFileSync(f, "utf8"))),
  "test/engine/kernels/late-count.test.ts",
];

export default defineConfig({
  test: {
    globalSetup: ["test/compiled-program.ts"],
    // One fork per core: the tests' worker threads and the few spawned processes fill the rest.
    pool: "forks",
    maxWorkers: 2,
    // A loaded 2-core machine must not turn slow into failed; tests that run whole commands or notebooks set their own.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "shared", include, exclude: [...exclude, ...isolated], isolate: false } },
      { extends: true, test: { name: "isolated", include: isolated, exclude, isolate: true } },
    ],
  },
});
