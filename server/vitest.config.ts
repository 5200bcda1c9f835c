import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Ceilings for a stuck test, not speed targets: tests wait for outcomes, and under load
    // (`pnpm test:stress`) a 10 s integration test can take 40.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Two files at a time (each has its own databases and ports): on a 2-core machine the
    // integration suites mostly wait on PostgreSQL, PGlite and the sandbox, not on the CPU.
    maxWorkers: 2,
  },
});
