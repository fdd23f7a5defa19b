import { defineConfig } from "vitest/config";

// `npm run test:package`: packs parkscore and installs the tarball into a new project, which takes minutes.
export default defineConfig({
  test: {
    include: ["test/package/**/*.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
