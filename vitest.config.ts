import { defineConfig } from "vitest/config";

// `npm test` stays browser-free and offline: the browser suites under test/e2e run with `npm run test:e2e`,
// the packed-library test under test/package (it installs from the npm registry) with `npm run test:package`.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "test/package/**", "node_modules/**"],
    // No test is about speed (the benchmark is): a loaded 2-core machine must not turn slow into failed.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
