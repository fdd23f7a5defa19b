import { defineConfig } from "vitest/config";

// `npm test` stays browser-free: the browser suites under test/e2e run with `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "node_modules/**"],
    // No test is about speed (the benchmark is): a loaded 2-core machine must not turn slow into failed.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
