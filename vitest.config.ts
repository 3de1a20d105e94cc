import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Hang guards, not speed targets: generous, because generator and package tests spawn tsx, tsc, npm pack
    // and Redocly, which on a busy 2-core machine take tens of seconds each.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Property tests and tsc-based type tests are CPU-heavy; the CI machine has 2 cores.
    maxWorkers: 2,
  },
});
