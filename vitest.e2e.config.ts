import { defineConfig } from "vitest/config";

// `npm run test:e2e`: real Chromium (Debian's /usr/bin/chromium) driven by playwright-core.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
