import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The tests run the TypeScript sources: the package's own "#digest" import (package.json "imports") resolves
  // to src/ under this condition instead of to dist/. Node's conditions ("node" among them) stay in force.
  ssr: { resolve: { conditions: ["huaweicloud-task-client/source", ...defaultServerConditions] } },
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
