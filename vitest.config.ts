import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Property tests and tsc-based type tests are CPU-heavy; the CI machine has 2 cores.
    maxWorkers: 2,
  },
});
